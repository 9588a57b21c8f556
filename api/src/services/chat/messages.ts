import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import { ProblemError, problems, type ProblemDetails } from '../../lib/problem.js';
import { findMembership, setReadSeq, takeNextSeq } from '../../repositories/conversations.js';
import { insertMemberMessages, insertMessage, isDuplicatePost, listMessagesOfMember, type MemberPost, type MessageRecord, type NewMessage } from '../../repositories/messages.js';
import { answerInBackground } from './assistant-replies.js';
import type { AssistantDeps } from './assistant.js';
import { publishConversationEvent, publishMessages } from './chat-events.js';
import { conversationNotFound, memberConversation, type Caller } from './conversations.js';
import { toMessageView, type MessageView } from './message-view.js';

type ChatDeps = Pick<AppDeps, 'db' | 'pubsub' | 'logger'>;

/**
 * Stores a message as the conversation's next `seq`. The UPDATE that takes
 * the number holds the conversation's row lock until the caller's transaction
 * ends, so numbers are gap-free and in commit order; a rollback returns it.
 */
export async function appendMessage(trx: Db, input: Omit<NewMessage, 'seq'>): Promise<MessageRecord> {
  const seq = await takeNextSeq(trx, input.conversationId);
  return insertMessage(trx, { ...input, seq });
}

export interface PostedMessage {
  message: MessageView;
  /** False when this was a resend of a stored message (same author, conversation and clientMessageId). */
  created: boolean;
}

/**
 * A member's message. `clientMessageId` is its idempotency key: a resend
 * (after a lost ack, a reconnect, another gateway) finds the stored message
 * and returns it with its original id and seq instead of storing it again.
 */
export async function postMessage(
  deps: AssistantDeps,
  caller: Caller,
  conversationId: string,
  input: { text: string; clientMessageId: string },
): Promise<PostedMessage> {
  const [row] = await storePosts(deps.db, [{ conversationId, authorId: caller.id, text: input.text, clientMessageId: input.clientMessageId }]);
  if (!row) throw conversationNotFound();
  const message = toMessageView(row);
  if (row.created) {
    await publishMessages(deps, [message]);
    answerInBackground(deps, caller, message);
  }
  return { message, created: row.created };
}

/** Stores members' posts; a concurrent resend of one of them stored it first (this attempt rolled back whole): run again, it is found. */
async function storePosts(db: Db, posts: readonly MemberPost[]) {
  try {
    return await insertMemberMessages(db, posts);
  } catch (error) {
    if (!isDuplicatePost(error)) throw error;
    return insertMemberMessages(db, posts);
  }
}

/** One post of {@link postMessageBatch}: a message and its author's access token. */
export interface BatchPost {
  accessToken: string;
  conversationId: string;
  text: string;
  clientMessageId: string;
}

export type BatchPostOutcome = { status: 201 | 200; message: MessageView } | { status: number; problem: ProblemDetails };

/**
 * Posts of several authors, each answered as {@link postMessage} answers it
 * alone: its token is verified as the bearer of a request would be, it needs
 * membership, its `clientMessageId` is its idempotency key. The valid ones
 * are stored by one statement and published together. A dependency that
 * fails fails the whole call (503): nothing of it is acknowledged.
 */
export async function postMessageBatch(
  deps: AssistantDeps,
  /** Access token → its user, as a protected request's bearer is checked; a ProblemError (401) when it is not valid. */
  verify: (accessToken: string) => Promise<Caller>,
  posts: readonly BatchPost[],
  instance: (index: number) => string,
): Promise<BatchPostOutcome[]> {
  const refused = (index: number, error: ProblemError): BatchPostOutcome => ({ status: error.status, problem: error.toProblem(instance(index)) });
  const verified = await Promise.all(
    posts.map((post) =>
      verify(post.accessToken).catch((error: unknown) => {
        if (error instanceof ProblemError) return error;
        throw error;
      }),
    ),
  );
  const outcomes: BatchPostOutcome[] = new Array(posts.length);
  const accepted: Array<{ index: number; caller: Caller }> = [];
  verified.forEach((caller, index) => (caller instanceof ProblemError ? (outcomes[index] = refused(index, caller)) : accepted.push({ index, caller })));
  if (accepted.length === 0) return outcomes;
  const rows = await storePosts(
    deps.db,
    accepted.map(({ index, caller }) => {
      const { conversationId, text, clientMessageId } = posts[index]!;
      return { conversationId, authorId: caller.id, text, clientMessageId };
    }),
  );
  const created: Array<{ caller: Caller; message: MessageView }> = [];
  rows.forEach((row, i) => {
    const { index, caller } = accepted[i]!;
    if (!row) return void (outcomes[index] = refused(index, conversationNotFound()));
    const message = toMessageView(row);
    outcomes[index] = { status: row.created ? 201 : 200, message };
    if (row.created) created.push({ caller, message });
  });
  if (created.length > 0) {
    await publishMessages(deps, created.map((post) => post.message));
    for (const post of created) answerInBackground(deps, post.caller, post.message);
  }
  return outcomes;
}

/** A page of messages after `after`, ascending by seq; `nextAfter` is where the next page starts, null at the end. */
export async function listMessages(
  deps: Pick<ChatDeps, 'db'>,
  caller: Caller,
  conversationId: string,
  page: { after: number; limit: number },
): Promise<{ items: MessageView[]; nextAfter: number | null }> {
  const rows = await listMessagesOfMember(deps.db, { conversationId, userId: caller.id, afterSeq: page.after, limit: page.limit });
  if (!rows) throw conversationNotFound();
  const items = rows.slice(0, page.limit).map(toMessageView);
  return { items, nextAfter: rows.length > page.limit ? items.at(-1)!.seq : null };
}

/** Moves the caller's read marker forward to `seq`; a lower `seq` than the marker changes nothing. */
export async function markConversationRead(deps: ChatDeps, caller: Caller, conversationId: string, seq: number): Promise<void> {
  const moved = await deps.db.transaction().execute(async (trx) => {
    const membership = await findMembership(trx, conversationId, caller.id, { forUpdate: true });
    if (!membership) throw conversationNotFound();
    const conversation = await memberConversation(trx, conversationId, caller);
    if (seq > conversation.last_seq) {
      throw problems.conflict(`The conversation has ${conversation.last_seq} messages; seq ${seq} has not been written yet.`, {
        lastSeq: conversation.last_seq,
      });
    }
    if (seq <= membership.read_seq) return false;
    await setReadSeq(trx, conversationId, caller.id, seq);
    return true;
  });
  if (moved) await publishConversationEvent(deps, conversationId, { type: 'read', conversationId, userId: caller.id, seq });
}
