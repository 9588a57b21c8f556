import type { JobRow } from '../../db/schema.js';

/**
 * One kind of background work on the job queue. `run` does the work of one
 * claimed job and says how it ended; it must be idempotent per job (a job
 * whose process died is run again from the start, so it resumes from what
 * it committed). It never writes the queue itself.
 */
export interface JobHandler {
  kind: string;
  run(job: JobRow, context: JobContext): Promise<JobVerdict>;
  /**
   * The queue ended the job without `run` saying so — given up after its
   * process died on it too often, or cancelled — so the handler's resource
   * can show the same reason.
   */
  ended?(job: JobRow, end: { status: 'failed' | 'cancelled'; reason: string }): Promise<void>;
}

export interface JobContext {
  /** Aborted when the job is cancelled, its lease is lost, or the process is stopping: end soon with `interrupted`. */
  signal: AbortSignal;
  /** Records progress on the job (throttled to one write a second). */
  progress(done: number, total?: number): void;
}

export type JobVerdict =
  /** Finished. */
  | { status: 'done'; result?: unknown }
  /** Will fail the same way again (bad input): a reason a person can act on. */
  | { status: 'failed'; reason: string }
  /** A passing failure (a datastore was down): tried again after a back-off, until the attempts run out. */
  | { status: 'retry'; reason: string }
  /** Stopped because `signal` said so; what it committed stays, the rest is done by the next run. */
  | { status: 'interrupted' };
