// pnpm bench:documents — RFQ documents read on the real stack (PostgreSQL,
// Redis, the API process and its job queue) against a 100,000-product
// catalogue: a 1,000-line XLSX and a 20-page text PDF uploaded through the
// SDK; seconds from upload to `extracted`, items per second, and how many
// lines were matched right. See bench/README.md.
//
//   BENCH_PRODUCTS=100000 BENCH_XLSX_LINES=1000 BENCH_PDF_PAGES=20 BENCH_RUNS=1
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import path from 'node:path';
import { createNexusClient } from '@nexus/sdk';
import { REPO_ROOT, startApi } from '../../scripts/lib/test-stack.mjs';
import { seedProducts } from '../api/seed.mjs';
import { pdfCapacity, randomFrom, requestedLines, rfqPdf, rfqWorkbook } from './rfq-files.mjs';

const requireFromApi = createRequire(path.join(REPO_ROOT, 'api/package.json'));
const pg = requireFromApi('pg');

const env = process.env;
const int = (name, fallback) => Number(env[name] ?? fallback);
const PRODUCTS = int('BENCH_PRODUCTS', 100_000);
const XLSX_LINES = int('BENCH_XLSX_LINES', 1_000);
const PDF_PAGES = int('BENCH_PDF_PAGES', 20);
/** Each document is uploaded this many times (as a new file each time: one changed title cell or line), median reported. */
const RUNS = int('BENCH_RUNS', 1);
const XLSX_TARGET_SECONDS = 5;

