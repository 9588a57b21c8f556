import type { Db } from '../../db/database.js';
import type { MessageReference } from '../../db/schema.js';
import { conversationIdsLinkedTo, lockConversation } from '../../repositories/conversations.js';
import { findDocument } from '../../repositories/documents.js';
import type { MessageRecord } from '../../repositories/messages.js';
import type { DocumentEvent } from '../documents/document-events.js';
import { appendMessage } from './messages.js';

/**
 * An RFQ document's outcome, told as a system message in the conversations
 * linked to its customer and to the quote made from it. Called by the
 * document event publisher inside the transaction that marks the event
 * published (the event row is locked there), so each event is told exactly
 * once: a crash before that commit tells it again from scratch, never twice.
 * The caller publishes the returned messages live after the commit.
 */
export async function announceDocumentEvent(trx: Db, event: Omit<DocumentEvent, 'eventId'>): Promise<MessageRecord[]> {
  const document = await findDocument(trx, event.documentId);
  const quoteId = document?.quote_id ?? null;
  const conversationIds = await conversationIdsLinkedTo(trx, { customerId: document?.customer_id ?? event.customerId, quoteId });
  const references: MessageReference[] = quoteId && document?.quote_number ? [{ type: 'quote', id: quoteId, label: document.quote_number }] : [];
  const told: MessageRecord[] = [];
  for (const conversationId of conversationIds) {
    // Deleted since it was listed: nothing to tell there.
    if (!(await lockConversation(trx, conversationId))) continue;
    told.push(await appendMessage(trx, { conversationId, kind: 'system', authorId: null, text: documentOutcomeText(event), clientMessageId: null, references }));
  }
  return told;
}

/** "RFQ document rfq-acme.xlsx was read: 12 requested items, 9 matched to the catalogue, 3 to review." */
export function documentOutcomeText(event: Pick<DocumentEvent, 'type' | 'fileName' | 'itemCount' | 'matchedCount' | 'error'>): string {
  const name = event.fileName ? `RFQ document ${event.fileName}` : 'An RFQ document';
  if (event.type === 'document.failed') return `${name} could not be read: ${event.error ?? 'no reason was given.'}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const unmatched = event.itemCount - event.matchedCount;
  return (
    `${name} was read: ${plural(event.itemCount, 'requested item')}, ${event.matchedCount} matched to the catalogue` +
    (unmatched > 0 ? `, ${unmatched} to review.` : '.')
  );
}
