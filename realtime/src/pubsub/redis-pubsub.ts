import type { Redis } from 'ioredis';
import type { HandlerErrorSink, PubSub } from './pubsub.js';

/**
 * Fan-out over Redis PUBLISH/SUBSCRIBE, across instances. A connection in
 * subscriber mode can run no other command, so subscriptions use a second
 * connection, opened on the first subscribe; ioredis re-subscribes it after a
 * reconnect. Channels carry the key prefix, so deployments sharing one Redis
 * do not hear each other.
 */
export function redisPubSub(redis: Redis, options: { channelPrefix: string; onHandlerError?: HandlerErrorSink }): PubSub {
  const onHandlerError = options.onHandlerError ?? (() => {});
  /** Per channel: its handlers, and the SUBSCRIBE that every subscriber waits for. */
  const channels = new Map<string, { handlers: Set<(event: unknown) => void>; subscribed: Promise<unknown> }>();
  let subscriber: Promise<Redis> | undefined;
  let closed = false;
  const full = (channel: string) => `${options.channelPrefix}${channel}`;

  const connectSubscriber = async () => {
    // duplicate() copies the options (key prefix, timeouts, retry strategy) but not the listeners.
    const connection = redis.duplicate();
    for (const listener of redis.listeners('error')) connection.on('error', listener as (error: Error) => void);
    connection.on('message', (fullChannel: string, payload: string) => {
      const channel = fullChannel.slice(options.channelPrefix.length);
      for (const handler of [...(channels.get(channel)?.handlers ?? [])]) {
        try {
          handler(JSON.parse(payload));
        } catch (error) {
          onHandlerError(error, channel);
        }
      }
    });
    if (connection.status === 'wait') await connection.connect();
    return connection;
  };

  return {
    async publish(channel, event) {
      const payload = JSON.stringify(event);
      if (payload === undefined) return;
      await redis.publish(full(channel), payload);
    },
    async publishMany(events) {
      const commands = events.flatMap(({ channel, event }) => {
        const payload = JSON.stringify(event);
        return payload === undefined ? [] : [['publish', full(channel), payload]];
      });
      if (commands.length === 0) return;
      // One write for all of them: a pipeline, not MULTI (nothing here needs to be atomic).
      const results = (await redis.pipeline(commands).exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    },
    async subscribe(channel, handler) {
      if (closed) throw new Error('pub/sub is closed');
      subscriber ??= connectSubscriber().catch((error: unknown) => {
        subscriber = undefined;
        throw error;
      });
      const connection = await subscriber;
      let entry = channels.get(channel);
      // Loop: the channel may have been unsubscribed (its last handler left) while we waited.
      while (!entry || !(await entry.subscribed.then(() => channels.get(channel) === entry))) {
        entry = channels.get(channel);
        if (!entry) {
          const handlers = new Set<(event: unknown) => void>();
          const subscribed = connection.subscribe(full(channel)).catch((error: unknown) => {
            if (channels.get(channel)?.handlers === handlers) channels.delete(channel);
            throw error;
          });
          channels.set(channel, (entry = { handlers, subscribed }));
        }
      }
      const subscription = (event: unknown) => handler(event);
      const { handlers } = entry;
      handlers.add(subscription);
      return async () => {
        if (!handlers.delete(subscription) || handlers.size > 0) return;
        if (channels.get(channel)?.handlers === handlers) channels.delete(channel);
        await connection.unsubscribe(full(channel)).catch(() => {});
      };
    },
    async close() {
      closed = true;
      channels.clear();
      const connection = await subscriber?.catch(() => undefined);
      if (connection) await connection.quit().catch(() => connection.disconnect());
    },
  };
}
