import type { Db } from '../db/database.js';
import type { MessageKind, MessageReference, MessageRow } from '../db/schema.js';

/** Messages of conversations, with their author's name. Inserts run under the conversation's row lock. */

export type MessageRecord = MessageRow & { author_name: string | null };

function selectMessages(db: Db) {
  return db
    .selectFrom('messages')
    .leftJoin('users', 'users.id', 'messages.author_id')
    .selectAll('messages')
    .select('users.name as author_name');
}

export function findMessageByClientId(db: Db, conversationId: string, authorId: string, clientMessageId: string): Promise<MessageRecord | undefined> {
  return selectMessages(db)
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.author_id', '=', authorId)
    .where('messages.client_message_id', '=', clientMessageId)
    .executeTakeFirst();
}

export function findMessage(db: Db, id: string): Promise<MessageRecord | undefined> {
  return selectMessages(db).where('messages.id', '=', id).executeTakeFirst();
}

export async function insertMessage(
  db: Db,
  input: {
    conversationId: string;
    seq: number;
    kind: MessageKind;
    authorId: string | null;
    text: string;
    clientMessageId: string | null;
    references: MessageReference[];
    inReplyTo?: string | null;
    sourceActivityId?: string | null;
  },
): Promise<MessageRecord> {
  const { id } = await db
    .insertInto('messages')
    .values({
      conversation_id: input.conversationId,
      seq: input.seq,
      kind: input.kind,
      author_id: input.authorId,
      text: input.text,
      client_message_id: input.clientMessageId,
      refs: JSON.stringify(input.references),
      in_reply_to: input.inReplyTo ?? null,
      source_activity_id: input.sourceActivityId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findMessage(db, id))!;
}

/** Messages after `afterSeq`, ascending; `limit + 1` rows so the caller knows whether more follow. */
export function listMessagesAfter(db: Db, conversationId: string, afterSeq: number, limit: number): Promise<MessageRecord[]> {
  return selectMessages(db)
    .where('messages.conversation_id', '=', conversationId)
    .where('messages.seq', '>', afterSeq)
    .orderBy('messages.seq')
    .limit(limit + 1)
    .execute();
}

/** The assistant's answer to a message, if it has answered already. */
export function findAnswerTo(db: Db, messageId: string): Promise<MessageRecord | undefined> {
  return selectMessages(db).where('messages.in_reply_to', '=', messageId).where('messages.kind', '=', 'assistant').executeTakeFirst();
}
