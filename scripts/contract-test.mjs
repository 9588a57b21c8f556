#!/usr/bin/env node
// Contract tests: the real API on the project's services, probed by
// Schemathesis 4 against its own /openapi.json — every phase, every check.
// The bearer token is applied only to operations whose contract requires it
// (Schemathesis' OpenAPI-aware auth reads each operation's `security`).
// Any failure fails the command. Per pass, in test-results/: the full output
// (schemathesis-<pass>.log), JUnit (.xml) and the run report (.json). Only a
// short summary is printed — plus the full output of a failing pass — because
// Schemathesis' pytest-style banners (`==== … ====`) read as a test runner's
// closing line to CI, which must see `npm test`'s own `tests: N passed, N failed`.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { fixturesToml, makeContractFixtures } from './lib/contract-fixtures.mjs';
import { loadServicesEnv } from './lib/services-env.mjs';
import { REPO_ROOT, startApi } from './lib/test-stack.mjs';

const services = loadServicesEnv();
const st = services.SCHEMATHESIS_BIN;
if (!st) throw new Error('SCHEMATHESIS_BIN missing from .data/services.env: run `pnpm services:up`.');

const maxExamples = process.env.CONTRACT_MAX_EXAMPLES ?? '100';
const seed = process.env.CONTRACT_SEED ?? '20261125';
const maxSteps = process.env.CONTRACT_MAX_STEPS ?? '10';
// For looking into one finding: more Schemathesis options for the main pass, e.g.
// CONTRACT_ST_ARGS='--include-path-regex ^/api/documents --report har' (split on spaces).
const extraArgs = (process.env.CONTRACT_ST_ARGS ?? '').split(' ').filter(Boolean);
const reportDir = path.join(REPO_ROOT, 'test-results');
mkdirSync(reportDir, { recursive: true });

/** Lines summarising one pass from Schemathesis' JSON run report: cases generated/passed/failed, warnings. */
function summarise(pass, file) {
  let run;
  try {
    run = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return [`contract: ${pass} pass — no run report (Schemathesis did not finish)`];
  }
  const cases = run.test_cases;
  const failed = cases.with_failures + cases.errored;
  const operations = run.operations ? `${run.operations.tested} of ${run.operations.selected} operations tested, ` : '';
  const lines = [
    `contract: ${pass} pass — ${operations}${cases.generated} cases generated, ${cases.generated - failed} passed, ${failed} failed` +
      ` (${typeof run.running_time === 'number' ? run.running_time.toFixed(1) : '?'} s)`,
  ];
  for (const failure of run.failures) {
    lines.push(`contract: ${pass} pass failure — ${failure.title} ×${failure.count}: ${failure.operations.join(', ')}`);
  }
  for (const [kind, labels] of Object.entries(run.warnings ?? {})) {
    if (labels.length > 0) lines.push(`contract: ${pass} pass warning — ${kind}: ${labels.join(', ')}`);
  }
  return lines;
}

/** Every operation of the contract with its label as Schemathesis writes it (`POST /api/users`). */
function* operationsOf(contract) {
  for (const [route, item] of Object.entries(contract.paths)) {
    for (const [method, operation] of Object.entries(item)) yield [`${method.toUpperCase()} ${route}`, operation];
  }
}

/**
 * The contract's UTF-8 byte bounds (`x-max-utf8-bytes`, which JSON Schema cannot
 * express) per operation label and body field, for scripts/lib/schemathesis_hooks.py.
 */
function utf8ByteLimits(contract) {
  const resolve = (schema) => {
    const ref = schema?.$ref;
    return ref ? resolve(ref.split('/').slice(1).reduce((node, key) => node[key], contract)) : schema;
  };
  const limits = {};
  for (const [label, operation] of operationsOf(contract)) {
    const schema = resolve(operation?.requestBody?.content?.['application/json']?.schema);
    for (const [field, property] of Object.entries(schema?.properties ?? {})) {
      const limit = resolve(property)?.['x-max-utf8-bytes'];
      if (typeof limit === 'number') (limits[label] ??= {})[field] = limit;
    }
  }
  return limits;
}

/**
 * The media types a multipart file part may be (`encoding.<part>.contentType`), per operation label and part:
 * the API reads a file's type from its bytes, which JSON Schema cannot describe.
 */
function partMediaTypes(contract) {
  const types = {};
  for (const [label, operation] of operationsOf(contract)) {
    const encoding = operation?.requestBody?.content?.['multipart/form-data']?.encoding ?? {};
    for (const [part, { contentType }] of Object.entries(encoding)) {
      if (typeof contentType === 'string') (types[label] ??= {})[part] = contentType.split(',').map((t) => t.trim());
    }
  }
  return types;
}

