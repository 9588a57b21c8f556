import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_LIMIT_FAILURES_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '25' });
});
afterAll(async () => t?.close());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  t.request(path, { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) });

describe('login', () => {
  it('returns a token pair and the user; /me answers with it', async () => {
    const user = await t.user('viewer', 'Val');
    const me = await t.request('/api/auth/me', { headers: user.auth });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: user.id, role: 'viewer', name: 'Val', disabled: false });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await t.user('sales');
    const unknown = await post('/api/auth/login', { email: 'nobody@example.com', password: 'whatever-password' });
    const wrong = await post('/api/auth/login', { email: user.email, password: 'wrong-password-here' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const [a, b] = (await Promise.all([unknown.json(), wrong.json()])) as Record<string, unknown>[];
    delete a!['instance'];
    delete b!['instance'];
    expect(a).toEqual(b);
  });

  it('locks an account after repeated failures with 429 and Retry-After', async () => {
    const user = await t.user('sales');
    for (let i = 0; i < 3; i += 1) {
      expect((await post('/api/auth/login', { email: user.email, password: 'bad-password-xx' })).status).toBe(401);
    }
    const locked = await post('/api/auth/login', { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('refresh tokens', () => {
  it('rotate, and reusing a rotated one revokes the whole session', async () => {
    const user = await t.user('sales');
    const first = await post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(first.status).toBe(200);
    const rotated = (await first.json()) as { accessToken: string; refreshToken: string };
    expect(rotated.refreshToken).not.toBe(user.refreshToken);

    const reuse = await post('/api/auth/refresh', { refreshToken: user.refreshToken });
    expect(reuse.status).toBe(401);
    expect(((await reuse.json()) as { detail: string }).detail).toMatch(/already used/);

    // The family is revoked: the newest refresh token and its access token stop working too.
    expect((await post('/api/auth/refresh', { refreshToken: rotated.refreshToken })).status).toBe(401);
    expect((await t.request('/api/auth/me', { headers: { authorization: `Bearer ${rotated.accessToken}` } })).status).toBe(401);
    expect((await t.request('/api/auth/me', { headers: user.auth })).status).toBe(401);
  });

  it('rejects garbage', async () => {
    expect((await post('/api/auth/refresh', { refreshToken: 'not-a-token' })).status).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session: its access and refresh tokens stop working; other sessions go on', async () => {
    const user = await t.user('sales');
    const other = await post('/api/auth/login', { email: user.email, password: user.password });
    const otherTokens = (await other.json()) as { accessToken: string };
    expect((await t.request('/api/auth/logout', { method: 'POST', headers: user.auth })).status).toBe(204);
    expect((await t.request('/api/auth/me', { headers: user.auth })).status).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(401);
    expect((await t.request('/api/auth/me', { headers: { authorization: `Bearer ${otherTokens.accessToken}` } })).status).toBe(200);
  });
});

describe('user administration', () => {
  it('lets an admin create a user who can then log in; others get 403', async () => {
    const admin = await t.user('admin', 'Ada Admin');
    const sales = await t.user('sales');
    const body = { email: `new.${Date.now()}@example.com`, name: 'New Person', role: 'viewer', password: 'a-long-enough-password' };
    expect((await post('/api/users', body, sales.auth)).status).toBe(403);
    const created = await post('/api/users', body, admin.auth);
    expect(created.status).toBe(201);
    expect((await post('/api/users', body, admin.auth)).status).toBe(409);
    const login = await post('/api/auth/login', { email: body.email, password: body.password });
    expect(login.status).toBe(200);
  });

  it('disabling a user stops their tokens at once', async () => {
    const admin = await t.user('admin');
    const victim = await t.user('sales');
    expect((await t.request('/api/auth/me', { headers: victim.auth })).status).toBe(200);
    const patch = await t.request(`/api/users/${victim.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...admin.auth, 'if-match': '*' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(patch.status).toBe(200);
    expect((await t.request('/api/auth/me', { headers: victim.auth })).status).toBe(401);
    expect((await post('/api/auth/login', { email: victim.email, password: victim.password })).status).toBe(401);
  });

  it('a role change applies to existing tokens at once', async () => {
    const admin = await t.user('admin');
    const user = await t.user('viewer');
    const create = () => post('/api/customers', { name: 'Role Test Co' }, user.auth);
    expect((await create()).status).toBe(403);
    await t.request(`/api/users/${user.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...admin.auth, 'if-match': '*' },
      body: JSON.stringify({ role: 'sales' }),
    });
    expect((await create()).status).toBe(201);
  });

  it('refuses to disable or demote your own account', async () => {
    const admin = await t.user('admin');
    const response = await t.request(`/api/users/${admin.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...admin.auth, 'if-match': '*' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(response.status).toBe(409);
  });
});

describe('JWKS', () => {
  it('publishes the public key that verifies access tokens, and nothing private', async () => {
    const response = await t.request('/.well-known/jwks.json');
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: t.deps.signingKey.kid });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
