import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ImportJobRow } from '../db/schema.js';

/**
 * Catalogue imports (the resource `GET /api/imports/{id}` shows). The work is
 * a `catalogue.import` job on the one job queue (repositories/jobs.ts). The
 * uploaded file is kept in PostgreSQL until the import ends; progress and
 * counts are committed with each batch of products, so an import resumes
 * exactly where its last committed batch ended.
 */

/** Creates the job and stores its file; call inside a transaction (both rows or neither). */
export async function createImportJob(
  db: Db,
  job: { format: 'csv' | 'xlsx'; fileName: string | null; content: Buffer; createdBy: string | null; failedBecause?: string },
): Promise<ImportJobRow> {
  const row = await db
    .insertInto('import_jobs')
    .values({
      format: job.format,
      file_name: job.fileName,
      file_size: job.content.length,
      created_by: job.createdBy,
      ...(job.failedBecause ? { status: 'failed' as const, error: job.failedBecause, finished_at: new Date(), rows_total: 0 } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (!job.failedBecause) await db.insertInto('import_files').values({ job_id: row.id, content: job.content }).execute();
  return row;
}

export function findImportJob(db: Db, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listImportJobs(db: Db, options: { limit: number; after?: [string, string] }): Promise<ImportJobRow[]> {
  let query = db.selectFrom('import_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1);
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute();
}

export function listImportIssues(db: Db, jobId: string, kind: 'rejected' | 'warning', limit: number) {
  return db
    .selectFrom('import_issues')
    .select(['row_number', 'sku', 'reason'])
    .where('job_id', '=', jobId)
    .where('kind', '=', kind)
    .orderBy('row_number')
    .orderBy('reason')
    .limit(limit)
    .execute();
}

export async function importFileContent(db: Db, jobId: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('import_files').select('content').where('job_id', '=', jobId).executeTakeFirst();
  return row?.content;
}

export async function heartbeatImportJob(db: Db, jobId: string, rowsTotal?: number): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ heartbeat_at: new Date(), ...(rowsTotal === undefined ? {} : { rows_total: rowsTotal }) })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .execute();
}

export interface ImportBatchResult {
  rowsDone: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { rowNumber: number; sku: string | null; reason: string }[];
}

/** Records a batch's outcome; call in the transaction that wrote the batch's products. */
export async function recordImportBatch(trx: Db, jobId: string, batch: ImportBatchResult): Promise<void> {
  if (batch.rejected.length > 0) {
    await trx
      .insertInto('import_issues')
      .values(batch.rejected.map((r) => ({ job_id: jobId, row_number: r.rowNumber, kind: 'rejected' as const, sku: r.sku, reason: r.reason })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await trx
    .updateTable('import_jobs')
    .set({
      rows_done: batch.rowsDone,
      created_count: sql`created_count + ${batch.created}`,
      updated_count: sql`updated_count + ${batch.updated}`,
      unchanged_count: sql`unchanged_count + ${batch.unchanged}`,
      rejected_count: sql`rejected_count + ${batch.rejected.length}`,
      heartbeat_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', jobId)
    .execute();
}

export async function recordImportWarnings(trx: Db, jobId: string, warnings: { rowNumber: number; sku: string | null; reason: string }[]): Promise<void> {
  for (let i = 0; i < warnings.length; i += 1000) {
    await trx
      .insertInto('import_issues')
      .values(warnings.slice(i, i + 1000).map((w) => ({ job_id: jobId, row_number: w.rowNumber, kind: 'warning' as const, sku: w.sku, reason: w.reason })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function setRelationsCreated(db: Db, jobId: string, created: number): Promise<void> {
  await db.updateTable('import_jobs').set({ relations_created: sql`relations_created + ${created}` }).where('id', '=', jobId).execute();
}

/** Ends a job; the stored file is dropped once it succeeded (a failed job keeps it for inspection). */
export async function finishImportJob(db: Db, jobId: string, outcome: { status: 'succeeded' } | { status: 'failed'; error: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('import_jobs')
      .set({
        status: outcome.status,
        error: outcome.status === 'failed' ? outcome.error : null,
        finished_at: new Date(),
        heartbeat_at: null,
        updated_at: new Date(),
      })
      .where('id', '=', jobId)
      .execute();
    if (outcome.status === 'succeeded') await trx.deleteFrom('import_files').where('job_id', '=', jobId).execute();
  });
}

/** Hands a running job back to the queue (its process is stopping); progress is kept. */
export async function requeueImportJob(db: Db, jobId: string): Promise<void> {
  await db.updateTable('import_jobs').set({ status: 'queued', heartbeat_at: null }).where('id', '=', jobId).where('status', '=', 'running').execute();
}

/** Marks an import as being worked on (its queue job was claimed): one more attempt. */
export function markImportRunning(db: Db, jobId: string): Promise<ImportJobRow> {
  return db
    .updateTable('import_jobs')
    .set({ status: 'running', attempts: sql`attempts + 1`, heartbeat_at: new Date(), started_at: sql`coalesce(started_at, now())`, updated_at: new Date() })
    .where('id', '=', jobId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
