import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { ParseLimits } from '../parsing/limits.js';
import { claimImportJob, finishImportJob, requeueImportJob } from '../repositories/imports.js';
import { runImportJob } from './import-job.js';

export interface ImportWorker {
  kick(): void;
  stop(): Promise<void>;
}

export interface ImportWorkerOptions {
  pollMs: number;
  /** A running job whose heartbeat is older than this belonged to a process that died; it is resumed. */
  staleAfterSeconds: number;
  /** Attempts after which a job that keeps dying is marked failed. */
  maxAttempts: number;
  defaultCurrency: string;
  parseLimits: ParseLimits;
}

/**
 * Polls PostgreSQL for import jobs and runs them one at a time. On stop, the
 * job in progress ends its current batch and is handed back as queued, so
 * the next process resumes it at once.
 */
export function startImportWorker(deps: { db: Db; logger: Logger }, options: ImportWorkerOptions): ImportWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      let worked = false;
      try {
        const job = await claimImportJob(deps.db, options.staleAfterSeconds);
        if (job) {
          worked = true;
          if (job.attempts > options.maxAttempts) {
            await finishImportJob(deps.db, job.id, {
              status: 'failed',
              error: `Gave up after ${options.maxAttempts} attempts; stopped after ${job.rows_done} of ${job.rows_total ?? '?'} rows (those are applied, nothing after).`,
            });
          } else {
            const outcome = await runImportJob(deps, job, { defaultCurrency: options.defaultCurrency, parseLimits: options.parseLimits, shouldStop: () => stopped });
            if (outcome === 'interrupted') {
              await requeueImportJob(deps.db, job.id);
            }
          }
        }
      } catch (error) {
        deps.logger.warn({ err: error }, 'import worker: cannot reach PostgreSQL; retrying');
      }
      if (!stopped && !worked) await sleep(options.pollMs);
    }
  })();
  return {
    kick: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
