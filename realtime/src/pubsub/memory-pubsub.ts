import type { HandlerErrorSink, PubSub } from './pubsub.js';

/**
 * Fan-out inside this process: reaches only subscribers in the same process,
 * which is why the single-machine mode runs the API and the chat gateway as one.
 * Delivery is asynchronous and each event is serialised once and parsed per
 * handler, exactly as over Redis.
 */
export function memoryPubSub(onHandlerError: HandlerErrorSink = () => {}): PubSub {
  const channels = new Map<string, Set<(event: unknown) => void>>();
  let closed = false;
  const publish: PubSub['publish'] = async (channel, event) => {
    if (closed) throw new Error('pub/sub is closed');
    const payload = JSON.stringify(event);
    const handlers = channels.get(channel);
    if (!handlers || payload === undefined) return;
    for (const handler of [...handlers]) {
      setImmediate(() => {
        if (!channels.get(channel)?.has(handler)) return; // unsubscribed meanwhile
        try {
          handler(JSON.parse(payload));
        } catch (error) {
          onHandlerError(error, channel);
        }
      });
    }
  };
  return {
    publish,
    async publishMany(events) {
      for (const { channel, event } of events) await publish(channel, event);
    },
    async subscribe(channel, handler) {
      if (closed) throw new Error('pub/sub is closed');
      // A wrapper per subscription, so one handler subscribed twice is two subscriptions.
      const subscription = (event: unknown) => handler(event);
      let handlers = channels.get(channel);
      if (!handlers) channels.set(channel, (handlers = new Set()));
      handlers.add(subscription);
      return async () => {
        const current = channels.get(channel);
        current?.delete(subscription);
        if (current?.size === 0) channels.delete(channel);
      };
    },
    async close() {
      closed = true;
      channels.clear();
    },
  };
}
