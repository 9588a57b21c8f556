import type { Redis } from 'ioredis';
import { ttlMilliseconds, type Cache } from './cache.js';

/** A cache in Redis, shared by every instance. */
export function redisCache(redis: Redis): Cache {
  const key = (name: string) => `cache:${name}`;
  return {
    async get<T>(name: string) {
      const json = await redis.get(key(name));
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    async set(name, value, ttlSeconds) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`cache: value for ${name} is not JSON`);
      await redis.set(key(name), json, 'PX', ttlMilliseconds(ttlSeconds));
    },
    async delete(name) {
      await redis.del(key(name));
    },
  };
}
