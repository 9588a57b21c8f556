import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import type { DocumentRow } from '../../db/schema.js';
import {
  documentsWithEndedJobs,
  failDocument,
  insertDocumentEvent,
  markDocumentEventsPublished,
  pendingDocumentEvents,
} from '../../repositories/documents.js';
import type { MessageRecord } from '../../repositories/messages.js';
import { startPollingWorker, type PollingWorker } from '../background/polling-worker.js';
import { publishMessages } from '../chat/chat-events.js';
import { announceDocumentEvent } from '../chat/document-announcements.js';
import { toMessageView } from '../chat/message-view.js';

/**
 * `document.processed` / `document.failed`, for the dashboard and chat.
 *
 * Durable, not fire-and-forget: the event is a row of `document_events`
 * written in the same transaction as the status it announces (the job's last
 * transaction), and this publisher sends the rows that are not yet published
 * and marks them — in one transaction, so an event is published at least
 * once. A crash between the publish and the mark sends it again: subscribers
 * drop repeats by `eventId`. (The job runner's `ended` hook runs after the
 * job's end committed, so anything written only there could be lost; here
 * the publisher also fails documents whose job the queue ended without the
 * handler, so even that failure is announced.)
 *
 * In the same transaction as the mark, each event is told as a system message
 * in the conversations linked to the document's customer or quote
 * (services/chat/document-announcements.ts): stored exactly once, then
 * published live on the conversations' channels after the commit.
 */

export const DOCUMENT_EVENTS_CHANNEL = 'document.events';

export interface DocumentEvent {
  type: 'document.processed' | 'document.failed';
  /** Unique per event; the same on a repeated delivery. */
  eventId: string;
  documentId: string;
  status: 'extracted' | 'failed';
  fileName: string | null;
  customerId: string | null;
  itemCount: number;
  matchedCount: number;
  error: string | null;
  at: string;
}

type EventPayload = Omit<DocumentEvent, 'eventId'>;

export function documentEventOf(row: DocumentRow): EventPayload {
  return {
    type: row.status === 'extracted' ? 'document.processed' : 'document.failed',
    documentId: row.id,
    status: row.status === 'extracted' ? 'extracted' : 'failed',
    fileName: row.file_name,
    customerId: row.customer_id,
    itemCount: row.item_count,
    matchedCount: row.matched_count,
    error: row.error,
    at: new Date(row.processed_at ?? row.updated_at).toISOString(),
  };
}

/** Writes the event of a document that just ended, in the transaction that ended it. */
export async function recordDocumentEvent(trx: Db, row: DocumentRow): Promise<void> {
  const event = documentEventOf(row);
  await insertDocumentEvent(trx, { documentId: row.id, type: event.type, payload: event as unknown as Record<string, unknown> });
}

/** Fails a document still waiting or being read, with its event; answers whether it did. */
export async function failDocumentWithEvent(db: Db, documentId: string, reason: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await failDocument(trx, documentId, reason);
    if (row) await recordDocumentEvent(trx, row);
    return row !== undefined;
  });
}

type PublisherDeps = Pick<AppDeps, 'db' | 'pubsub' | 'logger'>;

const BATCH = 100;

/** One round: fails documents whose job ended without the handler, then publishes what is pending. Answers how many it published. */
export async function publishDocumentEvents(deps: PublisherDeps): Promise<number> {
  await deps.db.transaction().execute(async (trx) => {
    for (const ended of await documentsWithEndedJobs(trx, BATCH)) {
      const row = await failDocument(trx, ended.id, ended.reason ?? 'The document could not be read.');
      if (row) await recordDocumentEvent(trx, row);
    }
  });
  const { published, told } = await deps.db.transaction().execute(async (trx) => {
    const rows = await pendingDocumentEvents(trx, BATCH);
    const messages: MessageRecord[] = [];
    for (const row of rows) {
      const event: DocumentEvent = { ...(row.payload as unknown as EventPayload), eventId: String(row.id) };
      // Stored with the mark: told in the linked conversations exactly once (a rollback takes them back too).
      messages.push(...(await announceDocumentEvent(trx, event)));
      // A failed publish rolls the marks back: these events are sent again next round.
      await deps.pubsub.publish(DOCUMENT_EVENTS_CHANNEL, event);
    }
    await markDocumentEventsPublished(trx, rows.map((row) => Number(row.id)));
    return { published: rows.length, told: messages };
  });
  await publishMessages(deps, told.map(toMessageView));
  return published;
}

const POLL_MS = 2_000;

/** Runs {@link publishDocumentEvents} every few seconds, and at once when woken (a document just ended). */
export function startDocumentEventPublisher(deps: PublisherDeps, options: { pollMs?: number } = {}): PollingWorker {
  const pollMs = options.pollMs ?? POLL_MS;
  return startPollingWorker({
    name: 'document events',
    logger: deps.logger,
    retryMs: pollMs,
    round: async () => {
      try {
        const published = await publishDocumentEvents(deps);
        return published === BATCH ? 0 : pollMs;
      } catch (error) {
        deps.logger.error({ err: error }, 'document events NOT PUBLISHED yet (kept in PostgreSQL; retried)');
        return pollMs;
      }
    },
  });
}
