import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles, violationsOf, type SourceFile } from './support/import-rules.js';
import { ROUTE_FILE_MAX_LINES, routeFileViolations } from './support/route-file-rules.js';

const API_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const file = (filePath: string, ...imports: string[]): SourceFile => ({
  path: filePath,
  text: imports.map((specifier, i) => `import { x${i} } from '${specifier}';`).join('\n'),
});

describe('the layers of api/src', () => {
  it('keep every import rule of docs/architecture.md', () => {
    const files = sourceFiles(API_ROOT, ['src', 'test']);
    expect(files.length).toBeGreaterThan(100);
    const report = violationsOf(files).map((v) => `${v.file} imports ${v.imports}: ${v.rule}`);
    expect(report).toEqual([]);
  });

  it('catches a route that imports a repository, even as a type', () => {
    const violations = violationsOf([
      file('src/routes/quotes/quotes.handlers.ts', '../../repositories/quotes.js'),
      { path: 'src/routes/quotes/quotes.schemas.ts', text: "import type { QuoteRow } from '../../db/schema.js';" },
      file('src/routes/system/system.handlers.ts', 'kysely'),
    ]);
    expect(violations.map((v) => v.imports)).toEqual(['src/repositories/quotes', 'src/db/schema', 'kysely']);
  });

  it('catches a repository that imports HTTP code', () => {
    const violations = violationsOf([
      file('src/repositories/users.ts', '../http/schemas.js', 'hono', '@hono/zod-openapi', '../routes/users/users.schemas.js'),
    ]);
    const ofRepositories = violations.filter((v) => v.rule.startsWith('repositories'));
    expect(ofRepositories.map((v) => v.imports)).toEqual(['src/http/schemas', 'hono', '@hono/zod-openapi', 'src/routes/users/users.schemas']);
  });

  it('catches a domain module that imports anything outside domain/', () => {
    const violations = violationsOf([
      file('src/domain/quotes/pricing.ts', './quantity.js', '../catalogue/money.js', '../../lib/problem.js', 'exceljs', 'node:stream'),
    ]);
    expect(violations.map((v) => v.imports)).toEqual(['src/lib/problem', 'exceljs', 'node:stream']);
  });

  it('catches runtime code and tests that reach into a route folder, and a service that speaks HTTP', () => {
    const violations = violationsOf([
      file('src/runtime.ts', './routes/quotes/quotes.expiry.js'),
      file('test/quotes.test.ts', '../src/routes/quotes/quotes.expiry.js'),
      file('src/services/chat/tickets.ts', '../../http/app-env.js'),
      file('src/app.ts', './routes/index.js'),
    ]);
    expect(violations.map((v) => v.file)).toEqual(['src/runtime.ts', 'test/quotes.test.ts', 'src/services/chat/tickets.ts']);
  });
});

describe('the files of api/src/routes', () => {
  it(`are at most ${ROUTE_FILE_MAX_LINES} lines each and do no database work`, () => {
    const files = sourceFiles(API_ROOT, ['src/routes']);
    expect(files.length).toBeGreaterThan(40);
    const report = routeFileViolations(files).map((v) => `${v.file} (${v.found}): ${v.rule}`);
    expect(report).toEqual([]);
  });

  it('catches a route file that grew past the limit, and only under src/routes', () => {
    const long = Array.from({ length: ROUTE_FILE_MAX_LINES + 1 }, (_, i) => `export const route${i} = ${i};`).join('\n') + '\n';
    const atLimit = long.split('\n').slice(1).join('\n');
    const violations = routeFileViolations([
      { path: 'src/routes/documents/documents.routes.ts', text: long },
      { path: 'src/routes/chat/chat.routes.ts', text: atLimit },
      { path: 'src/services/quotes/quotes.ts', text: long },
    ]);
    expect(violations.map((v) => [v.file, v.found])).toEqual([['src/routes/documents/documents.routes.ts', `${ROUTE_FILE_MAX_LINES + 1} lines`]]);
  });

  it('catches a handler that queries the database or runs a transaction through deps', () => {
    const violations = routeFileViolations([
      { path: 'src/routes/quotes/quotes.handlers.ts', text: 'const rows = await deps.db.selectFrom("quotes").selectAll().execute();\n' },
      { path: 'src/routes/users/users.handlers.ts', text: 'await db.transaction().execute(async (trx) => trx);\n' },
      { path: 'src/routes/system/system.handlers.ts', text: 'const n = await sql`select 1`.execute(db);\n' },
      { path: 'src/routes/tasks/tasks.schemas.ts', text: "export const TaskSchema = z.object({ id: UuidSchema }).openapi('Task');\n" },
    ]);
    expect(violations.map((v) => v.file)).toEqual([
      'src/routes/quotes/quotes.handlers.ts',
      'src/routes/quotes/quotes.handlers.ts',
      'src/routes/users/users.handlers.ts',
      'src/routes/system/system.handlers.ts',
    ]);
  });
});
