// Catalogue search SQL at a given size, without the API: seeds a new database
// of the local PostgreSQL with bench/api/seed.mjs (set-based, deterministic),
// then times the repository's own search statement (searchProductsQuery, in
// its transaction with the similarity settings) on one connection, per query
// kind, and prints p50/p99 and how many answers came back empty. For sizes the
// API bench would take too long to seed (1,000,000 products is ~10 min here).
//
//   pnpm bench:search-sql [--products 1000000] [--repeat 3] [--keep | --database <url>]
//
// --keep leaves the database (its URL is printed) to EXPLAIN ANALYZE in psql;
// --database <url> times one kept before (already seeded and migrated) instead.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, createTestDatabase } from '../scripts/lib/test-stack.mjs';
import { seedProducts } from './api/seed.mjs';
import { searchQueryMix } from './search-queries.mjs';
import { searchProductsQuery, SIMILARITY_SETTING } from '../api/src/repositories/products.ts';
import { searchTerms } from '../api/src/domain/catalogue/search-query.ts';

const requireFromApi = createRequire(path.join(REPO_ROOT, 'api/package.json'));
const pg = requireFromApi('pg');
const { Kysely, PostgresDialect } = requireFromApi('kysely');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'), // pnpm passes the separator through
  options: {
    products: { type: 'string', default: '100000' },
    repeat: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
  },
});
const PRODUCTS = Number(values.products);
const REPEAT = Number(values.repeat);
const log = (line) => process.stdout.write(`${line}\n`);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

const database = values.database ? { url: values.database, drop: async () => {} } : await createTestDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 1 });
try {
  let started = performance.now();
  const client = await pool.connect();
  if (!values.database) {
    execFileSync('pnpm', ['--filter', '@nexus/api', 'migrate', 'up'], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: database.url }, stdio: 'ignore' });
    await seedProducts(client, PRODUCTS, null);
    await client.query('vacuum analyze products');
    await client.query('analyze catalogue_words');
    await client.query('vacuum analyze catalogue_word_products');
    log(`${PRODUCTS.toLocaleString('en')} products seeded and vacuumed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const products = Number((await client.query('select count(*) from products')).rows[0].count);

  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const { rows } = await client.query('select sku, model_numbers[1] as model, brand, name from products where active order by sku limit 12');
  // The query mix of bench:api (letter by letter from the first letter here), plus words with filters.
  const mix = searchQueryMix(rows, { firstPrefix: 1, filters: true });
  const setting = SIMILARITY_SETTING.compile(db);
  const times = new Map();
  const empty = new Map();
  const slowest = [];
  for (let round = 0; round <= REPEAT; round += 1) {
    for (const entry of mix) {
      const query = searchProductsQuery(searchTerms(entry.q), { includeInactive: false, ...entry.filters }, 21, 0).compile(db);
      started = performance.now();
      await client.query('begin');
      await client.query(setting.sql, setting.parameters);
      const result = await client.query(query.sql, query.parameters);
      await client.query('commit');
      const ms = performance.now() - started;
      if (round === 0) {
        if (result.rowCount === 0) empty.set(entry.kind, (empty.get(entry.kind) ?? 0) + 1);
        continue; // warm-up
      }
      (times.get(entry.kind) ?? times.set(entry.kind, []).get(entry.kind)).push(ms);
      slowest.push({ ms, q: entry.q });
    }
  }
  client.release();

  const all = [...times.values()].flat();
  log('');
  log(`search SQL, ${products.toLocaleString('en')} products, PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version}, one connection, ${REPEAT} timed rounds`);
  log(`${'kind'.padEnd(16)} ${'n'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}  empty answers`);
  for (const [kind, list] of [['all', all], ...times]) {
    const sorted = [...list].sort((a, b) => a - b);
    const none = kind === 'all' ? [...empty.values()].reduce((a, b) => a + b, 0) : (empty.get(kind) ?? 0);
    log(`${kind.padEnd(16)} ${String(sorted.length).padStart(4)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${sorted.at(-1).toFixed(1).padStart(8)}  ${none}`);
  }
  log(`slowest: ${slowest.sort((a, b) => b.ms - a.ms).slice(0, 6).map((s) => `${JSON.stringify(s.q)} ${s.ms.toFixed(0)} ms`).join(', ')}`);
  if (values.keep) log(`database kept: ${database.url}`);
} finally {
  await pool.end().catch(() => {});
  if (!values.keep) await database.drop();
}
