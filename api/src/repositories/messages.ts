import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { executePrepared } from '../db/prepared-statements.js';
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

export function findMessage(db: Db, id: string): Promise<MessageRecord | undefined> {
  return selectMessages(db).where('messages.id', '=', id).executeTakeFirst();
}

export interface NewMessage {
  conversationId: string;
  seq: number;
  kind: MessageKind;
  authorId: string | null;
  text: string;
  clientMessageId: string | null;
  references: MessageReference[];
  inReplyTo?: string | null;
  sourceActivityId?: string | null;
}

export async function insertMessage(db: Db, input: NewMessage): Promise<MessageRecord> {
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

/**
 * A member's post in one statement (the chat's hot path): the membership
 * check, the idempotency lookup, the conversation's next seq (its UPDATE holds
 * the row lock until commit, so numbers are gap-free and in commit order) and
 * the insert. Nothing is stored when the author is not a member, or when a
 * message with this `clientMessageId` exists (it is returned, `created`
 * false). No row: not a member (or no such conversation).
 *
 * Two concurrent posts with the same `clientMessageId` both miss the lookup
 * (one snapshot per statement); the second then fails on
 * `messages_client_id_key` and rolls back whole, seq included
 * ({@link isDuplicatePost}): sent again, it finds the first.
 */
export async function insertMemberMessage(
  db: Db,
  input: { conversationId: string; authorId: string; text: string; clientMessageId: string },
): Promise<(MessageRecord & { created: boolean }) | undefined> {
  const { conversationId, authorId, text, clientMessageId } = input;
  const statement = sql<MessageRecord & { created: boolean }>`
    with member as (
      select 1 from conversation_members where conversation_id = ${conversationId} and user_id = ${authorId}
    ), existing as (
      select * from messages
      where conversation_id = ${conversationId} and author_id = ${authorId} and client_message_id = ${clientMessageId}
        and exists (select 1 from member)
    ), numbered as (
      update conversations set last_seq = last_seq + 1, last_activity_at = date_trunc('milliseconds', now())
      where id = ${conversationId} and exists (select 1 from member) and not exists (select 1 from existing)
      returning id, last_seq
    ), inserted as (
      insert into messages (conversation_id, seq, kind, author_id, text, client_message_id, refs)
      select id, last_seq, 'user', ${authorId}, ${text}, ${clientMessageId}, '[]'::jsonb from numbered
      returning *
    ), stored as (
      select inserted.*, true as created from inserted
      union all
      select existing.*, false as created from existing
    )
    select stored.*, (select name from users where id = ${authorId}) as author_name from stored`;
  // Prepared: every post of every member runs this one text, so PostgreSQL plans its five parts once per connection.
  const [row] = await executePrepared(db, statement.compile(db));
  return row;
}

/** The error of a post that lost the race to store the same `clientMessageId` ({@link insertMemberMessage}). */
export function isDuplicatePost(error: unknown): boolean {
  return isUniqueViolation(error, 'messages_client_id_key');
}

/**
 * A member's page of messages after `afterSeq`, ascending, `limit + 1` rows so the caller knows whether more
 * follow; undefined when `userId` is not a member (or there is no such conversation). One statement, the
 * membership check included: every catch-up after a reconnect runs it. A member with nothing after
 * `afterSeq` gets one row of nulls from the left join, dropped here.
 */
export async function listMessagesOfMember(
  db: Db,
  input: { conversationId: string; userId: string; afterSeq: number; limit: number },
): Promise<MessageRecord[] | undefined> {
  const { conversationId, userId, afterSeq, limit } = input;
  const statement = sql<Omit<MessageRecord, 'id'> & { id: string | null }>`
    select page.* from conversation_members as member
    left join lateral (
      select messages.*, users.name as author_name from messages
      left join users on users.id = messages.author_id
      where messages.conversation_id = member.conversation_id and messages.seq > ${afterSeq}
      order by messages.seq
      limit ${limit + 1}
    ) as page on true
    where member.conversation_id = ${conversationId} and member.user_id = ${userId}`;
  // Prepared: the (conversation_id, seq) index answers any `after`, so one plan serves every call.
  const rows = await executePrepared(db, statement.compile(db));
  if (rows.length === 0) return undefined;
  return rows.filter((row): row is MessageRecord => row.id !== null);
}

/** The assistant's answer to a message, if it has answered already. */
export function findAnswerTo(db: Db, messageId: string): Promise<MessageRecord | undefined> {
  return selectMessages(db).where('messages.in_reply_to', '=', messageId).where('messages.kind', '=', 'assistant').executeTakeFirst();
}
