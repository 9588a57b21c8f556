import type { Redis } from 'ioredis';
import { ttlMilliseconds } from '../ttl.js';
import type { Presence } from './presence.js';

/**
 * Presence in Redis: one sorted set per room, member → expiry time (ms). Reads
 * drop expired members first; the set itself expires with its last member.
 */
export function redisPresence(redis: Redis): Presence {
  const key = (room: string) => `presence:${room}`;
  /** MULTI/EXEC resolves with per-command errors; surface the first. */
  const replies = (results: [Error | null, unknown][] | null) => {
    if (!results) throw new Error('presence: transaction aborted');
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
    return results.map(([, reply]) => reply);
  };
  return {
    async enter(room, member, ttlSeconds) {
      const ttl = ttlMilliseconds(ttlSeconds);
      // The room key lives as long as its longest-lived member: extend (GT), or set when it has no expiry (NX).
      replies(
        await redis
          .multi()
          .zadd(key(room), Date.now() + ttl, member)
          .pexpire(key(room), ttl, 'GT')
          .pexpire(key(room), ttl, 'NX')
          .exec(),
      );
    },
    async leave(room, member) {
      await redis.zrem(key(room), member);
    },
    async members(room) {
      const [, members] = replies(await redis.multi().zremrangebyscore(key(room), '-inf', Date.now()).zrange(key(room), 0, -1).exec());
      return (members as string[]).sort();
    },
  };
}
