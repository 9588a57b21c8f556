import type { PubSub, Unsubscribe } from '@nexus/realtime';
import { conversationChannel, conversationChannelEventSchema, type ConversationChannelEvent } from '@nexus/sdk/chat';
import type { Logger } from 'pino';
import { seqOrder, type SeqOrder } from './seq-order.js';

type MessageCreatedEvent = Extract<ConversationChannelEvent, { type: 'message.created' }>;

export type ConversationListener = (event: ConversationChannelEvent) => void;

/**
 * One pub/sub subscription per conversation per gateway instance, however many
 * of its sockets joined it: events are parsed once and handed to each local
 * listener. The subscription is made before `listen` resolves, so a caller
 * that subscribes first and then reads the API misses nothing in between.
 */
export function createConversationHub(pubsub: PubSub, logger: Logger) {
  interface Room {
    listeners: Set<ConversationListener>;
    subscribed: Promise<Unsubscribe>;
    /** Messages in seq order (see seq-order.ts); other events pass straight through. */
    messages: SeqOrder<MessageCreatedEvent>;
  }
  const rooms = new Map<string, Room>();

  const toListeners = (conversationId: string, event: ConversationChannelEvent) => {
    for (const listener of [...(rooms.get(conversationId)?.listeners ?? [])]) listener(event);
  };

  const dispatch = (conversationId: string) => (payload: unknown) => {
    const parsed = conversationChannelEventSchema.safeParse(payload);
    if (!parsed.success) {
      logger.warn({ conversationId, issues: parsed.error.issues.slice(0, 3) }, 'chat: ignored a malformed event');
      return;
    }
    const event = parsed.data;
    if (event.type === 'message.created') rooms.get(conversationId)?.messages.push(event);
    else toListeners(conversationId, event);
  };

  return {
    /** Calls `listener` with every event of the conversation until the returned function is called. */
    async listen(conversationId: string, listener: ConversationListener): Promise<() => Promise<void>> {
      let room = rooms.get(conversationId);
      if (!room) {
        const subscribed = pubsub.subscribe(conversationChannel(conversationId), dispatch(conversationId));
        room = { listeners: new Set(), subscribed, messages: seqOrder((event) => event.message.seq, (event) => toListeners(conversationId, event)) };
        rooms.set(conversationId, room);
        subscribed.catch(() => {
          if (rooms.get(conversationId) === room) rooms.delete(conversationId);
        });
      }
      const current = room;
      current.listeners.add(listener);
      try {
        await current.subscribed;
      } catch (error) {
        current.listeners.delete(listener);
        throw error;
      }
      return async () => {
        if (!current.listeners.delete(listener) || current.listeners.size > 0) return;
        if (rooms.get(conversationId) === current) rooms.delete(conversationId);
        current.messages.close();
        const unsubscribe = await current.subscribed;
        await unsubscribe();
      };
    },
    /** The newest seq of the conversation the API reported (see SeqOrder.stored). */
    stored(conversationId: string, seq: number): void {
      rooms.get(conversationId)?.messages.stored(seq);
    },
    publish(conversationId: string, event: ConversationChannelEvent): Promise<void> {
      return pubsub.publish(conversationChannel(conversationId), event);
    },
    /** Conversations with at least one local listener (for metrics and tests). */
    size: () => rooms.size,
  };
}

export type ConversationHub = ReturnType<typeof createConversationHub>;
