import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/database.js';
import type { JobRow } from '../../db/schema.js';
import { retryDelaySeconds } from '../../domain/jobs/backoff.js';
import { asDependencyProblem } from '../../lib/dependency-errors.js';
import {
  claimJob,
  finishJob,
  recordJobProgress,
  releaseJob,
  renewJobLease,
  scheduleJobRetry,
} from '../../repositories/jobs.js';
import { startPollingWorker, type PollingWorker } from '../background/polling-worker.js';
import type { JobHandler, JobVerdict } from './job-handler.js';

export interface JobRunnerOptions {
  /** How often an idle slot looks for due jobs. */
  pollMs: number;
  /** A claimed job's lease; renewed every third of it while the job runs. A lease that runs out makes the job claimable again. */
  leaseSeconds: number;
  /** Jobs run at once by this process (each parse of a file costs up to PARSE_MAX_HEAP_MB). */
  concurrency: number;
  /** Back-off base of a retried job (see retryDelaySeconds). */
  retryBaseSeconds: number;
  /** On stop(): how long running jobs may take to finish before they are interrupted and handed back (default 0: at once). */
  shutdownGraceMs?: number;
  /** Told when a job run by this process ends (for the metrics). */
  onJobEnded?: (kind: string, outcome: string, seconds: number) => void;
}

export interface JobRunner {
  readonly workerId: string;
  /** New work was queued: look now instead of at the next poll. */
  wake(): void;
  /** Runs one specific job now in this process (the CLI runs the import it created). */
  runNow(jobId: string): Promise<JobRow | undefined>;
  /** Stops claiming; jobs in progress get `shutdownGraceMs` to finish, then are interrupted and handed back. */
  stop(): Promise<void>;
}

const PROGRESS_WRITE_MS = 1000;

/**
 * The one runner of the durable job queue: claims due jobs of the kinds it
 * has handlers for, holds their lease while the handler works, and records
 * how each ended. A job claimed more than its `max_attempts` times — its
 * process died while working on it, e.g. a parser that crashed or ran out of
 * memory on the same file — is failed with that reason instead of being
 * run into the same crash again.
 */
export function startJobRunner(deps: { db: Db; logger: Logger }, handlers: readonly JobHandler[], options: JobRunnerOptions): JobRunner {
  const { db, logger } = deps;
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  const kinds = [...byKind.keys()];
  const running = new Set<AbortController>();
  let stopping = false;

  async function execute(job: JobRow): Promise<void> {
    const handler = byKind.get(job.kind)!;
    const log = logger.child({ jobId: job.id, kind: job.kind, attempt: job.attempts });
    if (job.attempts > job.max_attempts) {
      const reason =
        job.lost_leases > 0
          ? `The process running this job stopped ${job.lost_leases === 1 ? 'once' : `${job.lost_leases} times`} while working on it (it crashed or ran out of memory on this input); it is not tried again.`
          : `Gave up after ${job.max_attempts} attempts${job.error ? `: ${job.error}` : '.'}`;
      if (await finishJob(db, job.id, workerId, { status: 'failed', error: reason })) await handler.ended?.(job, { status: 'failed', reason });
      log.warn({ reason }, 'job given up');
      return;
    }
    const controller = new AbortController();
    running.add(controller);
    let leaseLost = false;
    let cancelRequested = false;
    const renew = setInterval(() => {
      renewJobLease(db, job.id, workerId, options.leaseSeconds)
        .then(({ held, cancelRequested: cancel }) => {
          if (!held) leaseLost = true;
          if (cancel) cancelRequested = true;
          if (!held || cancel) controller.abort();
        })
        .catch((error: unknown) => log.warn({ err: error }, 'job: lease renewal failed'));
    }, (options.leaseSeconds * 1000) / 3);
    renew.unref();
    let lastProgress = 0;
    // Progress writes run one after the other and are all in before the job's end is written.
    let progressWrites = Promise.resolve();
    let verdict: JobVerdict | undefined;
    const started = performance.now();
    try {
      verdict = await handler.run(job, {
        signal: controller.signal,
        progress(done, total) {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_WRITE_MS && done !== total) return;
          lastProgress = now;
          progressWrites = progressWrites
            .then(() => recordJobProgress(db, job.id, workerId, done, total))
            .catch((error: unknown) => log.warn({ err: error }, 'job: progress not recorded'));
        },
      });
    } catch (error) {
      log.error({ err: error }, 'job: handler failed');
      const problem = asDependencyProblem(error);
      verdict = { status: 'retry', reason: problem ? `${problem.detail ?? 'a datastore was unavailable'}` : error instanceof Error ? error.message : String(error) };
    } finally {
      clearInterval(renew);
      running.delete(controller);
      options.onJobEnded?.(job.kind, verdict?.status ?? 'error', (performance.now() - started) / 1000);
      await progressWrites;
    }
    if (leaseLost) {
      log.warn('job: lease lost to another worker; its result is left to that worker');
      return;
    }
    switch (verdict.status) {
      case 'done':
        await finishJob(db, job.id, workerId, { status: 'done', result: verdict.result });
        return;
      case 'failed':
        await finishJob(db, job.id, workerId, { status: 'failed', error: verdict.reason });
        return;
      case 'retry': {
        if (job.attempts >= job.max_attempts) {
          const reason = `Gave up after ${job.max_attempts} attempts: ${verdict.reason}`;
          if (await finishJob(db, job.id, workerId, { status: 'failed', error: reason })) await handler.ended?.(job, { status: 'failed', reason });
          return;
        }
        const delay = retryDelaySeconds(job.attempts, options.retryBaseSeconds);
        log.warn({ reason: verdict.reason, retryInSeconds: delay }, 'job: will retry');
        await scheduleJobRetry(db, job.id, workerId, new Date(Date.now() + delay * 1000), verdict.reason);
        return;
      }
      case 'interrupted':
        if (cancelRequested) {
          const reason = 'Cancelled while it ran; what it had finished stays.';
          if (await finishJob(db, job.id, workerId, { status: 'cancelled', error: reason })) await handler.ended?.(job, { status: 'cancelled', reason });
        } else {
          await releaseJob(db, job.id, workerId);
        }
        return;
    }
  }

  async function claimAndRun(jobId?: string): Promise<JobRow | undefined> {
    const job = await claimJob(db, { kinds, workerId, leaseSeconds: options.leaseSeconds, ...(jobId ? { jobId } : {}) });
    if (job) await execute(job);
    return job;
  }

  const slots: PollingWorker[] = Array.from({ length: options.concurrency }, (_, i) =>
    startPollingWorker({
      name: `jobs-${i + 1}`,
      logger,
      retryMs: options.pollMs,
      async round(isStopping) {
        if (isStopping() || stopping) return options.pollMs;
        const job = await claimAndRun();
        return job ? 0 : options.pollMs;
      },
    }),
  );

  return {
    workerId,
    wake: () => slots.forEach((slot) => slot.wake()),
    runNow: (jobId) => claimAndRun(jobId),
    async stop() {
      stopping = true;
      const finished = Promise.all(slots.map((slot) => slot.stop()));
      if (running.size > 0 && (options.shutdownGraceMs ?? 0) > 0) {
        logger.info({ running: running.size, graceMs: options.shutdownGraceMs }, 'jobs: letting running jobs finish before stopping');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(resolve, options.shutdownGraceMs)))]);
        clearTimeout(timer);
      }
      if (running.size > 0) logger.warn({ running: running.size }, 'jobs: interrupting running jobs; they are handed back to the queue');
      for (const controller of running) controller.abort();
      await finished;
    },
  };
}
