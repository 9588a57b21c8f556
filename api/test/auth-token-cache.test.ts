import type { RequestOf } from '@nexus/sdk';
import { createApp } from '../src/app.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { verifiedTokens } from '../src/auth/verified-tokens.js';
import { loadConfig } from '../src/config.js';
import { startRuntime } from '../src/runtime.js';
import { EMBEDDED, JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

/**
 * Verified access tokens are cached (auth/verified-tokens.ts); these prove that
 * no revocation waits for a cached entry to expire: the very next request with
 * the revoked token is refused, through the real app on PostgreSQL and Redis.
 */
let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
beforeAll(async () => {
  t = await startTestApp({ AUTH_CACHE_MAX_ENTRIES: '1000', AUTH_CACHE_MAX_AGE_SECONDS: '600' });
  admin = await t.user('admin');
});
afterAll(async () => t?.close());

const me = (auth: Record<string, string>) => t.request('/api/auth/me', { headers: auth });
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown, headers: Record<string, string> = {}) =>
  t.request(path, { method, headers: { ...JSON_HEADERS, ...auth, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** An admin's change of a user, through the SDK: read the user's ETag, send it as If-Match. */
async function updateUser(id: string, body: RequestOf<'updateUser'>['body']) {
  const api = t.client(admin);
  const { etag } = await api.call('getUser', { params: { path: { id } } });
  return (await api.call('updateUser', { params: { path: { id }, header: { 'if-match': etag } }, body })).response.status;
}

/** Two authenticated calls: the second is answered from the cache (the entry exists). */
async function warm(user: { accessToken: string; auth: Record<string, string> }) {
  expect((await me(user.auth)).status).toBe(200);
  expect((await me(user.auth)).status).toBe(200);
  expect(t.deps.verifiedTokens.get(user.accessToken)).toBeDefined();
}

describe('the verified-token cache never outlives a revocation', () => {
  it('serves a token from the cache, and a logout refuses it on the very next request', async () => {
    const user = await t.user('sales');
    await warm(user);
    expect((await send('POST', '/api/auth/logout', user.auth)).status).toBe(204);
    const next = await me(user.auth);
    expect(next.status).toBe(401);
    expect(next.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('refuses a disabled account on its very next request', async () => {
    const user = await t.user('sales');
    await warm(user);
    expect(await updateUser(user.id, { disabled: true })).toBe(200);
    expect((await me(user.auth)).status).toBe(401);
  });

  it('applies a role change on the very next request (the role is read again, not taken from the cache or the token)', async () => {
    const user = await t.user('sales');
    await warm(user);
    const create = () => send('POST', '/api/customers', user.auth, { name: `Role change ${Date.now()}` });
    expect((await create()).status).toBe(201);
    expect(await updateUser(user.id, { role: 'viewer' })).toBe(200);
    expect((await create()).status).toBe(403);
  });

  it('refuses the access token of a session revoked by refresh-token reuse on the very next request', async () => {
    const user = await t.user('sales');
    await warm(user);
    const refresh = (token: string) => send('POST', '/api/auth/refresh', {}, { refreshToken: token });
    expect((await refresh(user.refreshToken)).status).toBe(200);
    expect((await refresh(user.refreshToken)).status).toBe(401); // reuse: the whole session is revoked
    expect((await me(user.auth)).status).toBe(401);
  });

  // Two API processes share PostgreSQL and Redis; the embedded database belongs to one process (the PostgreSQL run covers it).
  it.skipIf(EMBEDDED)('another instance of the API forgets the token when the revocation event reaches it (Redis pub/sub)', async () => {
    // A second API process on the same database and Redis prefix, as in a deployment with two instances.
    const runtime = await startRuntime(loadConfig({ ...t.env, AUTH_CACHE_MAX_ENTRIES: '1000' }), pino({ level: 'silent' }));
    try {
      const other = createApp(runtime.deps);
      const user = await t.user('sales');
      expect((await other.request('/api/auth/me', { headers: user.auth })).status).toBe(200);
      expect(runtime.deps.verifiedTokens.get(user.accessToken)).toBeDefined();
      expect((await send('POST', '/api/auth/logout', user.auth)).status).toBe(204);
      await vi.waitFor(() => expect(runtime.deps.verifiedTokens.get(user.accessToken)).toBeUndefined(), { timeout: 5000, interval: 10 });
      expect((await other.request('/api/auth/me', { headers: user.auth })).status).toBe(401);
    } finally {
      await runtime.close();
    }
  });
});

describe('verifiedTokens (the cache alone)', () => {
  const user = { id: 'u1', email: 'a@example.com', name: 'A', role: 'sales' as const, sessionId: 's1' };

  it('does not store a verification that overlapped a revocation', () => {
    const cache = verifiedTokens({ maxEntries: 10, maxAgeSeconds: 60 });
    const before = cache.generation;
    cache.forget({ type: 'session.revoked', sessionId: 's1' });
    cache.set('token', user, Date.now() + 60_000, before);
    expect(cache.get('token')).toBeUndefined();
  });

  it('keeps an entry no longer than the token lives, and at most maxEntries (least recently used go first)', () => {
    let now = 1_000_000;
    const cache = verifiedTokens({ maxEntries: 2, maxAgeSeconds: 60, now: () => now });
    cache.set('a', user, now + 5_000, cache.generation);
    cache.set('b', user, now + 60_000, cache.generation);
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('c', user, now + 60_000, cache.generation);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeDefined();
    now += 5_000;
    expect(cache.get('a')).toBeUndefined(); // expired with its token
    expect(cache.size).toBe(1);
  });

  it('is off with maxEntries 0', () => {
    const cache = verifiedTokens({ maxEntries: 0, maxAgeSeconds: 60 });
    cache.set('a', user, Date.now() + 60_000, cache.generation);
    expect(cache.get('a')).toBeUndefined();
  });
});