const log = (line) => process.stdout.write(`${line}\n`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

log('starting the API (graph off, so Neo4j sync does not compete for the CPU)…');
const api = await startApi({ env: { NEO4J_URL: '', LOG_LEVEL: 'warn', ACCESS_TOKEN_TTL_SECONDS: '3600' } });
const pool = new pg.Pool({ connectionString: api.env.DATABASE_URL, max: 2 });
try {
  const login = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(api.admin) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const client = createNexusClient({ baseUrl: api.baseUrl, token: accessToken, retry: false });
  const { data: me } = await client.call('getCurrentUser');

  log(`seeding ${PRODUCTS.toLocaleString('en')} products (bench/api/seed.mjs)…`);
  const seeded = performance.now();
  await seedProducts(pool, PRODUCTS, me.id);
  // As after any bulk load: VACUUM merges the GIN pending lists every search would otherwise scan (as autovacuum would).
  await pool.query('vacuum analyze products');
  await pool.query('vacuum analyze catalogue_word_products');
  log(`  ${((performance.now() - seeded) / 1000).toFixed(1)} s`);

  // Products a line can name without ambiguity: no other product has the same name.
  const { rows: products } = await pool.query(`
    select sku, name, brand, split_part(description, ' by ', 1) as kind from products
    where active and name in (select name from products group by name having count(*) = 1)
    order by md5(sku) limit 4000`);
  const random = randomFrom(20261206);

  const documents = [];
  const xlsxLines = requestedLines(products.slice(0, 2000), XLSX_LINES, random);
  documents.push({ name: `XLSX, ${XLSX_LINES.toLocaleString('en')} lines`, fileName: 'rfq-1000-lines.xlsx', lines: xlsxLines, make: (run) => rfqWorkbook(xlsxLines, run) });
  const pdfLines = requestedLines(products.slice(2000), pdfCapacity(PDF_PAGES), random);
  documents.push({ name: `PDF, ${PDF_PAGES} pages`, fileName: 'rfq-20-pages.pdf', lines: pdfLines, make: async (run) => (await rfqPdf(pdfLines, PDF_PAGES, run)).bytes });

  const rows = [];
  for (const document of documents) {
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      const bytes = await document.make(run);
      const started = performance.now();
      const { data: created } = await client.call('uploadDocument', { body: { file: new File([new Uint8Array(bytes)], document.fileName) } });
      let detail;
      for (;;) {
        ({ data: detail } = await client.call('getDocument', { params: { path: { id: created.id } } }));
        if (detail.status === 'extracted' || detail.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const seconds = (performance.now() - started) / 1000;
      if (detail.status !== 'extracted') throw new Error(`${document.name}: ${detail.status}: ${detail.error}`);
      runs.push({ seconds, serverSeconds: (Date.parse(detail.processedAt) - Date.parse(detail.createdAt)) / 1000, detail, bytes: bytes.length });
      log(`  ${document.name}: ${seconds.toFixed(2)} s upload → extracted (${detail.itemCount} items, ${detail.matchedCount} matched)`);
    }
    const { detail, bytes } = runs[runs.length - 1];
    rows.push({ document, seconds: median(runs.map((r) => r.seconds)), serverSeconds: median(runs.map((r) => r.serverSeconds)), runs: runs.map((r) => r.seconds), detail, bytes, accuracy: accuracyOf(document.lines, detail.items) });
  }

  const out = [];
  const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  out.push('');
  out.push(`RFQ documents benchmark — ${PRODUCTS.toLocaleString('en')} products, PostgreSQL ${(await pool.query('show server_version')).rows[0].server_version}, Node ${process.version}, ${cpus().length} CPUs`);
  out.push('');
  const widths = [18, 9, 10, 12, 7, 8, 10, 11, 9, 9, 9, 8];
  out.push(line(['document', 'size', 'lines', 's → extract', 'items', 'matched', 'items/s', 'matched/s', 'correct', 'SKUs', 'absent', 'wrong'], widths));
  for (const r of rows) {
    const a = r.accuracy;
    out.push(
      line(
        [
          r.document.name,
          `${(r.bytes / 1024).toFixed(0)} kB`,
          r.document.lines.length,
          r.seconds.toFixed(2),
          r.detail.itemCount,
          r.detail.matchedCount,
          (r.detail.itemCount / r.seconds).toFixed(0),
          (r.detail.matchedCount / r.seconds).toFixed(0),
          `${(100 * a.correct / a.lines).toFixed(1)}%`,
          `${a.skuRight}/${a.skuLines}`,
          `${a.absentFlagged}/${a.absentLines}`,
          a.wrongMatches,
        ],
        widths,
      ),
    );
  }
  out.push('');
  for (const r of rows) {
    out.push(`${r.document.name} by how the line names its product (right / lines; wrong = matched to another product):`);
    for (const [kind, k] of Object.entries(r.accuracy.byKind)) out.push(`  ${kind.padEnd(12)} ${k.right}/${k.lines}  wrong ${k.wrong}  unmatched ${k.unmatched}`);
  }
  out.push('');
  out.push(`s → extract: upload started until GET /api/documents/{id} answers extracted (polled every 25 ms), median of ${RUNS} run${RUNS === 1 ? '' : 's'}.`);
  out.push('correct: a catalogue line matched to its SKU, or a line the catalogue lacks flagged "no confident match". absent: those flagged.');
  const xlsx = rows[0];
  out.push(`target: XLSX ≤ ${XLSX_TARGET_SECONDS} s — ${xlsx.seconds <= XLSX_TARGET_SECONDS ? 'met' : 'MISSED'} (${xlsx.seconds.toFixed(2)} s)`);
  log(out.join('\n'));

  mkdirSync(path.join(REPO_ROOT, 'bench/results'), { recursive: true });
  const file = path.join(REPO_ROOT, 'bench/results', `documents-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        settings: { products: PRODUCTS, xlsxLines: XLSX_LINES, pdfPages: PDF_PAGES, runs: RUNS },
        machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model },
        documents: rows.map((r) => ({
          name: r.document.name,
          bytes: r.bytes,
          lines: r.document.lines.length,
          secondsToExtracted: r.seconds,
          secondsServer: r.serverSeconds,
          runs: r.runs,
          items: r.detail.itemCount,
          matched: r.detail.matchedCount,
          itemsPerSecond: r.detail.itemCount / r.seconds,
          matchedPerSecond: r.detail.matchedCount / r.seconds,
          accuracy: r.accuracy,
        })),
      },
      null,
      2,
    )}\n`,
  );
  log(`written ${path.relative(REPO_ROOT, file)}`);
} finally {
  await pool.end().catch(() => {});
  await api.stop();
}

/** Lines against the items read, by position (the documents number their lines 1…n in order). */
function accuracyOf(lines, items) {
  const byKind = {};
  const totals = { lines: lines.length, extracted: items.length, extractedExactly: 0, correct: 0, skuLines: 0, skuRight: 0, absentLines: 0, absentFlagged: 0, wrongMatches: 0, missing: 0, extra: Math.max(0, items.length - lines.length) };
  lines.forEach((expected, i) => {
    const item = items.find((it) => it.position === i + 1);
    const kind = (byKind[expected.kind] ??= { lines: 0, right: 0, wrong: 0, unmatched: 0 });
    kind.lines += 1;
    if (expected.sku) totals.skuLines += 1;
    else totals.absentLines += 1;
    if (!item) {
      totals.missing += 1;
      return;
    }
    if (item.description === expected.description && Number(item.quantity) === expected.quantity) totals.extractedExactly += 1;
    const chosen = item.match === 'matched' ? item.chosen?.sku ?? null : null;
    const right = chosen === expected.sku;
    if (right) {
      totals.correct += 1;
      kind.right += 1;
      if (expected.sku) totals.skuRight += 1;
      else totals.absentFlagged += 1;
    } else if (chosen) {
      totals.wrongMatches += 1;
      kind.wrong += 1;
    } else kind.unmatched += 1;
  });
  return { ...totals, byKind };
}
