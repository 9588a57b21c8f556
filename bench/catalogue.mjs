// Catalogue benchmark: generates a 100,000-product catalogue, imports it
// through the API (CSV upload → durable import job), then measures search
// latency through the API against the very same SQL run directly on
// PostgreSQL, and prints both as a table. Not part of `pnpm test`.
//
//   pnpm bench:catalogue [-- --products 100000 --queries 300]
//
// Runs with tsx so that it can compile the search SQL from the API's own
// repository (api/src/repositories/products.ts) instead of a copy of it.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startApi } from '../scripts/lib/test-stack.mjs';
import { searchProductsQuery, SIMILARITY_SETTING } from '../api/src/repositories/products.ts';
import { searchTerms } from '../api/src/domain/catalogue/search-query.ts';

const requireFromApi = createRequire(path.join(REPO_ROOT, 'api/package.json'));
const pg = requireFromApi('pg');
const { Kysely, PostgresDialect } = requireFromApi('kysely');

const { values } = parseArgs({
  options: { products: { type: 'string', default: '100000' }, queries: { type: 'string', default: '300' }, limit: { type: 'string', default: '20' } },
});
const PRODUCTS = Number(values.products);
const QUERIES = Number(values.queries);
const LIMIT = Number(values.limit);

// Deterministic generator (mulberry32) so runs are comparable.
let seed = 20261125;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const BRANDS = ['DeWalt', 'Makita', 'Bosch', 'Milwaukee', 'Hilti', 'Stanley', '3M', 'Karcher', 'Festool', 'Metabo', 'Ryobi', 'Hitachi', 'Fluke', 'Knipex', 'Wera', 'Bahco', 'Irwin', 'Ansell', 'Honeywell', 'Uvex', 'Loctite', 'WD-40', 'Sika', 'Fischer', 'Rawlplug', 'Dormer', 'Norton', 'Klingspor', 'Gedore', 'Facom'];
const CATEGORIES = { 'Power Tools': ['Drill Driver', 'Hammer Drill', 'Angle Grinder', 'Impact Driver', 'Circular Saw', 'Jigsaw', 'Rotary Hammer', 'Orbital Sander', 'Planer', 'Router'], 'Hand Tools': ['Screwdriver Set', 'Combination Pliers', 'Torque Wrench', 'Socket Set', 'Claw Hammer', 'Utility Knife', 'Spirit Level', 'Tape Measure'], PPE: ['Safety Goggles', 'Ear Defenders', 'Dust Mask', 'Work Gloves', 'Hard Hat', 'Safety Boots', 'Hi-Vis Vest', 'Face Shield'], Accessories: ['Drill Bit Set', 'Cutting Disc', 'Saw Blade', 'Sanding Sheets', 'Bit Holder', 'Battery Pack', 'Charger', 'Carry Case'], Fixings: ['Wall Plugs', 'Wood Screws', 'Anchor Bolts', 'Cable Ties', 'Rivets', 'Washers'], Chemicals: ['Thread Locker', 'Silicone Sealant', 'Construction Adhesive', 'Penetrating Oil', 'Contact Cleaner'] };
const ADJECTIVES = ['Brushless', 'Compact', 'Heavy Duty', 'Professional', 'Cordless', 'Corded', 'Industrial', 'Lightweight', 'Anti-Slip', 'High Torque', 'Stainless', 'Magnetic', 'Insulated', 'Premium'];
const SPECS = ['18V', '12V', '36V', '240V', '125mm', '230mm', '10mm', '13mm', 'M8', 'M10', 'Size 9', 'Size 10', '500ml', '1L', 'Pack of 100', 'Pack of 10'];

function generateCatalogue(count) {
  const rows = ['sku,name,brand,category,price,currency,stock,model_numbers,description'];
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const brand = pick(BRANDS);
    const category = pick(Object.keys(CATEGORIES));
    const kind = pick(CATEGORIES[category]);
    const prefix = brand.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase();
    const model = `${prefix}${String(100 + Math.floor(random() * 900))}${pick(['', 'N', 'D2', 'P1', 'K', 'X'])}`;
    const sku = `${prefix}-${String(i).padStart(6, '0')}`;
    const name = `${brand} ${pick(ADJECTIVES)} ${kind} ${pick(SPECS)}`;
    const price = (1 + random() * 900).toFixed(2);
    const stock = random() < 0.15 ? 0 : Math.floor(random() * 500);
    const models = `${model};${model}-${pick(['EU', 'UK', 'AS'])}`;
    const description = `${kind} by ${brand} for ${pick(['site', 'workshop', 'maintenance', 'fit-out', 'plant'])} work. ${pick(ADJECTIVES)} design, ${pick(SPECS)}; compatible with the ${pick(BRANDS)} range.`;
    rows.push([sku, name, brand, category, price, 'SGD', stock, models, description].map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : v)).join(','));
    if (random() < 0.01) samples.push({ sku, model, name, brand, category, kind });
  }
  return { csv: rows.join('\n'), samples };
}

