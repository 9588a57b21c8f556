import type { AppDeps } from '../../deps.js';
import {
  deleteIdempotencyKeysBefore,
  deleteJobsFinishedBefore,
  deleteRefreshTokensExpiredBefore,
  deleteSessionsEndedBefore,
} from '../../repositories/retention.js';
import { startPollingWorker, type PollingWorker } from '../background/polling-worker.js';

export type RetentionDeps = Pick<AppDeps, 'db' | 'logger' | 'config'>;

export interface RetentionReport {
  idempotencyKeys: number;
  refreshTokens: number;
  sessions: number;
  jobs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Removes what has outlived its retention (see docs/operations.md "Data retention"):
 * idempotency keys older than IDEMPOTENCY_KEY_TTL_HOURS; refresh tokens expired
 * and sessions ended (revoked, or without a refresh token left) more than
 * SESSION_RETENTION_DAYS ago; jobs finished more than JOBS_RETENTION_DAYS ago.
 * Chat tickets need no sweep: Redis expires them (PX), the in-process store
 * drops expired ones as it issues new ones. Safe to run from every instance at once.
 */
export async function sweepExpiredData(deps: RetentionDeps, now: Date = new Date()): Promise<RetentionReport> {
  const { db, config } = deps;
  const sessionsBefore = new Date(now.getTime() - config.SESSION_RETENTION_DAYS * DAY_MS);
  const idempotencyKeys = await deleteIdempotencyKeysBefore(db, new Date(now.getTime() - config.IDEMPOTENCY_KEY_TTL_HOURS * HOUR_MS));
  const refreshTokens = await deleteRefreshTokensExpiredBefore(db, sessionsBefore);
  const sessions = await deleteSessionsEndedBefore(db, sessionsBefore);
  const jobs = await deleteJobsFinishedBefore(db, new Date(now.getTime() - config.JOBS_RETENTION_DAYS * DAY_MS));
  return { idempotencyKeys, refreshTokens, sessions, jobs };
}

/** Runs {@link sweepExpiredData} now and every `RETENTION_SWEEP_SECONDS` (0: never); a failed round is logged and retried at the next tick. */
export function startRetentionSweep(deps: RetentionDeps): Pick<PollingWorker, 'stop'> {
  const intervalSeconds = deps.config.RETENTION_SWEEP_SECONDS;
  if (intervalSeconds <= 0) return { stop: async () => {} };
  const intervalMs = intervalSeconds * 1000;
  return startPollingWorker({
    name: 'retention sweep',
    logger: deps.logger,
    retryMs: intervalMs,
    round: async () => {
      const report = await sweepExpiredData(deps);
      if (Object.values(report).some((n) => n > 0)) deps.logger.info({ removed: report }, 'retention sweep: removed expired data');
      return intervalMs;
    },
  });
}
