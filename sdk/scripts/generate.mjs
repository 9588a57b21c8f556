#!/usr/bin/env node
// Derives the SDK's generated sources from the committed OpenAPI document:
//   src/generated/schema.ts      types (openapi-typescript)
//   src/generated/operations.ts  the operation table the client reads at run time
//   src/generated/enums.ts       every enum of the contract as an array (QUOTE_STATUSES, ROLES, …)
// Usage: node scripts/generate.mjs [--spec <openapi.json>] [--out <dir>] [--check]
// --check compares with what is on disk and exits 1 on drift instead of writing.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const SDK_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const IDEMPOTENT_METHODS = new Set(['get', 'head', 'put', 'delete', 'options']);
/** A value as a single-quoted TypeScript string literal. */
const q = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const HEADER = '// generated — do not edit. Source: openapi/openapi.json; run `pnpm generate`.\n';

/** Reads an OpenAPI document and returns the generated files as { name: contents }. */
export async function generate(document) {
  return {
    'schema.ts': await renderSchema(document),
    'operations.ts': renderOperations(collectOperations(document)),
    'enums.ts': renderEnums(collectEnums(document)),
  };
}

/** `format: binary` is bytes, not a string: a `Blob` (a `File` is one) in bodies and binary responses. */
const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

async function renderSchema(document) {
  const ast = await openapiTS(structuredClone(document), {
    silent: true,
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    transform(schemaObject) {
      if (schemaObject.type === 'string' && schemaObject.format === 'binary') return BLOB;
      return undefined;
    },
  });
  return HEADER + '\n' + astToString(ast);
}

/** One row per operation, in document order, with everything the client decides by. */
export function collectOperations(document) {
  const rows = [];
  const seen = new Set();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId;
      if (typeof id !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(id)) {
        throw new Error(`${where}: every operation needs an operationId that is a JavaScript identifier (got ${JSON.stringify(id)})`);
      }
      if (seen.has(id)) throw new Error(`${where}: duplicate operationId ${id}`);
      seen.add(id);
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(document, p));
      const row = {
        id,
        method,
        path,
        security: securityOf(operation.security ?? document.security ?? [], where),
        idempotent: IDEMPOTENT_METHODS.has(method),
        createsResource:
          method === 'post' && parameters.some((p) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key'),
      };
      // How the client sends the body and reads the answer: a multipart form from an object of parts,
      // and a binary answer (a file, a PDF) as a Blob instead of JSON.
      const requestContent = Object.keys(resolveRef(document, operation.requestBody)?.content ?? {});
      if (requestContent.includes('multipart/form-data')) row.requestBody = 'multipart';
      const success = Object.entries(operation.responses ?? {})
        .filter(([status]) => /^2/.test(status))
        .flatMap(([, response]) => Object.keys(resolveRef(document, response)?.content ?? {}));
      if (success.length > 0 && !success.some((type) => /json/.test(type))) row.responseBody = 'binary';
      const roles = operation['x-nexus-roles'];
      if (roles !== undefined) {
        if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) {
          throw new Error(`${where}: x-nexus-roles must be an array of strings`);
        }
        // mayCall() compares these with a user's role: a role the contract does not define would never match.
        const known = document.components?.schemas?.Role?.enum;
        const unknown = Array.isArray(known) ? roles.filter((r) => !known.includes(r)) : [];
        if (unknown.length > 0) throw new Error(`${where}: x-nexus-roles names roles that are not in the Role schema: ${unknown.join(', ')}`);
        row.roles = roles;
      }
      rows.push(row);
    }
  }
  return rows;
}

function securityOf(requirements, where) {
  if (requirements.length === 0) return 'public';
  for (const requirement of requirements) {
    const schemes = Object.keys(requirement);
    // `{}` would make credentials optional, which the client could not honour consistently.
    if (schemes.length !== 1 || schemes[0] !== 'bearerAuth') {
      throw new Error(`${where}: unsupported security requirement ${JSON.stringify(requirement)} (only bearerAuth)`);
    }
  }
  return 'bearer';
}

function resolveRef(document, value) {
  if (!value || typeof value.$ref !== 'string') return value;
  const target = value.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], document);
  if (!target) throw new Error(`unresolvable $ref ${value.$ref}`);
  return resolveRef(document, target);
}

