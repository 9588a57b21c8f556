import type { AppDeps } from '../../deps.js';
import { todayIn } from '../../domain/quotes/calendar.js';
import { quoteLabel } from '../../domain/quotes/numbering.js';
import { recordActivity } from '../../repositories/activity.js';
import { expireDueQuotes, hasDueQuotes, type ExpiredQuote } from '../../repositories/quotes.js';
import { startPollingWorker, type PollingWorker } from '../background/polling-worker.js';
import { publishQuoteChanged } from './quote-events.js';

export type ExpiryDeps = Pick<AppDeps, 'db' | 'pubsub' | 'logger' | 'config'>;

/**
 * Expires the draft and sent quotes whose validity date has passed (all, or
 * only `ids`), with an activity entry each and a `quote.changed` event after
 * commit. Run by the periodic sweep and before every read, so a stale status
 * is never shown.
 */
export async function expireDueQuotesNow(deps: ExpiryDeps, ids?: readonly string[]): Promise<ExpiredQuote[]> {
  const today = todayIn(deps.config.QUOTE_TIME_ZONE);
  if (!(await hasDueQuotes(deps.db, today, ids))) return [];
  const expired = await deps.db.transaction().execute(async (trx) => {
    const rows = await expireDueQuotes(trx, today, ids);
    for (const row of rows) {
      await recordActivity(trx, {
        actorId: null,
        action: 'quote.expired',
        entityType: 'quote',
        entityId: row.id,
        summary: `Quote ${quoteLabel(row)} expired: it was valid until ${row.valid_until}`,
        details: { from: row.previous_status, to: 'expired' },
      });
    }
    return rows;
  });
  for (const row of expired) {
    await publishQuoteChanged(deps, {
      change: 'status_changed',
      quoteId: row.id,
      number: row.number,
      revision: row.revision,
      status: 'expired',
      version: row.version,
      actorId: null,
    });
  }
  return expired;
}

/** Runs {@link expireDueQuotesNow} now and every `intervalSeconds` (0: never). Failures are logged and retried at the next tick. */
export function startQuoteExpirySweep(deps: ExpiryDeps, intervalSeconds: number): Pick<PollingWorker, 'stop'> {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  const intervalMs = intervalSeconds * 1000;
  return startPollingWorker({
    name: 'quote expiry sweep',
    logger: deps.logger,
    retryMs: intervalMs,
    round: async () => {
      const expired = await expireDueQuotesNow(deps);
      if (expired.length > 0) deps.logger.info({ count: expired.length }, 'quotes expired');
      return intervalMs;
    },
  });
}
