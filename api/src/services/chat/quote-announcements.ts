import type { AppDeps } from '../../deps.js';
import { quoteLabel } from '../../domain/quotes/numbering.js';
import { advanceActivityCursor, databaseNow, readActivityCursor } from '../../repositories/activity-cursors.js';
import { lockConversation } from '../../repositories/conversations.js';
import { isAnnounced, pendingQuoteAnnouncements } from '../../repositories/quote-announcements.js';
import { startPollingWorker, type PollingWorker } from '../background/polling-worker.js';
import { QUOTE_CHANGED_CHANNEL } from '../quotes/quote-events.js';
import { publishMessages } from './chat-events.js';
import { appendMessage } from './messages.js';
import { toMessageView, type MessageView } from './message-view.js';

/**
 * A quote's changes, told as system messages in the conversations linked to
 * it. Durable without touching the quote code: every quote change writes an
 * activity entry in its own transaction, and this consumer follows the
 * activity log with a stored cursor. Each message remembers the entry it
 * tells (unique per conversation), so a retry, a restart or a second API
 * instance never tells one twice. `quote.changed` events only wake it early.
 */

type AnnouncerDeps = Pick<AppDeps, 'db' | 'pubsub' | 'logger'>;

const CONSUMER = 'chat.quote-announcements';
/**
 * Activity timestamps are their transaction's start, so an entry can become
 * visible after later ones. Each round re-reads this far behind the cursor;
 * a quote transaction lasting longer than this would be missed.
 */
const OVERLAP_MS = 5 * 60_000;
const BATCH = 100;
const POLL_MS = 2_000;

/** One round: tells what is pending (up to a batch) and moves the cursor. Returns how many were pending. */
export async function announceQuoteChanges(deps: AnnouncerDeps): Promise<{ pending: number; told: MessageView[] }> {
  const scanStartedAt = await databaseNow(deps.db);
  const cursor = (await readActivityCursor(deps.db, CONSUMER)) ?? new Date(0);
  const pending = await pendingQuoteAnnouncements(deps.db, new Date(cursor.getTime() - OVERLAP_MS), BATCH);
  const told: MessageView[] = [];
  for (const item of pending) {
    const row = await deps.db.transaction().execute(async (trx) => {
      // Under the conversation's lock: another instance telling the same entry waits here, then finds it told.
      if (!(await lockConversation(trx, item.conversation_id))) return undefined;
      if (await isAnnounced(trx, item.conversation_id, item.activity_id)) return undefined;
      return appendMessage(trx, {
        conversationId: item.conversation_id,
        kind: 'system',
        authorId: null,
        text: item.summary,
        clientMessageId: null,
        references: [{ type: 'quote', id: item.quote_id, label: quoteLabel({ number: item.quote_number, revision: item.quote_revision }) }],
        sourceActivityId: item.activity_id,
      });
    });
    if (row) {
      const message = toMessageView(row);
      told.push(message);
      await publishMessages(deps, [message]);
    }
  }
  // A full batch may have more behind it: resume from its last entry. Otherwise all up to the scan is told.
  const last = pending.at(-1);
  await advanceActivityCursor(deps.db, CONSUMER, pending.length === BATCH && last ? new Date(last.created_at) : scanStartedAt);
  return { pending: pending.length, told };
}

/** Runs {@link announceQuoteChanges} every few seconds, and at once when a quote changes. */
export async function startQuoteAnnouncer(deps: AnnouncerDeps): Promise<Pick<PollingWorker, 'stop'>> {
  const worker = startPollingWorker({
    name: 'chat quote announcements',
    logger: deps.logger,
    retryMs: POLL_MS,
    round: async () => {
      const round = await announceQuoteChanges(deps);
      if (round.told.length > 0) deps.logger.debug({ count: round.told.length }, 'quote changes told in chat');
      return round.pending === BATCH ? 0 : POLL_MS;
    },
  });
  // A missed wake-up only delays a message until the next poll.
  const unsubscribe = await deps.pubsub
    .subscribe(QUOTE_CHANGED_CHANNEL, () => worker.wake())
    .catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'chat quote announcements: not woken by quote.changed events; polling only');
      return async () => {};
    });
  return {
    async stop() {
      await unsubscribe();
      await worker.stop();
    },
  };
}
