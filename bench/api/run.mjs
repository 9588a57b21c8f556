// pnpm bench:api — Nexus against the physical limit and against peers, on the
// real stack (PostgreSQL, Redis), with a seeded dataset. See bench/README.md.
//
// Sizes and durations (environment; defaults are bounded so a run takes minutes):
//   BENCH_CUSTOMERS=10000 BENCH_PRODUCTS=100000 BENCH_QUOTES=20000
//   BENCH_DURATION=2 (seconds per measurement; BENCH_DASHBOARD_DURATION=5 for the dashboard)  BENCH_ROUNDS=3  BENCH_CONNECTIONS=10
//   BENCH_SERVERS=nexus,limit,limit-noauth,fastify,fastapi
//   BENCH_ENDPOINTS=dashboard,customers,quote,create,search
//   BENCH_GROWTH=10000,100000 (rows for the cost-growth part; add 1000000 for the full run; 0 skips it)
//
// Runs with tsx so that the peers get the SQL the API's own repositories build.
import { generateKeyPairSync, createPublicKey, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { REPO_ROOT, freePort, startApi } from '../../scripts/lib/test-stack.mjs';
import { searchQueryMix } from '../search-queries.mjs';
import { seedCustomers, seedProducts, seedQuotes } from './seed.mjs';
import { searchProductsQuery, SIMILARITY_SETTING } from '../../api/src/repositories/products.ts';
import { listCustomers, countCustomers, insertCustomerOnce } from '../../api/src/repositories/customers.ts';
import { findQuote, listQuoteLines, hasDueQuotes } from '../../api/src/repositories/quotes.ts';
import { quoteDashboard } from '../../api/src/repositories/quotes-dashboard.ts';
import { activityByDay } from '../../api/src/repositories/activity.ts';
import { countCatalogue } from '../../api/src/repositories/products.ts';
import { searchTerms } from '../../api/src/domain/catalogue/search-query.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const requireFromApi = createRequire(path.join(REPO_ROOT, 'api/package.json'));
const { Kysely, PostgresDialect } = requireFromApi('kysely');

const env = process.env;
const int = (name, fallback) => Number(env[name] ?? fallback);
const CUSTOMERS = int('BENCH_CUSTOMERS', 10_000);
const PRODUCTS = int('BENCH_PRODUCTS', 100_000);
const QUOTES = int('BENCH_QUOTES', 20_000);
const DURATION = int('BENCH_DURATION', 2);
const ROUNDS = int('BENCH_ROUNDS', 3);
const CONNECTIONS = int('BENCH_CONNECTIONS', 10);
// The peers compute the dashboard's aggregates on every call (seconds under load): a longer window, so they finish some.
const DASHBOARD_DURATION = int('BENCH_DASHBOARD_DURATION', Math.max(DURATION, 5));
const SERVERS = (env.BENCH_SERVERS ?? 'nexus,limit,limit-noauth,fastify,fastapi').split(',');
const ENDPOINTS = (env.BENCH_ENDPOINTS ?? 'dashboard,customers,quote,create,search').split(',');
const GROWTH = (env.BENCH_GROWTH ?? '10000,100000').split(',').map(Number).filter((n) => n > 0);
const PYTHON_PACKAGES = ['fastapi==0.163.2', 'uvicorn==0.54.0', 'uvloop==0.23.0', 'httptools==0.9.0', 'asyncpg==0.32.0', 'pyjwt==2.15.1', 'cryptography==50.0.2'];
const CLK_TCK = 100; // Linux USER_HZ: /proc/<pid>/stat times are in 1/100 s

const log = (line) => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const cpuTicks = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
};

// ---------------------------------------------------------------- the stack
const { privateKey } = generateKeyPairSync('ed25519');
const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' });
const publicPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' });
const workDir = mkdtempSync(path.join(tmpdir(), 'nexus-bench-api-'));
const children = [];
const nexusEnv = {
  NEO4J_URL: '', // graph off: its sync would compete for the CPU
  LOG_LEVEL: 'warn',
  JWT_PRIVATE_KEY: privatePem,
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  DATABASE_POOL_MAX: '10',
  // One client address (the bench) makes every request: its budget must not be the limit measured.
  PUBLIC_STATS_RATE_LIMIT: '1000000000',
};

