import {
  AUTH_REVOKED_CHANNEL,
  conversationChannel,
  type AuthRevokedEvent,
  type ConversationEvent,
} from '@nexus/sdk/chat';
import type { AppDeps } from '../../deps.js';
import type { MessageView } from './message-view.js';

/**
 * Publishing chat events after commit, on the channels and in the shapes
 * `@nexus/sdk/chat` defines (the gateway validates them with the same schemas).
 * PostgreSQL holds every message; pub/sub is at-most-once, so a failed publish
 * is logged loudly and never fails the write (clients catch up with
 * `GET …/messages?after=`).
 */

export { AUTH_REVOKED_CHANNEL, conversationChannel, type AuthRevokedEvent, type ConversationEvent };

type EventDeps = Pick<AppDeps, 'pubsub' | 'logger'>;

async function publish(deps: EventDeps, channel: string, event: ConversationEvent | AuthRevokedEvent): Promise<void> {
  try {
    await deps.pubsub.publish(channel, event);
  } catch (error) {
    deps.logger.error({ err: error, channel, event }, `${event.type} NOT PUBLISHED on ${channel}: live clients see it only when they catch up from the API`);
  }
}

export function publishConversationEvent(deps: EventDeps, conversationId: string, event: ConversationEvent): Promise<void> {
  return publish(deps, conversationChannel(conversationId), event);
}

/** Each stored message, on its conversation's channel, in order (one round trip). */
export async function publishMessages(deps: EventDeps, messages: readonly MessageView[]): Promise<void> {
  const events = messages.map((message) => ({ channel: conversationChannel(message.conversationId), event: { type: 'message.created', message } }));
  try {
    await deps.pubsub.publishMany(events);
  } catch (error) {
    deps.logger.error(
      { err: error, messageIds: messages.map((message) => message.id) },
      `${messages.length} message.created NOT PUBLISHED: live clients see them only when they catch up from the API`,
    );
  }
}

/**
 * Call after the revocation committed, before answering: this instance's
 * verified-token cache forgets the credentials at once (so the very next
 * request is refused), then the chat gateways and the other API instances are
 * told (they close the sockets / forget their entries).
 */
export function publishAuthRevoked(deps: EventDeps & Pick<AppDeps, 'verifiedTokens'>, event: AuthRevokedEvent): Promise<void> {
  deps.verifiedTokens.forget(event);
  return publish(deps, AUTH_REVOKED_CHANNEL, event);
}
