import { ttlMilliseconds, type Cache } from './cache.js';

/**
 * A cache in this process, bounded: past `maxEntries` the least recently
 * written entries are dropped. Expired entries go when read, or when the
 * bound is reached.
 */
export function memoryCache(options: { maxEntries?: number } = {}): Cache {
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { json: string; expiresAt: number }>();
  const evict = (now: number) => {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    // Map iterates in insertion order: the first keys are the oldest writes.
    for (const key of entries.keys()) {
      if (entries.size < maxEntries) break;
      entries.delete(key);
    }
  };
  return {
    async get<T>(key: string) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return JSON.parse(entry.json) as T;
    },
    async set(key, value, ttlSeconds) {
      const json = JSON.stringify(value);
      if (json === undefined) throw new TypeError(`cache: value for ${key} is not JSON`);
      const now = Date.now();
      entries.delete(key);
      if (entries.size >= maxEntries) evict(now);
      entries.set(key, { json, expiresAt: now + ttlMilliseconds(ttlSeconds) });
    },
    async delete(key) {
      entries.delete(key);
    },
  };
}