async function startNexus() {
  const api = await startApi({ env: nexusEnv });
  const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(api.admin) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const me = await (await fetch(`${api.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
  return { api, token: accessToken, userId: me.id };
}

function ensureVenv() {
  const venv = path.join(HERE, '..', '.venv');
  const python = path.join(venv, 'bin', 'python');
  const marker = path.join(venv, 'nexus-bench-packages.txt');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === PYTHON_PACKAGES.join('\n')) return python;
  log(`python: creating ${path.relative(REPO_ROOT, venv)} with ${PYTHON_PACKAGES.join(' ')} from PyPI…`);
  const run = (cmd, args) =>
    new Promise((resolve, reject) => {
      const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
    });
  return run('python3', ['-m', 'venv', venv])
    .then(() => run(python, ['-m', 'pip', 'install', '-q', ...PYTHON_PACKAGES]))
    .then(() => writeFileSync(marker, PYTHON_PACKAGES.join('\n')))
    .then(() => python);
}

async function startPeer(name, command, args, extraEnv) {
  const port = await freePort();
  const child = spawn(command, args(port), {
    cwd: HERE,
    env: { PATH: env.PATH, HOME: env.HOME, PORT: String(port), ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start:\n${output}`);
    try {
      await fetch(`${baseUrl}/api/dashboard`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${name} did not answer within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return { name, baseUrl, pid: child.pid, output: () => output };
}

// ---------------------------------------------------------------- the SQL the API builds
/** Runs the API's repository functions on a Kysely that records each statement. */
async function captureQueries(databaseUrl, quoteId, searchMix, userId) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const recorded = [];
  const db = new Kysely({
    dialect: new PostgresDialect({ pool }),
    log: (event) => event.level === 'query' && recorded.push({ sql: event.query.sql, params: [...event.query.parameters] }),
  });
  const take = async (run) => {
    recorded.length = 0;
    await run();
    return [...recorded];
  };
  try {
    const [customersList] = await take(() => listCustomers(db, { limit: 50, includeArchived: false }));
    const [quote] = await take(() => findQuote(db, quoteId));
    const [quoteLines] = await take(() => listQuoteLines(db, quoteId));
    const timeZone = 'UTC';
    const dashboard = [
      ...(await take(() => countCustomers(db))),
      ...(await take(() => activityByDay(db))),
      ...(await take(() => countCatalogue(db))),
      ...(await take(() => hasDueQuotes(db, new Date().toISOString().slice(0, 10)))),
      ...(await take(() => quoteDashboard(db, { timeZone }))),
    ];
    const search = {};
    for (const q of new Set(searchMix.map((entry) => entry.q))) {
      const compiled = searchProductsQuery(searchTerms(q), { includeInactive: false }, 21, 0).compile(db);
      search[q] = { sql: compiled.sql, params: [...compiled.parameters] };
    }
    const similarity = SIMILARITY_SETTING.compile(db);
    return {
      customersList,
      quote: { sql: quote.sql },
      quoteLines: { sql: quoteLines.sql },
      dashboard,
      search,
      similarity: { sql: similarity.sql, params: [...similarity.parameters] },
      // POST /api/customers: the one statement of services/customers createOnceInOneStatement (customer, activity
      // entry, completed Idempotency-Key), recorded in a transaction that is rolled back. Its parameters are
      // placeholders the peers fill in: $user, $name, $key, $fingerprint, $summary.
      create: await captureCreate(db, take, userId),
    };
  } finally {
    await db.destroy();
  }
}

async function captureCreate(db, take, userId) {
  const placeholders = { BENCH_NAME: '$name', BENCH_KEY: '$key', BENCH_FINGERPRINT: '$fingerprint', BENCH_SUMMARY: '$summary', [userId]: '$user' };
  const rolledBack = new Error('rolled back');
  let statements;
  await db
    .transaction()
    .execute(async (trx) => {
      statements = await take(() =>
        insertCustomerOnce(trx, {
          fields: { name: 'BENCH_NAME', email: null, phone: null, company: null, taxId: null, billingAddress: null, notes: null },
          createdBy: userId,
          activity: { action: 'customer.created', summary: 'BENCH_SUMMARY' },
          claim: { userId, key: 'BENCH_KEY', operation: 'createCustomer', fingerprint: 'BENCH_FINGERPRINT' },
        }),
      );
      throw rolledBack;
    })
    .catch((error) => {
      if (error !== rolledBack) throw error;
    });
  const statement = statements.find((s) => /insert into customers/.test(s.sql));
  return { sql: statement.sql, params: statement.params.map((value) => placeholders[value] ?? value) };
}

// ---------------------------------------------------------------- the request mix
/** Codes, words, typos and prefixes typed letter by letter, from products that exist. */
async function searchMix(client) {
  const { rows } = await client.query(`
    select sku, model_numbers[1] as model, brand, name from products
    where active order by sku limit 12 offset 0`);
  return searchQueryMix(rows, { firstPrefix: 2 });
}

function endpointRequests(name, { token, quoteIds, mix }) {
  const auth = { authorization: `Bearer ${token}` };
  let n = 0;
  switch (name) {
    case 'dashboard':
      return [{ method: 'GET', path: '/api/dashboard' }];
    case 'customers':
      return [{ method: 'GET', path: '/api/customers?limit=50', headers: auth }];
    case 'quote':
      return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/quotes/${quoteIds[n++ % quoteIds.length]}`, headers: auth }) }];
    case 'create':
      return [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            path: '/api/customers',
            headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            body: JSON.stringify({ name: `Bench Customer ${(n += 1)}` }),
          }),
        },
      ];
    case 'search':
      return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/catalogue/search?${new URLSearchParams({ q: mix[n++ % mix.length].q, limit: '20' })}`, headers: auth }) }];
    default:
      throw new Error(`unknown endpoint ${name}`);
  }
}

