import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { JobRow } from '../db/schema.js';

/**
 * The durable job queue's SQL (table `jobs`, migration 0005). Every state
 * change of a claimed job is conditional on the worker still holding it
 * (`locked_by` and status), so a worker whose lease ran out and was taken
 * over can no longer write over the new holder.
 */

export interface NewJob {
  kind: string;
  /** The resource the job works on (an import's id, a document's id): at most one unfinished job per kind and subject. */
  subjectId?: string;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
  runAfter?: Date;
}

/** Queues a job; call inside the transaction that creates its resource, so both commit or neither. */
export function enqueueJob(db: Db, job: NewJob): Promise<JobRow> {
  return db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify({ ...job.payload, ...(job.subjectId ? { subjectId: job.subjectId } : {}) }),
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
      ...(job.runAfter ? { run_after: job.runAfter } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest job of a kind for a subject (its current or last run). */
export function findJobForSubject(db: Db, kind: string, subjectId: string): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where(sql<boolean>`payload ->> 'subjectId' = ${subjectId}`)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Takes the job that is due first — queued and past its `run_after`, or
 * processing with a lease that ran out (its process died) — for `workerId`,
 * counting the attempt now, before any work: a job that kills its process
 * has its attempts counted all the same. With `jobId`, only that job.
 */
export async function claimJob(db: Db, claim: { kinds: readonly string[]; workerId: string; leaseSeconds: number; jobId?: string }): Promise<JobRow | undefined> {
  if (claim.kinds.length === 0) return undefined;
  const result = await sql<JobRow>`
    update jobs set
      status = 'processing',
      attempts = attempts + 1,
      lost_leases = lost_leases + (case when status = 'processing' then 1 else 0 end),
      locked_by = ${claim.workerId},
      lease_expires_at = now() + make_interval(secs => ${claim.leaseSeconds}),
      started_at = coalesce(started_at, now()),
      updated_at = date_trunc('milliseconds', now())
    where id = (
      select id from jobs
      where kind in (${sql.join(claim.kinds)})
        and ((status = 'queued' and run_after <= now()) or (status = 'processing' and lease_expires_at < now()))
        ${claim.jobId ? sql`and id = ${claim.jobId}` : sql``}
      order by run_after, created_at
      limit 1
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows[0];
}

/** Renews the lease; answers whether the worker still holds the job and whether someone asked to cancel it. */
export async function renewJobLease(db: Db, jobId: string, workerId: string, leaseSeconds: number): Promise<{ held: boolean; cancelRequested: boolean }> {
  const row = await db
    .updateTable('jobs')
    .set({ lease_expires_at: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .returning('cancel_requested')
    .executeTakeFirst();
  return { held: row !== undefined, cancelRequested: row?.cancel_requested ?? false };
}

export async function recordJobProgress(db: Db, jobId: string, workerId: string, done: number, total?: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ progress_done: done, ...(total === undefined ? {} : { progress_total: total }), updated_at: new Date() })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .execute();
}

export type JobEnd = { status: 'done'; result?: unknown } | { status: 'failed'; error: string } | { status: 'cancelled'; error: string };

/** Ends a job the worker holds (or, `workerId` undefined, any unfinished one). Answers whether it did. */
export async function finishJob(db: Db, jobId: string, workerId: string | undefined, end: JobEnd): Promise<boolean> {
  let query = db
    .updateTable('jobs')
    .set({
      status: end.status,
      error: end.status === 'done' ? null : end.error,
      result: end.status === 'done' && end.result !== undefined ? JSON.stringify(end.result) : null,
      lease_expires_at: null,
      locked_by: null,
      finished_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', jobId)
    .where('status', 'in', ['queued', 'processing']);
  if (workerId !== undefined) query = query.where('locked_by', '=', workerId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Puts a held job back to wait until `runAfter` (a retry after a passing failure), keeping why. */
export async function scheduleJobRetry(db: Db, jobId: string, workerId: string, runAfter: Date, error: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'queued', run_after: runAfter, error, lease_expires_at: null, locked_by: null, updated_at: new Date() })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .execute();
}

/** Hands a held job back at once (its process is stopping); this claim does not count as an attempt. */
export async function releaseJob(db: Db, jobId: string, workerId: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: sql`greatest(attempts - 1, 0)`, lease_expires_at: null, locked_by: null, updated_at: new Date() })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'processing')
    .execute();
}

/**
 * Cancels a job: a queued one at once; a processing one is asked to stop (its
 * worker sees it at the next lease renewal). Answers the job as it is now.
 */
export async function cancelJob(db: Db, jobId: string): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`
    update jobs set
      status = case when status = 'queued' then 'cancelled' else status end,
      error = case when status = 'queued' then 'cancelled before it started' else error end,
      finished_at = case when status = 'queued' then now() else finished_at end,
      cancel_requested = (status = 'processing'),
      updated_at = date_trunc('milliseconds', now())
    where id = ${jobId} and status in ('queued', 'processing')
    returning *`.execute(db);
  return result.rows[0] ?? (await findJob(db, jobId));
}

/** Queues a failed or cancelled job again with fresh attempts. Answers undefined when it is not failed or cancelled. */
export async function retryJob(db: Db, jobId: string): Promise<JobRow | undefined> {
  return db
    .updateTable('jobs')
    .set({
      status: 'queued',
      attempts: 0,
      lost_leases: 0,
      cancel_requested: false,
      error: null,
      run_after: sql`now()`,
      finished_at: null,
      updated_at: new Date(),
    })
    .where('id', '=', jobId)
    .where('status', 'in', ['failed', 'cancelled'])
    .returningAll()
    .executeTakeFirst();
}

export interface JobQueueDepth {
  kind: string;
  /** Due and waiting to be claimed. */
  queued: number;
  /** Claimed by a worker now. */
  processing: number;
  /** Seconds the oldest due, unclaimed job has waited (0 when none). */
  oldestQueuedSeconds: number;
}

/** Depth and age of the queue per kind, for the metrics (uses jobs_claimable_idx). */
export async function jobQueueDepth(db: Db): Promise<JobQueueDepth[]> {
  const result = await sql<{ kind: string; queued: string; processing: string; oldest: string | null }>`
    select kind,
           count(*) filter (where status = 'queued' and run_after <= now()) as queued,
           count(*) filter (where status = 'processing') as processing,
           extract(epoch from now() - min(run_after) filter (where status = 'queued' and run_after <= now())) as oldest
      from jobs
     where status in ('queued', 'processing')
     group by kind`.execute(db);
  return result.rows.map((row) => ({
    kind: row.kind,
    queued: Number(row.queued),
    processing: Number(row.processing),
    oldestQueuedSeconds: row.oldest === null ? 0 : Math.max(0, Number(row.oldest)),
  }));
}
