import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { pino } from 'pino';
import { runImportJob } from '../catalogue/import-job.js';
import { loadConfig } from '../config.js';
import { connectPostgres } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { formatOf } from '../domain/catalogue/catalogue-file.js';
import { parseLimitsFrom } from '../parsing/limits.js';
import { findImportJob, listImportIssues, markImportRunning, requeueImportJob } from '../repositories/imports.js';
import { claimJob, finishJob, releaseJob, renewJobLease } from '../repositories/jobs.js';
import { CATALOGUE_IMPORT_JOB, createCatalogueImport } from '../services/catalogue/catalogue-imports.js';

/**
 * Imports a catalogue file with a progress bar, as the same durable job the
 * API runs (`GET /api/imports/{id}` shows it too):
 *   pnpm --filter @nexus/api import-catalogue catalogue.xlsx [--currency SGD] [--batch 1000]
 * Ctrl-C stops after the current batch; the job is queued again and a running
 * API resumes it where it stopped.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { currency: { type: 'string' }, batch: { type: 'string' }, quiet: { type: 'boolean', default: false } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: import-catalogue <file.csv|file.xlsx> [--currency SGD] [--batch 1000] [--quiet]\n');
  process.exit(2);
}
const config = loadConfig();
if (!config.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is not set (locally: `set -a; . .data/services.env; set +a`).\n');
  process.exit(1);
}
const format = formatOf(undefined, file);
if (!format) {
  process.stderr.write(`${file}: not a .csv or .xlsx file\n`);
  process.exit(2);
}
const content = await readFile(file);
if (content.length === 0) {
  process.stderr.write(`${file}: the file is empty\n`);
  process.exit(1);
}
const db = connectPostgres(config.DATABASE_URL, { poolMax: 2 });
const logger = pino({ level: 'silent' });
let exitCode = 0;
try {
  await migrateToLatest(db);
  // The import and its queue job, claimed by this process at once and held (lease renewed) while it runs.
  const workerId = `cli:${process.pid}`;
  const { importJob, job: queued } = await db.transaction().execute((trx) =>
    createCatalogueImport(trx, { format, fileName: path.basename(file), content, createdBy: null }),
  );
  const claimed = queued ? await claimJob(db, { kinds: [CATALOGUE_IMPORT_JOB], workerId, leaseSeconds: config.JOBS_LEASE_SECONDS, jobId: queued.id }) : undefined;
  const job = await markImportRunning(db, importJob.id);
  const lease = setInterval(() => void renewJobLease(db, claimed!.id, workerId, config.JOBS_LEASE_SECONDS).catch(() => {}), (config.JOBS_LEASE_SECONDS * 1000) / 3);
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted}', hideCursor: true, noTTYOutput: !values.quiet, notTTYSchedule: 2000 },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let barStarted = false;
  let stop = false;
  process.once('SIGINT', () => {
    stop = true;
    process.stderr.write('\nstopping after the current batch…\n');
  });
  const outcome = await runImportJob({ db, logger }, job, {
    defaultCurrency: values.currency ?? config.CATALOGUE_DEFAULT_CURRENCY,
    parseLimits: parseLimitsFrom(config),
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
    shouldStop: () => stop,
    onProgress: ({ done, total }) => {
      if (values.quiet) return;
      const rate = Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
      if (!barStarted) {
        bar.start(total, done, { rate });
        barStarted = true;
      } else bar.update(done, { rate });
    },
  });
  if (barStarted) bar.stop();
  clearInterval(lease);
  if (claimed) {
    if (outcome === 'interrupted' || outcome === 'retry') {
      await requeueImportJob(db, job.id);
      await releaseJob(db, claimed.id, workerId);
    } else {
      const ended = await findImportJob(db, job.id);
      await finishJob(db, claimed.id, workerId, outcome === 'succeeded' ? { status: 'done' } : { status: 'failed', error: ended?.error ?? 'The import failed.' });
    }
  }
  const result = (await findImportJob(db, job.id))!;
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `import ${result.id}: ${outcome === 'interrupted' ? 'stopped (queued; a running API resumes it)' : result.status}`,
    `  rows       ${result.rows_done} of ${result.rows_total ?? '?'} in ${seconds.toFixed(1)} s (${Math.round(result.rows_done / Math.max(seconds, 0.001))} rows/s)`,
    `  created    ${result.created_count}`,
    `  updated    ${result.updated_count}`,
    `  unchanged  ${result.unchanged_count}`,
    `  rejected   ${result.rejected_count}`,
    `  relations  ${result.relations_created}`,
  ];
  if (result.error) lines.push(`  error      ${result.error}`);
  for (const issue of await listImportIssues(db, job.id, 'rejected', 20)) lines.push(`  row ${issue.row_number}: ${issue.sku ?? '(no SKU)'} — ${issue.reason}`);
  if (result.rejected_count > 20) lines.push(`  … and ${result.rejected_count - 20} more (GET /api/imports/${job.id})`);
  process.stdout.write(`${lines.join('\n')}\n`);
  exitCode = result.status === 'failed' ? 1 : 0;
} finally {
  await db.destroy();
}
process.exit(exitCode);