/** One letter swapped with its neighbour, in the longest word: a typical typo. */
function typo(text) {
  const words = text.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const at = 1 + Math.floor(random() * (longest.length - 2));
  const swapped = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
  return words.map((w) => (w === longest ? swapped : w)).join(' ');
}

function buildQueries(samples, count) {
  const kinds = [
    ['exact SKU', (s) => ({ q: s.sku })],
    ['model number', (s) => ({ q: s.model })],
    ['partial model', (s) => ({ q: s.model.slice(0, 5) })],
    ['words', (s) => ({ q: `${s.brand} ${s.kind}` })],
    ['typo', (s) => ({ q: typo(s.kind.toLowerCase()) })],
    ['words + filters', (s) => ({ q: s.kind, brand: s.brand, inStock: 'true', maxPrice: '50000' })],
  ];
  return Array.from({ length: count }, (_, i) => {
    const [kind, make] = kinds[i % kinds.length];
    return { kind, params: make(samples[Math.floor(random() * samples.length)]) };
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (n) => n.toFixed(2);

process.stdout.write(`generating ${PRODUCTS.toLocaleString('en')} products…\n`);
const { csv, samples } = generateCatalogue(PRODUCTS);
const workDir = mkdtempSync(path.join(tmpdir(), 'nexus-bench-'));
const csvFile = path.join(workDir, 'catalogue.csv');
writeFileSync(csvFile, csv);

process.stdout.write('starting the API (graph off, so Neo4j sync does not compete for CPU)…\n');
const api = await startApi({ env: { NEO4J_URL: '', JOBS_POLL_MS: '200', IMPORT_MAX_BYTES: String(200 * 1024 * 1024), LOG_LEVEL: 'warn', ACCESS_TOKEN_TTL_SECONDS: '3600' } });
const pool = new pg.Pool({ connectionString: api.env.DATABASE_URL, max: 2 });
try {
  const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(api.admin) });
  const { accessToken } = await login.json();
  const auth = { authorization: `Bearer ${accessToken}` };

  process.stdout.write(`importing ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV through POST /api/imports…\n`);
  const uploadStarted = performance.now();
  const upload = await fetch(`${api.baseUrl}/api/imports?filename=catalogue.csv`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv });
  if (upload.status !== 202) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
  const { id } = await upload.json();
  let job;
  for (;;) {
    job = await (await fetch(`${api.baseUrl}/api/imports/${id}`, { headers: auth })).json();
    if (job.status === 'succeeded' || job.status === 'failed') break;
    process.stdout.write(`\r  ${job.rowsDone.toLocaleString('en')} / ${(job.rowsTotal ?? 0).toLocaleString('en')} rows`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const importSeconds = (performance.now() - uploadStarted) / 1000;
  process.stdout.write(`\r  ${job.status}: ${job.created.toLocaleString('en')} created, ${job.rejected} rejected\n`);
  if (job.status !== 'succeeded') throw new Error(job.error);
  const processingSeconds = (new Date(job.finishedAt).getTime() - new Date(job.startedAt).getTime()) / 1000;

  // VACUUM too: the import leaves GIN pending lists (scanned by every search) that only autovacuum would merge.
  await pool.query('vacuum analyze products');
  await pool.query('analyze catalogue_words');
  await pool.query('vacuum analyze catalogue_word_products');
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const queries = buildQueries(samples, QUERIES);
  const compiled = (params) => {
    const filters = {
      ...(params.brand ? { brand: params.brand } : {}),
      ...(params.inStock ? { inStock: true } : {}),
      ...(params.maxPrice ? { maxPriceMinor: Number(params.maxPrice) } : {}),
      includeInactive: false,
    };
    return searchProductsQuery(searchTerms(params.q), filters, LIMIT + 1, 0).compile(db);
  };
  const setting = SIMILARITY_SETTING.compile(db);

  const viaApi = async (params) => {
    const started = performance.now();
    const response = await fetch(`${api.baseUrl}/api/catalogue/search?${new URLSearchParams({ ...params, limit: String(LIMIT) })}`, { headers: auth });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`search failed: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, hits: body.items.length };
  };
  const client = await pool.connect();
  const viaSql = async (params) => {
    const query = compiled(params);
    const started = performance.now();
    await client.query('begin');
    await client.query(setting.sql, setting.parameters);
    const result = await client.query(query.sql, query.parameters);
    await client.query('commit');
    return { ms: performance.now() - started, hits: Math.min(LIMIT, result.rowCount) };
  };

  process.stdout.write(`searching: ${queries.length} queries through the API and the same SQL directly (after 30 warm-up queries)…\n`);
  for (const q of queries.slice(0, 30)) {
    await viaApi(q.params);
    await viaSql(q.params);
  }
  const results = [];
  for (const q of queries) {
    const a = await viaApi(q.params);
    const s = await viaSql(q.params);
    results.push({ kind: q.kind, api: a.ms, sql: s.ms, hits: a.hits });
  }

  // The same statements once more in psql itself, timed by psql's \timing (server
  // round trip as psql sees it). Each is PREPAREd, then EXECUTEd with its values.
  const literal = (v) =>
    v === null || v === undefined
      ? 'NULL'
      : typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean'
        ? String(v)
        : Array.isArray(v)
          ? `'{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&').replace(/'/g, "''")}"`).join(',')}}'`
          : `'${String(v).replace(/'/g, "''")}'`;
  const script = ['\\set ON_ERROR_STOP on', '\\o /dev/null'];
  queries.forEach((q, i) => {
    const query = compiled(q.params);
    script.push(`PREPARE q${i} AS ${query.sql};`);
    script.push('BEGIN;', `${setting.sql.replace(/\$(\d+)/g, (_, n) => literal(setting.parameters[Number(n) - 1]))};`);
    script.push('\\timing on', `EXECUTE q${i}(${query.parameters.map(literal).join(', ')});`, '\\timing off', 'COMMIT;');
  });
  const psql = spawnSync('psql', ['-X', '-q', api.env.DATABASE_URL], { input: script.join('\n'), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (psql.status !== 0) throw new Error(`psql failed: ${psql.stderr}`);
  const psqlTimes = [...psql.stdout.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) => Number(m[1]));
  if (psqlTimes.length !== queries.length) throw new Error(`psql timed ${psqlTimes.length} of ${queries.length} statements`);
  results.forEach((r, i) => (r.psql = psqlTimes[i]));

  // Which indexes the planner uses for a typical words query over the full catalogue.
  const sample = compiled({ q: `${samples[0].brand} ${samples[0].kind}` });
  const plan = await client.query(`explain (format json) ${sample.sql}`, sample.parameters);
  client.release();
  const indexes = [...new Set(JSON.stringify(plan.rows[0]['QUERY PLAN']).match(/"Index Name":"[^"]+"/g) ?? [])].map((m) => m.slice(14, -1));

  const summary = (list) => {
    const api = list.map((r) => r.api).sort((a, b) => a - b);
    const sql = list.map((r) => r.sql).sort((a, b) => a - b);
    const psqlMs = list.map((r) => r.psql).sort((a, b) => a - b);
    const p50 = [percentile(api, 50), percentile(sql, 50), percentile(psqlMs, 50)];
    const p99 = [percentile(api, 99), percentile(sql, 99), percentile(psqlMs, 99)];
    return { n: list.length, p50, p99, hits: (list.reduce((n, r) => n + r.hits, 0) / list.length).toFixed(1) };
  };
  const rows = [['all queries', summary(results)], ...[...new Set(results.map((r) => r.kind))].map((kind) => [kind, summary(results.filter((r) => r.kind === kind))])];

  const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  const out = [];
  out.push('');
  out.push(`Catalogue benchmark — ${PRODUCTS.toLocaleString('en')} products, PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version}, Node ${process.version}`);
  out.push('');
  const w1 = [34, 16];
  out.push(line(['import (CSV, POST /api/imports)', ''], w1));
  out.push(line(['  rows/s (job processing)', Math.round(PRODUCTS / processingSeconds).toLocaleString('en')], w1));
  out.push(line(['  rows/s (upload to done)', Math.round(PRODUCTS / importSeconds).toLocaleString('en')], w1));
  out.push(line(['  seconds (upload to done)', importSeconds.toFixed(1)], w1));
  out.push('');
  const w2 = [18, 5, 11, 11, 12, 9, 11, 11, 12, 9, 6];
  out.push(line(['search (limit ' + LIMIT + ')', 'n', 'API p50 ms', 'SQL p50 ms', 'psql p50 ms', 'API/psql', 'API p99 ms', 'SQL p99 ms', 'psql p99 ms', 'API/psql', 'hits'], w2));
  for (const [label, s] of rows) {
    out.push(
      line(
        [label, s.n, ms(s.p50[0]), ms(s.p50[1]), ms(s.p50[2]), (s.p50[0] / s.p50[2]).toFixed(2), ms(s.p99[0]), ms(s.p99[1]), ms(s.p99[2]), (s.p99[0] / s.p99[2]).toFixed(2), s.hits],
        w2,
      ),
    );
  }
  out.push('');
  out.push(`SQL = the API's own search statement (searchProductsQuery), run with node-postgres on one connection, same transaction-local similarity setting.`);
  out.push(`psql = the same statements PREPAREd and EXECUTEd in one psql session, timed by \\timing.`);
  out.push(`indexes in the plan of a words query: ${indexes.join(', ') || '(none: sequential scan!)'}`);
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  await pool.end().catch(() => {});
  await api.stop();
  rmSync(workDir, { recursive: true, force: true });
}
