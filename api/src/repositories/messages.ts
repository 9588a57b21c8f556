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

/** One member's post in {@link insertMemberMessages}. */
export interface MemberPost {
  conversationId: string;
  authorId: string;
  text: string;
  clientMessageId: string;
}

/**
 * Members' posts in one statement (the chat's hot path: one post of
 * `postMessage`, or the gateway's batch): the membership check, the
 * idempotency lookup, the conversations' next seqs and the inserts. One row
 * per post, in the posts' order: the stored message (`created` true), the one
 * stored before with its `clientMessageId` (`created` false), or undefined
 * when the author is not a member (or there is no such conversation). Posts to
 * one conversation take consecutive seqs in their order. A key twice in one
 * call is stored once; every row of it gets that message.
 *
 * The conversations' rows are locked in id order before their seqs move and
 * stay locked until commit, so numbers are gap-free and in commit order, and
 * two such statements over the same conversations cannot deadlock. Two
 * concurrent posts of one key both miss the lookup (one snapshot per
 * statement); the second then fails on `messages_client_id_key` and rolls back
 * whole, seqs included ({@link isDuplicatePost}): sent again, it finds the first.
 */
export async function insertMemberMessages(db: Db, posts: readonly MemberPost[]): Promise<Array<(MessageRecord & { created: boolean }) | undefined>> {
  const column = <K extends keyof MemberPost>(key: K) => posts.map((post) => post[key]);
  const statement = sql<Omit<MessageRecord, 'id'> & { id: string | null; created: boolean | null; position: number }>`
    with input as (
      select item.conversation_id, item.author_id, item.text, item.client_message_id, item.position::int as position
      from unnest(${column('conversationId')}::uuid[], ${column('authorId')}::uuid[], ${column('text')}::text[], ${column('clientMessageId')}::uuid[])
        with ordinality as item(conversation_id, author_id, text, client_message_id, position)
    ), allowed as (
      select input.* from input
      join conversation_members as member on member.conversation_id = input.conversation_id and member.user_id = input.author_id
    ), existing as (
      select messages.* from messages
      where (messages.conversation_id, messages.author_id, messages.client_message_id) in
        (select conversation_id, author_id, client_message_id from allowed)
    ), fresh as (
      select distinct on (allowed.conversation_id, allowed.author_id, allowed.client_message_id) allowed.* from allowed
      where not exists (
        select 1 from existing
        where existing.conversation_id = allowed.conversation_id and existing.author_id = allowed.author_id
          and existing.client_message_id = allowed.client_message_id
      )
      order by allowed.conversation_id, allowed.author_id, allowed.client_message_id, allowed.position
    ), locked as (
      select id from conversations where id in (select conversation_id from fresh) order by id for update
    ), numbered as (
      update conversations set last_seq = last_seq + counts.n, last_activity_at = date_trunc('milliseconds', now())
      from (select conversation_id, count(*)::int as n from fresh group by conversation_id) as counts
      where conversations.id = counts.conversation_id and conversations.id in (select id from locked)
      returning conversations.id, conversations.last_seq, counts.n
    ), inserted as (
      insert into messages (conversation_id, seq, kind, author_id, text, client_message_id, refs)
      select fresh.conversation_id,
        numbered.last_seq - numbered.n + row_number() over (partition by fresh.conversation_id order by fresh.position),
        'user', fresh.author_id, fresh.text, fresh.client_message_id, '[]'::jsonb
      from fresh join numbered on numbered.id = fresh.conversation_id
      returning *
    ), stored as (
      select inserted.*, true as created from inserted
      union all
      select existing.*, false as created from existing
    )
    select input.position, stored.*, users.name as author_name from input
    left join stored on stored.conversation_id = input.conversation_id and stored.author_id = input.author_id
      and stored.client_message_id = input.client_message_id
    left join users on users.id = stored.author_id
    order by input.position`;
  // Prepared: one text whatever the number of posts (they travel as arrays).
  const rows = await executePrepared(db, statement.compile(db));
  const answered = new Set<string>();
  return rows.map((row) => {
    if (row.id === null) return undefined;
    const { position: _position, created, ...message } = row;
    // The first row of a key stored it; a later row of the same key is its resend.
    const first = !answered.has(row.id);
    answered.add(row.id);
    return { ...(message as MessageRecord), created: created === true && first };
  });
}

/** The error of a post that lost the race to store the same `clientMessageId` ({@link insertMemberMessages}). */
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
