import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import { decodeKeysetCursor, encodeKeysetCursor } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import {
  activeUsersAmong,
  addMembers,
  findConversationOfMember,
  findMembershipOfConversation,
  insertConversation,
  listConversationsOfMember,
  listMembers,
  removeMember,
  touchConversation,
} from '../../repositories/conversations.js';
import { findCustomer } from '../../repositories/customers.js';
import { findQuote } from '../../repositories/quotes.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';
import { publishConversationEvent } from './chat-events.js';
import {
  toConversationMembershipView,
  toConversationSummaryView,
  toConversationView,
  type ConversationMembershipView,
  type ConversationSummaryView,
  type ConversationView,
} from './message-view.js';

/**
 * Conversations: who is in them and what they are about. Only members see a
 * conversation; to anyone else it does not exist (404, never 403).
 */

type ChatDeps = Pick<AppDeps, 'db' | 'pubsub' | 'logger'>;

export type { Caller };

export const conversationNotFound = () => problems.notFound('The conversation');

/** The conversation if the caller is a member; otherwise the same 404 as for one that does not exist. */
export async function memberConversation(db: Db, conversationId: string, caller: Pick<Caller, 'id'>) {
  const conversation = await findConversationOfMember(db, conversationId, caller.id);
  if (!conversation) throw conversationNotFound();
  return conversation;
}

async function requireActiveUsers(db: Db, userIds: readonly string[]) {
  const active = await activeUsersAmong(db, userIds);
  const missing = userIds.filter((id) => !active.has(id));
  if (missing.length > 0) {
    throw problems.notFound(`An enabled user with the id ${missing.join(', ')}`);
  }
}

async function viewOf(db: Db, conversationId: string, caller: Caller): Promise<ConversationView> {
  const conversation = await memberConversation(db, conversationId, caller);
  return toConversationView(conversation, await listMembers(db, conversationId));
}

export interface NewConversation {
  title: string;
  memberIds: string[];
  quoteId?: string | undefined;
  customerId?: string | undefined;
}

export async function createConversation(
  deps: ChatDeps,
  caller: Caller,
  input: NewConversation,
  idempotencyKey: string | undefined,
): Promise<Created<ConversationView>> {
  return createOnce(
    deps.db,
    { userId: caller.id, key: idempotencyKey, operation: 'createConversation', payload: input },
    async (trx) => {
      const others = [...new Set(input.memberIds)].filter((id) => id !== caller.id);
      await requireActiveUsers(trx, others);
      if (input.quoteId !== undefined && !(await findQuote(trx, input.quoteId))) {
        throw problems.notFound('The quote');
      }
      if (input.customerId !== undefined && !(await findCustomer(trx, input.customerId))) {
        throw problems.notFound('The customer');
      }
      const row = await insertConversation(trx, {
        title: input.title,
        quoteId: input.quoteId ?? null,
        customerId: input.customerId ?? null,
        createdBy: caller.id,
      });
      await addMembers(trx, row.id, [caller.id, ...others]);
      await recordActivity(trx, {
        actorId: caller.id,
        action: 'conversation.created',
        entityType: 'conversation',
        entityId: row.id,
        summary: `${caller.name} started the conversation ${row.title}`,
        details: { memberIds: [caller.id, ...others], quoteId: row.quote_id, customerId: row.customer_id },
      });
      return viewOf(trx, row.id, caller);
    },
  );
}

export async function getConversation(deps: Pick<ChatDeps, 'db'>, caller: Caller, conversationId: string): Promise<ConversationView> {
  return viewOf(deps.db, conversationId, caller);
}

/** The caller's membership: the newest seq and the read marker, without the member list (404 for others). */
export async function getConversationMembership(
  deps: Pick<ChatDeps, 'db'>,
  caller: Caller,
  conversationId: string,
): Promise<ConversationMembershipView> {
  const row = await findMembershipOfConversation(deps.db, conversationId, caller.id);
  if (!row) throw conversationNotFound();
  return toConversationMembershipView(row);
}

export async function listMyConversations(
  deps: Pick<ChatDeps, 'db'>,
  caller: Caller,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: ConversationSummaryView[]; nextCursor: string | null }> {
  const rows = await listConversationsOfMember(deps.db, caller.id, {
    limit: page.limit,
    ...(page.cursor ? { after: decodeKeysetCursor(page.cursor) } : {}),
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    items: items.map(toConversationSummaryView),
    nextCursor: rows.length > page.limit && last ? encodeKeysetCursor(last.last_activity_at, last.id) : null,
  };
}

async function announceMembers(deps: ChatDeps, conversationId: string): Promise<void> {
  const members = await listMembers(deps.db, conversationId);
  await publishConversationEvent(deps, conversationId, {
    type: 'members.changed',
    conversationId,
    memberIds: members.map((member) => member.user_id),
  });
}

/** Any member may bring someone in; adding a member twice changes nothing. */
export async function addConversationMember(deps: ChatDeps, caller: Caller, conversationId: string, userId: string): Promise<ConversationView> {
  const { view, added } = await deps.db.transaction().execute(async (trx) => {
    const conversation = await memberConversation(trx, conversationId, caller);
    await requireActiveUsers(trx, [userId]);
    const added = (await addMembers(trx, conversationId, [userId])).length > 0;
    if (added) {
      await touchConversation(trx, conversationId);
      await recordActivity(trx, {
        actorId: caller.id,
        action: 'conversation.member_added',
        entityType: 'conversation',
        entityId: conversationId,
        summary: `${caller.name} added a member to the conversation ${conversation.title}`,
        details: { userId },
      });
    }
    return { view: await viewOf(trx, conversationId, caller), added };
  });
  if (added) await announceMembers(deps, conversationId);
  return view;
}

/** Any member may remove a member, themselves included (leaving). */
export async function removeConversationMember(deps: ChatDeps, caller: Caller, conversationId: string, userId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const conversation = await memberConversation(trx, conversationId, caller);
    if (!(await removeMember(trx, conversationId, userId))) throw problems.notFound('The member');
    await touchConversation(trx, conversationId);
    await recordActivity(trx, {
      actorId: caller.id,
      action: 'conversation.member_removed',
      entityType: 'conversation',
      entityId: conversationId,
      summary:
        userId === caller.id
          ? `${caller.name} left the conversation ${conversation.title}`
          : `${caller.name} removed a member from the conversation ${conversation.title}`,
      details: { userId },
    });
  });
  await announceMembers(deps, conversationId);
}