function renderOperations(rows) {
  const lines = [
    HEADER.trimEnd(),
    '',
    '/**',
    ' * Every operation of the Nexus API as its contract declares it: method, path',
    ' * template, security (`public` never carries credentials, `bearer` needs an access',
    ' * token), the roles allowed (absent: any signed-in user), whether a retry is safe',
    ' * (`idempotent`), whether it is a create that accepts an `Idempotency-Key`, and where',
    ' * it is not JSON: `requestBody: \'multipart\'` (parts sent as a form: files as Blob/Uint8Array)',
    ' * and `responseBody: \'binary\'` (the answer is a file, read as a Blob).',
    ' */',
    'export const operations = {',
  ];
  for (const row of rows) {
    lines.push(`  ${row.id}: {`);
    lines.push(`    method: ${q(row.method)},`);
    lines.push(`    path: ${q(row.path)},`);
    lines.push(`    security: ${q(row.security)},`);
    if (row.roles) lines.push(`    roles: [${row.roles.map(q).join(', ')}],`);
    if (row.requestBody) lines.push(`    requestBody: ${q(row.requestBody)},`);
    if (row.responseBody) lines.push(`    responseBody: ${q(row.responseBody)},`);
    lines.push(`    idempotent: ${row.idempotent},`);
    lines.push(`    createsResource: ${row.createsResource},`);
    lines.push('  },');
  }
  lines.push('} as const;', '');
  lines.push('/** The `operationId` of every operation. */');
  lines.push('export type OperationId = keyof typeof operations;', '');
  return lines.join('\n');
}

/**
 * Every named schema of the contract that is a string enum, in document order:
 * `QuoteStatus` → `{ schema: 'QuoteStatus', constant: 'QUOTE_STATUSES', values: [...] }`.
 */
export function collectEnums(document) {
  const rows = [];
  for (const [schema, definition] of Object.entries(document.components?.schemas ?? {})) {
    const values = definition?.enum;
    if (!Array.isArray(values)) continue;
    if (!values.every((value) => typeof value === 'string')) throw new Error(`schema ${schema}: only string enums are supported`);
    rows.push({ schema, constant: constantName(schema), values });
  }
  const names = rows.map((row) => row.constant);
  const clash = names.find((name, i) => names.indexOf(name) !== i);
  if (clash) throw new Error(`two enum schemas would both be exported as ${clash}`);
  return rows;
}

/** `QuoteStatus` → `QUOTE_STATUSES`, `Role` → `ROLES`, `RelationType` → `RELATION_TYPES`. */
function constantName(schema) {
  const snake = schema.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  if (/(S|SH|CH|X|Z)$/.test(snake)) return `${snake}ES`;
  if (/[^AEIOU]Y$/.test(snake)) return `${snake.slice(0, -1)}IES`;
  return `${snake}S`;
}

function renderEnums(rows) {
  const lines = [HEADER.trimEnd(), ''];
  if (rows.length > 0) lines.push(`import type { ${rows.map((row) => row.schema).join(', ')} } from './schema.js';`, '');
  for (const row of rows) {
    lines.push(`/** Every \`${row.schema}\` the contract defines, in its order. */`);
    lines.push(`export const ${row.constant} = [${row.values.map(q).join(', ')}] as const satisfies readonly ${row.schema}[];`, '');
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      spec: { type: 'string', default: join(SDK_DIR, '..', 'openapi', 'openapi.json') },
      out: { type: 'string', default: join(SDK_DIR, 'src', 'generated') },
      check: { type: 'boolean', default: false },
    },
  });
  const document = JSON.parse(await readFile(values.spec, 'utf8'));
  const files = await generate(document);
  if (values.check) {
    const stale = [];
    for (const [name, contents] of Object.entries(files)) {
      const current = await readFile(join(values.out, name), 'utf8').catch(() => undefined);
      if (current !== contents) stale.push(name);
    }
    if (stale.length > 0) {
      console.error(`sdk: generated files are out of date: ${stale.join(', ')} — run \`pnpm generate\``);
      process.exit(1);
    }
    return;
  }
  await mkdir(values.out, { recursive: true });
  for (const [name, contents] of Object.entries(files)) await writeFile(join(values.out, name), contents);
  console.log(`sdk: wrote ${Object.keys(files).join(', ')} to ${values.out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