function load(server, requests, seconds) {
  return new Promise((resolve, reject) => {
    const before = server.pid ? cpuTicks(server.pid) : 0;
    autocannon({ url: server.baseUrl, connections: CONNECTIONS, duration: seconds, requests }, (error, result) => {
      if (error) return reject(error);
      const ticks = server.pid ? cpuTicks(server.pid) - before : 0;
      const total = result.requests.total;
      if (total === 0) return resolve({ rps: 0, p50: NaN, p99: NaN, cpuUs: NaN, errors: result.errors + result.timeouts, total: 0 });
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        cpuUs: (ticks / CLK_TCK / total) * 1e6,
        errors: result.non2xx + result.errors + result.timeouts,
        total: result.requests.total,
      });
    });
  });
}

// ---------------------------------------------------------------- main
const started = Date.now();
let nexus;
let growthNexus;
try {
  log(`Nexus API bench — ${cpus().length} CPUs, Node ${process.version}; ${DURATION}s × ${ROUNDS} rounds × ${CONNECTIONS} connections per measurement`);
  nexus = await startNexus();
  const databaseUrl = nexus.api.env.DATABASE_URL;
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {});
  await client.connect();
  let t = performance.now();
  await seedCustomers(client, CUSTOMERS, nexus.userId);
  await seedProducts(client, PRODUCTS, nexus.userId);
  await seedQuotes(client, QUOTES, nexus.userId);
  // VACUUM too: a bulk load leaves GIN pending lists (scanned by every search) that only autovacuum would merge.
  await client.query('vacuum analyze');
  const counts = (await client.query(`select (select count(*) from customers)::int c, (select count(*) from products)::int p, (select count(*) from quotes)::int q, (select count(*) from quote_lines)::int l`)).rows[0];
  log(`seeded ${counts.c} customers, ${counts.p} products, ${counts.q} quotes with ${counts.l} lines in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const quoteIds = (await client.query('select id from quotes order by number limit 500')).rows.map((r) => r.id);
  const mix = await searchMix(client);
  await client.end();

  const queries = await captureQueries(databaseUrl, quoteIds[0], mix, nexus.userId);
  const queriesFile = path.join(workDir, 'queries.json');
  writeFileSync(queriesFile, JSON.stringify(queries));

  const peerEnv = { DATABASE_URL: databaseUrl, QUERIES_FILE: queriesFile, JWT_PUBLIC_KEY: publicPem, POOL_MAX: '10' };
  const servers = [];
  for (const name of SERVERS) {
    if (name === 'nexus') servers.push({ name, baseUrl: nexus.api.baseUrl, pid: nexus.api.pid });
    else if (name === 'limit') servers.push(await startPeer(name, process.execPath, () => ['limit-server.mjs'], { ...peerEnv, VERIFY: '1' }));
    else if (name === 'limit-noauth') servers.push(await startPeer(name, process.execPath, () => ['limit-server.mjs'], { ...peerEnv, VERIFY: '0' }));
    else if (name === 'fastify') servers.push(await startPeer(name, process.execPath, () => ['fastify-server.mjs'], peerEnv));
    else if (name === 'fastapi') {
      const python = await ensureVenv();
      servers.push(
        await startPeer(name, python, (port) => ['-m', 'uvicorn', 'fastapi_app:app', '--host', '127.0.0.1', '--port', String(port), '--no-access-log', '--log-level', 'warning', '--loop', 'uvloop', '--http', 'httptools'], peerEnv),
      );
    } else throw new Error(`unknown server ${name}`);
  }
  log(`servers: ${servers.map((s) => `${s.name} (pid ${s.pid})`).join(', ')}`);

  // Every server answers every endpoint correctly before anything is timed.
  const context = { token: nexus.token, quoteIds, mix };
  for (const server of servers) {
    for (const endpoint of ENDPOINTS) {
      const warm = await load(server, endpointRequests(endpoint, context), 1);
      if (warm.errors > 0) throw new Error(`${server.name} ${endpoint}: ${warm.errors} of ${warm.total} warm-up requests failed\n${server.output?.() ?? ''}`);
    }
  }

  const samples = {}; // `${server}|${endpoint}` → [measurement]
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const endpoint of ENDPOINTS) {
      // Interleaved: each round visits every server, starting one further along each time.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]);
      for (const server of order) {
        const m = await load(server, endpointRequests(endpoint, context), endpoint === 'dashboard' ? DASHBOARD_DURATION : DURATION);
        (samples[`${server.name}|${endpoint}`] ??= []).push(m);
      }
    }
    log(`round ${round + 1}/${ROUNDS} done`);
  }

  const results = [];
  for (const endpoint of ENDPOINTS) {
    for (const server of servers) {
      const list = samples[`${server.name}|${endpoint}`];
      results.push({
        endpoint,
        server: server.name,
        rps: median(list.map((m) => m.rps)),
        p50: median(list.map((m) => m.p50)),
        p99: median(list.map((m) => m.p99)),
        cpuUs: median(list.map((m) => m.cpuUs)),
        errors: list.reduce((n, m) => n + m.errors, 0),
      });
    }
  }
  const find = (endpoint, server) => results.find((r) => r.endpoint === endpoint && r.server === server);
  const ratio = (a, b) => (a && b && b.rps > 0 ? (a.rps / b.rps).toFixed(2) : '–');
  const LABELS = { dashboard: 'GET /api/dashboard', customers: 'GET /api/customers?limit=50', quote: 'GET /api/quotes/{id}', create: 'POST /api/customers', search: 'GET /api/catalogue/search' };
  const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join(' ');
  const widths = [28, 13, 9, 8, 8, 9, 7, 9, 9, 9, 9];
  log('');
  log(line(['endpoint', 'server', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/r', 'errors', '÷limit', '÷noauth', '÷fastify', '÷fastapi'], widths));
  for (const endpoint of ENDPOINTS) {
    for (const server of servers) {
      const r = find(endpoint, server.name);
      log(
        line(
          [
            server === servers[0] ? LABELS[endpoint] : '',
            server.name,
            Math.round(r.rps),
            Number.isNaN(r.p50) ? '–' : r.p50.toFixed(1),
            Number.isNaN(r.p99) ? '–' : r.p99.toFixed(1),
            Number.isNaN(r.cpuUs) ? '–' : Math.round(r.cpuUs),
            r.errors,
            ratio(r, find(endpoint, 'limit')),
            ratio(r, find(endpoint, 'limit-noauth')),
            ratio(r, find(endpoint, 'fastify')),
            ratio(r, find(endpoint, 'fastapi')),
          ],
          widths,
        ),
      );
    }
  }
  log('');
  log('÷x = this row\'s req/s divided by server x\'s on the same endpoint (medians of interleaved rounds).');
  log('CPU µs/r = CPU time of the server process (user + system) per answered request; PostgreSQL and Redis are not included.');

  // ---------------------------------------------------------------- cost growth
  const growth = [];
  if (GROWTH.length > 0 && SERVERS.includes('nexus')) {
    log('');
    log(`cost growth (Nexus, ${DURATION}s × ${ROUNDS} rounds each): customers list and catalogue search at ${GROWTH.join(', ')} rows`);
    growthNexus = await startNexus();
    const growthClient = new pg.Client({ connectionString: growthNexus.api.env.DATABASE_URL });
    growthClient.on('error', () => {});
    await growthClient.connect();
    let seeded = 0;
    for (const size of GROWTH.sort((a, b) => a - b)) {
      t = performance.now();
      await growthClient.query('truncate customers, products cascade');
      await seedCustomers(growthClient, size, growthNexus.userId);
      await seedProducts(growthClient, size, growthNexus.userId);
      await growthClient.query('vacuum analyze customers');
      await growthClient.query('vacuum analyze products');
      await growthClient.query('analyze catalogue_words');
      await growthClient.query('vacuum analyze catalogue_word_products');
      seeded = size;
      log(`  ${size.toLocaleString('en')} customers and products seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      const sizeMix = await searchMix(growthClient);
      const server = { name: 'nexus', baseUrl: growthNexus.api.baseUrl, pid: growthNexus.api.pid };
      const ctx = { token: growthNexus.token, quoteIds: [], mix: sizeMix };
      for (const endpoint of ['customers', 'search']) {
        await load(server, endpointRequests(endpoint, ctx), 1);
        const list = [];
        for (let round = 0; round < ROUNDS; round += 1) list.push(await load(server, endpointRequests(endpoint, ctx), DURATION));
        const row = { rows: size, endpoint, rps: median(list.map((m) => m.rps)), p50: median(list.map((m) => m.p50)), p99: median(list.map((m) => m.p99)), errors: list.reduce((n, m) => n + m.errors, 0) };
        growth.push(row);
        log(`  ${String(size).padStart(8)} rows  ${LABELS[endpoint].padEnd(28)} ${String(Math.round(row.rps)).padStart(6)} req/s  p50 ${row.p50.toFixed(1)} ms  p99 ${row.p99.toFixed(1)} ms  errors ${row.errors}`);
      }
      // Per query kind at this size, one connection (latency, not throughput).
      const kinds = {};
      for (const entry of sizeMix) {
        const startedAt = performance.now();
        const response = await fetch(`${growthNexus.api.baseUrl}/api/catalogue/search?${new URLSearchParams({ q: entry.q, limit: '20' })}`, { headers: { authorization: `Bearer ${growthNexus.token}` } });
        await response.arrayBuffer();
        (kinds[entry.kind] ??= []).push(performance.now() - startedAt);
      }
      for (const [kind, times] of Object.entries(kinds)) {
        const sorted = times.sort((a, b) => a - b);
        const row = { rows: size, endpoint: `search:${kind}`, n: sorted.length, p50: median(sorted), p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] };
        growth.push(row);
        log(`  ${String(size).padStart(8)} rows    search, ${kind.padEnd(14)} n=${String(row.n).padStart(3)}  p50 ${row.p50.toFixed(1)} ms  max/p99 ${row.p99.toFixed(1)} ms (sequential)`);
      }
    }
    await growthClient.end();
    void seeded;
  }

  mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true });
  const file = path.join(REPO_ROOT, 'bench/results', `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
        settings: { customers: CUSTOMERS, products: PRODUCTS, quotes: QUOTES, duration: DURATION, rounds: ROUNDS, connections: CONNECTIONS, servers: SERVERS, endpoints: ENDPOINTS, growth: GROWTH, python: PYTHON_PACKAGES },
        dataset: counts,
        results,
        growth,
        seconds: Math.round((Date.now() - started) / 1000),
      },
      null,
      2,
    ),
  );
  log('');
  log(`written: ${path.relative(REPO_ROOT, file)} (${Math.round((Date.now() - started) / 1000)} s in all)`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  await nexus?.api.stop().catch(() => {});
  await growthNexus?.api.stop().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
}
