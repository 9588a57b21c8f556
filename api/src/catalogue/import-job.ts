import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { ImportJobRow } from '../db/schema.js';
import { checkCatalogueRow, duplicateSkuRows, mapColumns, type CatalogueProduct, type SkuTally } from '../domain/catalogue/catalogue-row.js';
import type { ProductRelationType } from '../domain/catalogue/relation-types.js';
import { asDependencyProblem } from '../lib/dependency-errors.js';
import type { ParseLimits } from '../parsing/limits.js';
import { packedRowSlice } from '../parsing/packed-rows.js';
import { runBoundedParser } from '../parsing/run-bounded-parser.js';
import {
  finishImportJob,
  heartbeatImportJob,
  importFileContent,
  recordImportBatch,
  recordImportWarnings,
  setRelationsCreated,
} from '../repositories/imports.js';
import { enqueueGraphSync } from '../repositories/outbox.js';
import { upsertProductsBySku } from '../repositories/products.js';
import { insertRelationsBySku } from '../repositories/relations.js';

export interface ImportRunOptions {
  defaultCurrency: string;
  /** The file is read in a worker thread under these limits (never on the API's event loop). */
  parseLimits: ParseLimits;
  batchSize?: number;
  /** Checked between batches; when it says stop, the job is handed back (queued) to be resumed. */
  shouldStop?: () => boolean;
  /** Aborting stops the file's parse at once (the outcome is `interrupted`). */
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export type ImportRunOutcome = 'succeeded' | 'failed' | 'interrupted' | 'retry';

const HEARTBEAT_MS = 10_000;
/** Between slices of work over all rows: other requests (and timers) run before the next slice. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const fmt = (n: number) => n.toLocaleString('en');

/**
 * Runs (or resumes) a claimed import job: reads the stored file, upserts
 * products by SKU batch by batch — each batch's products, graph markers,
 * progress, counts and rejected rows committed together — then creates the
 * relations named in relation columns. Resuming starts after the last
 * committed batch, so nothing is applied twice and nothing is skipped.
 */
export async function runImportJob(deps: { db: Db; logger: Logger }, job: ImportJobRow, options: ImportRunOptions): Promise<ImportRunOutcome> {
  const { db, logger } = deps;
  const batchSize = options.batchSize ?? 1000;
  let done = job.rows_done;
  let total = job.rows_total ?? 0;
  const heartbeat = setInterval(() => {
    heartbeatImportJob(db, job.id).catch((error: unknown) => logger.warn({ err: error, jobId: job.id }, 'import: heartbeat failed'));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const fail = async (error: string) => {
    await finishImportJob(db, job.id, { status: 'failed', error });
    logger.warn({ jobId: job.id, error }, 'import failed');
    return 'failed' as const;
  };
  try {
    const content = await importFileContent(db, job.id);
    if (!content) return await fail('The uploaded file is no longer stored; upload it again.');
    const parsed = await runBoundedParser('catalogue-sheet', { bytes: content }, options.parseLimits, {
      options: { format: job.format },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!parsed.ok && parsed.failure === 'cancelled') return 'interrupted';
    if (!parsed.ok) return await fail(`The file could not be read: ${parsed.reason}.`);
    const { header, rows } = parsed.value;
    const mapped = mapColumns(header);
    if (!mapped.ok) return await fail(`The file cannot be imported: ${mapped.reason}.`);
    const { columns } = mapped;
    total = rows.count;
    await heartbeatImportJob(db, job.id, total);
    options.onProgress?.({ done, total });
    // Decoding every row is seconds of work for a big sheet: a slice at a time, letting other requests in between.
    const tally: SkuTally = { first: new Map(), duplicates: new Map() };
    for (let start = 0; start < total; start += batchSize) {
      duplicateSkuRows(packedRowSlice(rows, start, start + batchSize), columns, tally);
      await yieldToEventLoop();
    }
    const duplicates = tally.duplicates;

    while (done < total) {
      if (options.shouldStop?.()) return 'interrupted';
      const slice = packedRowSlice(rows, done, done + batchSize);
      const products: CatalogueProduct[] = [];
      const rejected: { rowNumber: number; sku: string | null; reason: string }[] = [];
      for (const { rowNumber, cells } of slice) {
        const verdict = checkCatalogueRow(cells, columns, options.defaultCurrency);
        const firstRow = duplicates.get(rowNumber);
        if (!verdict.ok) rejected.push({ rowNumber, sku: verdict.sku, reason: verdict.reason });
        else if (firstRow !== undefined) rejected.push({ rowNumber, sku: verdict.product.sku, reason: `duplicate SKU: row ${firstRow} has it already` });
        else products.push(verdict.product);
      }
      const next = done + slice.length;
      await db.transaction().execute(async (trx) => {
        const written = await upsertProductsBySku(trx, products, job.created_by);
        const changed = written.filter((w) => w.outcome !== 'unchanged');
        await enqueueGraphSync(trx, changed.map((w) => ({ kind: 'product' as const, entityId: w.id })));
        await recordImportBatch(trx, job.id, {
          rowsDone: next,
          created: written.filter((w) => w.outcome === 'created').length,
          updated: written.filter((w) => w.outcome === 'updated').length,
          unchanged: written.filter((w) => w.outcome === 'unchanged').length,
          rejected,
        });
      });
      done = next;
      options.onProgress?.({ done, total });
    }

    // Relations last: a row may name a SKU that a later row creates. Idempotent, so a resume redoes it whole.
    // Every row is checked again: a slice at a time, letting other requests in between (all of a
    // 32,000-row sheet at once held /api/health for seconds).
    const relations: { type: ProductRelationType; fromSku: string; toSku: string; rowNumber: number; sku: string }[] = [];
    for (let start = 0; columns.relationColumns.length > 0 && start < total; start += batchSize) {
      if (options.shouldStop?.()) return 'interrupted';
      for (const { rowNumber, cells } of packedRowSlice(rows, start, start + batchSize)) {
        const verdict = checkCatalogueRow(cells, columns, options.defaultCurrency);
        if (!verdict.ok || duplicates.has(rowNumber)) continue;
        for (const ref of verdict.relations) {
          for (const other of ref.skus) {
            const [fromSku, toSku] = ref.reverse ? [other, verdict.product.sku] : [verdict.product.sku, other];
            relations.push({ type: ref.type, fromSku, toSku, rowNumber, sku: verdict.product.sku });
          }
        }
      }
      await yieldToEventLoop();
    }
    let relationsCreated = 0;
    for (let i = 0; i < relations.length; i += batchSize) {
      const chunk = relations.slice(i, i + batchSize);
      relationsCreated += await db.transaction().execute(async (trx) => {
        const result = await insertRelationsBySku(trx, chunk, job.created_by);
        const unknown = new Set(result.unknownSkus);
        await recordImportWarnings(
          trx,
          job.id,
          chunk
            .flatMap((r) => [r.fromSku, r.toSku].filter((s) => unknown.has(s.toLowerCase())).map((s) => ({ rowNumber: r.rowNumber, sku: r.sku, reason: `relation skipped: no product with SKU ${s}` }))),
        );
        return result.created;
      });
    }
    if (relationsCreated > 0) await setRelationsCreated(db, job.id, relationsCreated);
    await finishImportJob(db, job.id, { status: 'succeeded' });
    logger.info({ jobId: job.id, rows: total }, 'import finished');
    return 'succeeded';
  } catch (error) {
    // A datastore outage: leave the job running; once its heartbeat is stale a worker resumes it.
    if (asDependencyProblem(error)) {
      logger.warn({ err: error, jobId: job.id, done, total }, 'import: datastore unavailable; the job will be resumed');
      return 'retry';
    }
    logger.error({ err: error, jobId: job.id }, 'import: unexpected error');
    return await fail(
      `Stopped after ${fmt(done)} of ${fmt(total)} rows (file rows up to ${fmt(done + 1)} are applied; nothing after): ${error instanceof Error ? error.message : String(error)}`,
    ).catch(() => 'retry' as const);
  } finally {
    clearInterval(heartbeat);
  }
}
