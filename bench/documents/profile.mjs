// Where the time of reading an RFQ document goes: the job's stages run one by
// one in this process (the API's own code, on a seeded database of the local
// PostgreSQL), each timed — parse (a one-off bounded worker, and the resident
// one the API keeps), recognise, match (and the
// catalogue searches inside it), the final write (rolled back). See
// bench/README.md.
//
//   pnpm bench:documents:profile    (BENCH_PRODUCTS, BENCH_XLSX_LINES as for bench:documents)
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT, startApi } from '../../scripts/lib/test-stack.mjs';
import { seedProducts } from '../api/seed.mjs';
import { randomFrom, requestedLines, rfqWorkbook } from './rfq-files.mjs';
import { connectPostgres } from '../../api/src/db/database.ts';
import { runBoundedParser } from '../../api/src/parsing/run-bounded-parser.ts';
import { startResidentParser } from '../../api/src/parsing/resident-parser.ts';
import { DEFAULT_PARSE_LIMITS } from '../../api/src/parsing/limits.ts';
import { recognizeRequestedItems } from '../../api/src/domain/documents/recognize-items.ts';
import { matchRequestedItems } from '../../api/src/services/documents/match-requested-items.ts';
import { toNewItem } from '../../api/src/services/documents/document-job.ts';
import { completeDocument } from '../../api/src/repositories/documents.ts';

const requireFromApi = createRequire(path.join(REPO_ROOT, 'api/package.json'));
const pg = requireFromApi('pg');
const env = process.env;
const PRODUCTS = Number(env.BENCH_PRODUCTS ?? 100_000);
const LINES = Number(env.BENCH_XLSX_LINES ?? 1_000);
const log = (line) => process.stdout.write(`${line}\n`);

const api = await startApi({ env: { NEO4J_URL: '', LOG_LEVEL: 'warn' } });
// The API only migrates and holds the database: the stages run here, alone.
const pool = new pg.Pool({ connectionString: api.env.DATABASE_URL, max: 2 });
let statements = 0;
let statementMs = 0;
const db = connectPostgres(api.env.DATABASE_URL, {
  poolMax: 10,
  onPool: (p) =>
    p.on('connect', (client) => {
      const query = client.query.bind(client);
      client.query = (...args) => {
        const started = performance.now();
        statements += 1;
        const result = query(...args);
        if (result && typeof result.then === 'function') result.then(() => (statementMs += performance.now() - started), () => {});
        return result;
      };
    }),
});
try {
  const { rows: users } = await pool.query('select id from users limit 1');
  log(`seeding ${PRODUCTS.toLocaleString('en')} products…`);
  await seedProducts(pool, PRODUCTS, users[0].id);
  // As after any bulk load: VACUUM merges the GIN pending lists every search would otherwise scan (as autovacuum would).
  await pool.query('vacuum analyze products');
  await pool.query('vacuum analyze catalogue_word_products');
  const { rows: products } = await pool.query(`
    select sku, name, brand, split_part(description, ' by ', 1) as kind from products
    where active and name in (select name from products group by name having count(*) = 1)
    order by md5(sku) limit 2000`);
  const lines = requestedLines(products, LINES, randomFrom(20261206));
  const bytes = await rfqWorkbook(lines);

  const time = async (label, run) => {
    const before = { statements, statementMs };
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    log(`  ${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms   ${String(statements - before.statements).padStart(6)} statements, ${(statementMs - before.statementMs).toFixed(0).padStart(6)} ms in them`);
    return result;
  };
  log(`\nXLSX, ${LINES} lines, ${(bytes.length / 1024).toFixed(0)} kB, against ${PRODUCTS.toLocaleString('en')} products:`);
  const limits = { ...DEFAULT_PARSE_LIMITS, maxHeapMb: 256 };
  await time('parse (one-off worker)', () => runBoundedParser('rfq-document', { bytes }, limits, { options: {} }));
  // As the API's background process reads documents: one worker started with it, kept for the next files.
  const resident = startResidentParser('rfq-document', limits);
  await time('parse (resident worker, first file)', () => resident.parse({ bytes }, { options: {} }));
  const parsed = await time('parse (resident worker, next file)', () => resident.parse({ bytes }, { options: {} }));
  await resident.close();
  if (!parsed.ok) throw new Error(parsed.reason);
  const recognition = await time('recognise items', () => recognizeRequestedItems(parsed.value));
  const matches = await time(`match ${recognition.items.length} items`, () => matchRequestedItems({ db }, recognition.items));
  const { rows: docs } = await pool.query(
    `insert into documents (file_name, kind, media_type, size_bytes, checksum, status) values ('profile.xlsx', 'xlsx', 'application/octet-stream', 1, md5(random()::text), 'processing') returning id`,
  );
  await time('write items (rolled back)', () =>
    db
      .transaction()
      .execute(async (trx) => {
        await completeDocument(trx, docs[0].id, matches.map((m, i) => toNewItem(m, i + 1)));
        throw new Error('rollback');
      })
      .catch((e) => {
        if (e.message !== 'rollback') throw e;
      }),
  );
} finally {
  await db.destroy();
  await pool.end();
  await api.stop();
}