// The browser origin the run's API allows (the contract's example origin), for the chat tickets it redeems.
const CHAT_ORIGIN = 'http://localhost:3010';
const api = await startApi({
  env: {
    // The run takes minutes and fuzzes login: a token that outlives it, and
    // limits that let the fuzzer reach every branch (429 stays reachable and documented).
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    LOGIN_LIMIT_PER_IP: '200',
    PUBLIC_STATS_RATE_LIMIT: '2000',
    // Chat tickets made before the run (contract-fixtures.mjs) must still be redeemable during it.
    CHAT_TICKET_TTL_SECONDS: '300',
    CORS_ORIGINS: CHAT_ORIGIN,
  },
});
let exitCode = 1;
try {
  if (!api.admin) throw new Error(`the API did not print first-admin credentials:\n${api.output()}`);
  const login = async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(api.admin),
    });
    if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    return (await response.json()).accessToken;
  };
  const token = await login();
  // Logout ends the session of the token it is called with: give it a session of its own
  // so that the fuzzer logging out does not end the session every other operation uses.
  const logoutToken = await login();
  const fixtures = await makeContractFixtures(api.baseUrl, token, { chatOrigin: CHAT_ORIGIN });

  const configDir = mkdtempSync(path.join(tmpdir(), 'nexus-contract-'));
  // Schemathesis' OpenAPI-aware auth sends the token only where an operation's
  // `security` asks for it, so public operations are tested without credentials.
  const writeConfig = (name, tokenVariable, extra = '') => {
    const file = path.join(configDir, name);
    writeFileSync(
      file,
      [
        '[auth.openapi.bearerAuth]',
        `bearer = "\${${tokenVariable}}"`,
        '',
        // A line is three links deep (create quote → add line → change or remove it);
        // longer scenarios reach such operations with real ids far more often.
        '[phases.stateful]',
        `max-steps = ${maxSteps}`,
        // Only the contract's own links: inferred ones guess from field names and
        // carried a null quoteId into /api/quotes/None/… (a 400 counted as a
        // rejected valid request); every operation has declared links to reach it.
        'inference.algorithms = []',
        '',
        '# 428 Precondition Required is the right answer to a missing If-Match (RFC 6585).',
        '[checks.missing_required_header]',
        'expected-statuses = ["400", "401", "403", "406", "415", "422", "428"]',
        '',
        '# A schema-valid update carrying a stale If-Match is rightly refused with 412.',
        '[checks.positive_data_acceptance]',
        'expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "412", "429", "5xx"]',
        '',
        extra,
      ].join('\n'),
    );
    return file;
  };
  const common = [
    '--checks',
    'all',
    '--max-examples',
    maxExamples,
    '--workers',
    '2',
    '--seed',
    seed,
    '--generation-database',
    'none',
    // A quote's first PDF is rendered in a worker with bounded concurrency; on a loaded
    // two-core machine a queue of them behind the fuzzer has taken more than 10 s.
    '--request-timeout',
    '30',
    '--no-color',
    // NUL characters get a documented blanket 400 (see the API description);
    // JSON Schema cannot say "no U+0000" without a pattern on every string.
    '--generation-allow-x00',
    'false',
  ];
  const contract = JSON.parse(readFileSync(path.join(REPO_ROOT, 'openapi', 'openapi.json'), 'utf8'));
  const env = {
    NEXUS_CONTRACT_TOKEN: token,
    NEXUS_CONTRACT_LOGOUT_TOKEN: logoutToken,
    SCHEMATHESIS_HOOKS: path.join(REPO_ROOT, 'scripts', 'lib', 'schemathesis_hooks.py'),
    NEXUS_CONTRACT_BYTE_LIMITS: JSON.stringify(utf8ByteLimits(contract)),
    NEXUS_CONTRACT_PART_TYPES: JSON.stringify(partMediaTypes(contract)),
    NEXUS_CONTRACT_UNTOUCHABLE: JSON.stringify(fixtures.untouchable),
  };
  // Logout ends the session of the token it is called with, so it runs apart,
  // with a session of its own; every other operation runs in the main pass.
  const passes = [
    {
      name: 'main',
      config: writeConfig('main.toml', 'NEXUS_CONTRACT_TOKEN', fixturesToml(fixtures)),
      filter: ['--exclude-operation-id', 'logout', '--phases', 'examples,coverage,fuzzing,stateful', ...extraArgs],
    },
    {
      // No links lead to or from logout, so it has no stateful phase.
      name: 'logout',
      config: writeConfig('logout.toml', 'NEXUS_CONTRACT_LOGOUT_TOKEN'),
      filter: ['--include-operation-id', 'logout', '--phases', 'examples,coverage,fuzzing'],
    },
  ];
  let result = { exitCode: 0 };
  for (const pass of passes) {
    const report = (ext) => path.join(reportDir, `schemathesis-${pass.name}.${ext}`);
    process.stdout.write(`contract: schemathesis (${pass.name} pass) against ${api.baseUrl}/openapi.json, max ${maxExamples} examples per operation, seed ${seed}\n`);
    rmSync(report('json'), { force: true });
    // Written as it runs, so a long pass can be followed with `tail -f`.
    const log = openSync(report('log'), 'w');
    let run;
    try {
      run = await execa(
        st,
        [
          '--config-file', pass.config, 'run', `${api.baseUrl}/openapi.json`, ...pass.filter, ...common,
          '--report', 'junit,json', '--report-junit-path', report('xml'), '--report-json-path', report('json'),
        ],
        { env, stdin: 'ignore', stdout: log, stderr: log, reject: false },
      );
    } finally {
      closeSync(log);
    }
    const summary = summarise(pass.name, report('json'));
    summary.push(`contract: ${pass.name} pass — full output in ${path.relative(REPO_ROOT, report('log'))}`);
    process.stdout.write(`${summary.join('\n')}\n`);
    if (run.exitCode !== 0) {
      process.stdout.write(`contract: ${pass.name} pass FAILED (schemathesis exit ${run.exitCode}); its output:\n`);
      process.stdout.write(readFileSync(report('log'), 'utf8'));
      result = run;
    }
  }
  exitCode = result.exitCode ?? 1;
  // Guard against a silently weaker run: had the fuzzer ended the main session
  // (e.g. by calling logout with it), every later protected call would have been a 401.
  const me = await fetch(`${api.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  if (me.status !== 200) {
    process.stdout.write(`contract: the run's own session ended during the run (GET /api/auth/me → ${me.status})\n`);
    exitCode = 1;
  }
  process.stdout.write(exitCode === 0 ? 'contract: passed\n' : `contract: FAILED (schemathesis exit ${exitCode})\n`);
} finally {
  await api.stop();
}
process.exit(exitCode);
