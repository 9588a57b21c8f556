import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/infra/cache/cache.js';
import { memoryCache } from '../../src/infra/cache/memory-cache.js';
import { redisCache } from '../../src/infra/cache/redis-cache.js';
import { redisRoleBackends, sleep, type Opened } from '../support/backends.js';

describe.each(redisRoleBackends(() => memoryCache(), redisCache))('cache contract: $backend', (backend) => {
  let opened: Opened<Cache>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.close());
  const cache = () => opened.subject;

  it('misses a key never set', async () => {
    expect(await cache().get('never')).toBeUndefined();
  });

  it('returns a copy of what was stored, for every JSON value', async () => {
    const value = { n: 1, list: ['a', { b: null }], ok: true };
    await cache().set('doc', value, 30);
    const read = await cache().get<typeof value>('doc');
    expect(read).toEqual(value);
    expect(read).not.toBe(value);
    for (const [key, stored] of [['zero', 0], ['empty', ''], ['null', null], ['array', [1, 2]]] as const) {
      await cache().set(key, stored, 30);
      expect(await cache().get(key)).toEqual(stored);
    }
  });

  it('overwrites, and forgets on delete', async () => {
    await cache().set('k', 'first', 30);
    await cache().set('k', 'second', 30);
    expect(await cache().get('k')).toBe('second');
    await cache().delete('k');
    expect(await cache().get('k')).toBeUndefined();
    await cache().delete('k'); // deleting a missing key is fine
  });

  it('expires an entry after its ttl', async () => {
    await cache().set('short', 'x', 0.2);
    await cache().set('long', 'y', 30);
    expect(await cache().get('short')).toBe('x');
    await sleep(400);
    expect(await cache().get('short')).toBeUndefined();
    expect(await cache().get('long')).toBe('y');
  });

  it('refuses a value that is not JSON', async () => {
    await expect(cache().set('bad', undefined, 30)).rejects.toThrow(TypeError);
  });
});

describe('memory cache', () => {
  it('stays within its bound, dropping the oldest writes first', async () => {
    const cache = memoryCache({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, key, 30);
    expect(await cache.get('a')).toBeUndefined();
    expect(await Promise.all(['b', 'c', 'd'].map((k) => cache.get(k)))).toEqual(['b', 'c', 'd']);
  });
});
