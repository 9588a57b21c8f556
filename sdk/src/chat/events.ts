import { z } from 'zod';

/**
 * The chat events the API publishes on its pub/sub (after the transaction
 * that stored them commits) and the chat gateway subscribes to. Both sides
 * import these from `@nexus/sdk/chat`, so a publisher and a subscriber can
 * never disagree about a channel name or a payload's shape.
 *
 * Pub/sub is at-most-once: an event is a hint that something is in
 * PostgreSQL, and whoever missed one catches up from
 * `GET /api/conversations/{id}/messages?after=<seq>`.
 */

// Any 8-4-4-4-12 hex id, as the API's contract accepts (format: uuid), not only RFC 9562 versions.
const id = z.guid();
const seq = z.number().int().positive();

/** A stored chat message, exactly as the API's `Message` schema returns it. */
export const chatMessageSchema = z.object({
  id,
  conversationId: id,
  /** Per conversation, gap-free, starting at 1. */
  seq,
  kind: z.enum(['user', 'system', 'assistant']),
  /** null for system messages. */
  author: z.object({ id, displayName: z.string() }).nullable(),
  text: z.string(),
  /** The sender's idempotency key; null for messages no client sent (system, assistant). */
  clientMessageId: id.nullable(),
  references: z.array(z.object({ type: z.enum(['product', 'quote']), id, label: z.string() })),
  createdAt: z.iso.datetime({ offset: true }),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** Channel of everything that happens in one conversation. */
export const CONVERSATION_CHANNEL_PREFIX = 'chat.conversation.';

/** `chat.conversation.<conversationId>` */
export function conversationChannel(conversationId: string): string {
  return `${CONVERSATION_CHANNEL_PREFIX}${conversationId}`;
}

export const messageCreatedEventSchema = z.object({ type: z.literal('message.created'), message: chatMessageSchema });
/** A member's read marker moved forward to `seq`. */
export const readEventSchema = z.object({ type: z.literal('read'), conversationId: id, userId: id, seq });
/** The member list is now `memberIds`: removed members lose the conversation at once. */
export const membersChangedEventSchema = z.object({ type: z.literal('members.changed'), conversationId: id, memberIds: z.array(id) });

export const conversationEventSchema = z.discriminatedUnion('type', [messageCreatedEventSchema, readEventSchema, membersChangedEventSchema]);
export type ConversationEvent = z.infer<typeof conversationEventSchema>;
export type MessageCreatedEvent = z.infer<typeof messageCreatedEventSchema>;
export type ReadEvent = z.infer<typeof readEventSchema>;
export type MembersChangedEvent = z.infer<typeof membersChangedEventSchema>;

/**
 * Ephemeral events chat gateways publish to each other on the same channel
 * (never stored): who is typing, and who is present after someone came or went.
 */
export const typingEventSchema = z.object({ type: z.literal('typing'), conversationId: id, userId: id });
export const presenceEventSchema = z.object({ type: z.literal('presence'), conversationId: id, present: z.array(id) });

/** Everything that travels on a conversation's channel: the API's events and the gateways' own. */
export const conversationChannelEventSchema = z.discriminatedUnion('type', [
  messageCreatedEventSchema,
  readEventSchema,
  membersChangedEventSchema,
  typingEventSchema,
  presenceEventSchema,
]);
export type ConversationChannelEvent = z.infer<typeof conversationChannelEventSchema>;

/**
 * Credentials that stopped being valid before their tokens expire: the
 * gateway closes every socket they opened (close code 4401).
 */
export const AUTH_REVOKED_CHANNEL = 'auth.revoked';

export const authRevokedEventSchema = z.discriminatedUnion('type', [
  /** Logout, or a refresh token's reuse revoking its whole session. */
  z.object({ type: z.literal('session.revoked'), sessionId: id }),
  z.object({ type: z.literal('user.disabled'), userId: id }),
  /** The user's tokens carry the old role; they must reconnect with a new one. */
  z.object({ type: z.literal('user.role_changed'), userId: id }),
]);
export type AuthRevokedEvent = z.infer<typeof authRevokedEventSchema>;
