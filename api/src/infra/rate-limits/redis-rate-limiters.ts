import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { rateLimiterOver, type RateLimiters } from './rate-limiter.js';

/** Budgets in Redis, shared by every instance. A Redis outage rejects (→ 503), never allows by default. */
export function redisRateLimiters(redis: Redis): RateLimiters {
  return {
    limiter: ({ name, points, durationSeconds }) =>
      rateLimiterOver(
        new RateLimiterRedis({
          storeClient: redis,
          useRedisPackage: false,
          rejectIfRedisNotReady: true,
          keyPrefix: name,
          points,
          duration: durationSeconds,
        }),
      ),
  };
}
