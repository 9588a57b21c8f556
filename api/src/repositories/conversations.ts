import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { executePrepared } from '../db/prepared-statements.js';
import type { ConversationRow } from '../db/schema.js';

/**
 * Conversations and their members. Every write runs inside the caller's
 * transaction; posting takes the conversation's row lock ({@link takeNextSeq}),
 * so the posts of one conversation are numbered one after the other.
 */

export interface ConversationMember {
  user_id: string;
  name: string;
  read_seq: number;
  joined_at: Date;
}

/** A member's view of a conversation without its member list. */
export interface ConversationMembershipRow {
  conversation_id: string;
  last_seq: number;
  read_seq: number;
  joined_at: Date;
}

/** A conversation of the caller's list, with what the caller has not read yet. */
export type ConversationSummaryRow = ConversationRow & { read_seq: number; unread_count: number };

export async function insertConversation(
  db: Db,
  input: { title: string; quoteId: string | null; customerId: string | null; createdBy: string },
): Promise<ConversationRow> {
  return db
    .insertInto('conversations')
    .values({ title: input.title, quote_id: input.quoteId, customer_id: input.customerId, created_by: input.createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findConversation(db: Db, id: string): Promise<ConversationRow | undefined> {
  return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The conversation, only if `userId` is one of its members (others must not learn it exists). */
export function findConversationOfMember(db: Db, id: string, userId: string): Promise<ConversationRow | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll('conversations')
    .where('conversations.id', '=', id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('conversation_members')
          .select(sql`1`.as('one'))
          .whereRef('conversation_members.conversation_id', '=', 'conversations.id')
          .where('conversation_members.user_id', '=', userId),
      ),
    )
    .executeTakeFirst();
}

/** Takes the conversation's row lock until the transaction ends; undefined when it does not exist. */
export function lockConversation(db: Db, id: string): Promise<Pick<ConversationRow, 'id' | 'last_seq'> | undefined> {
  return db.selectFrom('conversations').select(['id', 'last_seq']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** The next message number of a conversation; call under {@link lockConversation}. */
export async function takeNextSeq(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('conversations')
    .set({ last_seq: sql`last_seq + 1`, last_activity_at: sql`date_trunc('milliseconds', now())` })
    .where('id', '=', id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return row.last_seq;
}

export function listMembers(db: Db, conversationId: string): Promise<ConversationMember[]> {
  return db
    .selectFrom('conversation_members')
    .innerJoin('users', 'users.id', 'conversation_members.user_id')
    .select(['conversation_members.user_id', 'users.name', 'conversation_members.read_seq', 'conversation_members.joined_at'])
    .where('conversation_members.conversation_id', '=', conversationId)
    .orderBy('conversation_members.joined_at')
    .orderBy('conversation_members.user_id')
    .execute();
}

/** Adds members who are not yet in; returns the ids actually added. */
export async function addMembers(db: Db, conversationId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .insertInto('conversation_members')
    .values(userIds.map((userId) => ({ conversation_id: conversationId, user_id: userId })))
    .onConflict((oc) => oc.columns(['conversation_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return rows.map((row) => row.user_id);
}

/** True when the user was a member. */
export async function removeMember(db: Db, conversationId: string, userId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('conversation_members')
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function touchConversation(db: Db, id: string): Promise<void> {
  await db.updateTable('conversations').set({ updated_at: sql`date_trunc('milliseconds', now())` }).where('id', '=', id).execute();
}

/** The caller's membership row (with the read marker), locked for the transaction when asked. */
export function findMembership(db: Db, conversationId: string, userId: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('conversation_members')
    .select(['conversation_id', 'user_id', 'read_seq'])
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The user's membership with the conversation's newest seq, in one read; undefined for a non-member. */
export async function findMembershipOfConversation(db: Db, conversationId: string, userId: string): Promise<ConversationMembershipRow | undefined> {
  const query = db
    .selectFrom('conversation_members as me')
    .innerJoin('conversations', 'conversations.id', 'me.conversation_id')
    .select(['me.conversation_id', 'conversations.last_seq', 'me.read_seq', 'me.joined_at'])
    .where('me.conversation_id', '=', conversationId)
    .where('me.user_id', '=', userId);
  // Prepared: every chat client asks it on each join and reconnect.
  const [row] = await executePrepared(db, query.compile());
  return row;
}

export async function setReadSeq(db: Db, conversationId: string, userId: string, seq: number): Promise<void> {
  await db
    .updateTable('conversation_members')
    .set({ read_seq: seq })
    .where('conversation_id', '=', conversationId)
    .where('user_id', '=', userId)
    .execute();
}

/**
 * The user's conversations, most recently active first, keyset-paginated on
 * (last_activity_at, id), each with the number of other people's messages
 * after the user's read marker.
 */
export function listConversationsOfMember(
  db: Db,
  userId: string,
  options: { limit: number; after?: [string, string] },
): Promise<ConversationSummaryRow[]> {
  let query = db
    .selectFrom('conversation_members as me')
    .innerJoin('conversations', 'conversations.id', 'me.conversation_id')
    .selectAll('conversations')
    .select('me.read_seq')
    .select((eb) =>
      eb
        .selectFrom('messages')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('messages.conversation_id', '=', 'conversations.id')
        .whereRef('messages.seq', '>', 'me.read_seq')
        .where(sql<boolean>`messages.author_id is distinct from ${userId}::uuid`)
        .as('unread_count'),
    )
    .where('me.user_id', '=', userId)
    .orderBy('conversations.last_activity_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .limit(options.limit + 1);
  if (options.after) {
    const [at, id] = options.after;
    query = query.where(sql<boolean>`(conversations.last_activity_at, conversations.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return query.execute().then((rows) => rows.map((row) => ({ ...row, unread_count: Number(row.unread_count ?? 0) })));
}

/** Conversations about a quote (a quote's changes are told there). */
export async function conversationIdsOfQuote(db: Db, quoteId: string): Promise<string[]> {
  const rows = await db.selectFrom('conversations').select('id').where('quote_id', '=', quoteId).orderBy('id').execute();
  return rows.map((row) => row.id);
}

/** Conversations about a customer or a quote (either may be null), each once: a document's outcome is told there. */
export async function conversationIdsLinkedTo(db: Db, links: { customerId: string | null; quoteId: string | null }): Promise<string[]> {
  if (links.customerId === null && links.quoteId === null) return [];
  const rows = await db
    .selectFrom('conversations')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(links.customerId !== null ? [eb('customer_id', '=', links.customerId)] : []),
        ...(links.quoteId !== null ? [eb('quote_id', '=', links.quoteId)] : []),
      ]),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Which of these users exist and are not disabled. */
export async function activeUsersAmong(db: Db, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', userIds).where('disabled_at', 'is', null).execute();
  return new Set(rows.map((row) => row.id));
}
