import type { AppDeps } from '../../deps.js';
import type { QuoteStatus } from '../../domain/quotes/lifecycle.js';

/**
 * `quote.changed` events for live views (chat rooms, dashboards). Published
 * after the change committed; PostgreSQL holds the truth, so a failed publish
 * is logged loudly and never fails the request (subscribers catch up on reload).
 */

export type QuoteChange = 'created' | 'updated' | 'line_added' | 'line_updated' | 'line_removed' | 'status_changed' | 'revised';

export interface QuoteChangedEvent {
  type: 'quote.changed';
  change: QuoteChange;
  quoteId: string;
  number: string;
  revision: number;
  status: QuoteStatus;
  version: number;
  /** Who made the change; null for the expiry sweep. */
  actorId: string | null;
  at: string;
}

/** The pub/sub channel (the pub/sub adds the deployment's prefix). */
export const QUOTE_CHANGED_CHANNEL = 'quote.changed';

export async function publishQuoteChanged(
  deps: Pick<AppDeps, 'pubsub' | 'logger'>,
  event: Omit<QuoteChangedEvent, 'type' | 'at'>,
): Promise<void> {
  const message: QuoteChangedEvent = { type: 'quote.changed', ...event, at: new Date().toISOString() };
  try {
    await deps.pubsub.publish(QUOTE_CHANGED_CHANNEL, message);
  } catch (error) {
    deps.logger.error(
      { err: error, event: message },
      'quote.changed NOT PUBLISHED: live subscribers miss this change until they reload (it is saved in PostgreSQL)',
    );
  }
}
