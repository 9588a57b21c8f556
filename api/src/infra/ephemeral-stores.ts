import { connectRedis, memoryPresence, memoryPubSub, redisPresence, redisPubSub, type Presence, type PubSub } from '@nexus/realtime';
import type { Logger } from 'pino';
import type { Backend } from './backend.js';
import { memoryCache } from './cache/memory-cache.js';
import { redisCache } from './cache/redis-cache.js';
import type { Cache } from './cache/cache.js';
import { memoryRateLimiters } from './rate-limits/memory-rate-limiters.js';
import { redisRateLimiters } from './rate-limits/redis-rate-limiters.js';
import type { RateLimiters } from './rate-limits/rate-limiter.js';
import { memoryTicketStore } from './tickets/memory-ticket-store.js';
import { redisTicketStore } from './tickets/redis-ticket-store.js';
import type { TicketStore } from './tickets/ticket-store.js';

/**
 * The roles Redis plays (DESIGN.md: fan-out, one-time tickets, rate limits,
 * short caches, presence), all served by one backend: Redis, or this process.
 * Nothing here is the only copy of user data.
 */
export interface EphemeralStores {
  backend: Backend;
  rateLimiters: RateLimiters;
  tickets: TicketStore;
  pubsub: PubSub;
  cache: Cache;
  presence: Presence;
  /** Health: a round trip to Redis; in-process there is nothing that can be down. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Everything in this process: one instance only (another process would see none of it). */
export function embeddedEphemeralStores(logger: Logger): EphemeralStores {
  const pubsub = memoryPubSub((error, channel) => logger.error({ err: error, channel }, 'pub/sub handler failed'));
  return {
    backend: 'embedded',
    rateLimiters: memoryRateLimiters(),
    tickets: memoryTicketStore(),
    pubsub,
    cache: memoryCache(),
    presence: memoryPresence(),
    ping: async () => {},
    close: () => pubsub.close(),
  };
}

/** Everything in Redis at `url`, every key and channel under `keyPrefix`. */
export async function redisEphemeralStores(url: string, keyPrefix: string, logger: Logger): Promise<EphemeralStores> {
  let down = false;
  const redis = await connectRedis(url, {
    keyPrefix,
    onError: (error) => {
      if (!down) logger.error({ err: error }, 'redis: connection error');
      down = true;
    },
  });
  redis.on('ready', () => {
    if (down) logger.info('redis: reconnected');
    down = false;
  });
  const pubsub = redisPubSub(redis, {
    channelPrefix: keyPrefix,
    onHandlerError: (error, channel) => logger.error({ err: error, channel }, 'pub/sub handler failed'),
  });
  return {
    backend: 'server',
    rateLimiters: redisRateLimiters(redis),
    tickets: redisTicketStore(redis),
    pubsub,
    cache: redisCache(redis),
    presence: redisPresence(redis),
    ping: async () => void (await redis.ping()),
    async close() {
      await pubsub.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
