import type { NexusClient } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';
import { problemOf, statusOf } from './support/problems.js';

let t: TestApp;
let anonymous: NexusClient;
beforeAll(async () => {
  t = await startTestApp({ LOGIN_LIMIT_FAILURES_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '25' });
  anonymous = t.client();
});
afterAll(async () => t?.close());

const login = (email: string, password: string) => anonymous.call('login', { body: { email, password } });
const refresh = (refreshToken: string) => anonymous.call('refreshToken', { body: { refreshToken } });
/** Who the access token belongs to, as `GET /api/auth/me` answers. */
const me = (accessToken: string) => t.client({ accessToken }).call('getCurrentUser');

describe('login', () => {
  it('returns a token pair and the user; /me answers with it', async () => {
    const user = await t.user('viewer', 'Val');
    const { data, response } = await me(user.accessToken);
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: user.id, role: 'viewer', name: 'Val', disabled: false });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const user = await t.user('sales');
    const unknown = await problemOf(login('nobody@example.com', 'whatever-password'));
    const wrong = await problemOf(login(user.email, 'wrong-password-here'));
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const { instance: _a, ...a } = unknown.problem;
    const { instance: _b, ...b } = wrong.problem;
    expect(a).toEqual(b);
  });

  it('locks an account after repeated failures with 429 and Retry-After', async () => {
    const user = await t.user('sales');
    for (let i = 0; i < 3; i += 1) {
      expect(await statusOf(login(user.email, 'bad-password-xx'))).toBe(401);
    }
    const locked = await problemOf(login(user.email, user.password));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('refresh tokens', () => {
  it('rotate, and reusing a rotated one revokes the whole session', async () => {
    const user = await t.user('sales');
    const first = await refresh(user.refreshToken);
    expect(first.response.status).toBe(200);
    const rotated = first.data;
    expect(rotated.refreshToken).not.toBe(user.refreshToken);

    const reuse = await problemOf(refresh(user.refreshToken));
    expect(reuse.status).toBe(401);
    expect(reuse.detail).toMatch(/already used/);

    // The family is revoked: the newest refresh token and its access token stop working too.
    expect(await statusOf(refresh(rotated.refreshToken))).toBe(401);
    expect(await statusOf(me(rotated.accessToken))).toBe(401);
    expect(await statusOf(me(user.accessToken))).toBe(401);
  });

  it('rejects garbage', async () => {
    expect(await statusOf(refresh('not-a-token'))).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session: its access and refresh tokens stop working; other sessions go on', async () => {
    const user = await t.user('sales');
    const { data: otherTokens } = await login(user.email, user.password);
    expect(await statusOf(t.client(user).call('logout'))).toBe(204);
    expect(await statusOf(me(user.accessToken))).toBe(401);
    expect(await statusOf(refresh(user.refreshToken))).toBe(401);
    expect(await statusOf(me(otherTokens.accessToken))).toBe(200);
  });
});

describe('user administration', () => {
  it('lets an admin create a user who can then log in; others get 403', async () => {
    const admin = t.client(await t.user('admin', 'Ada Admin'));
    const sales = t.client(await t.user('sales'));
    const body = { email: `new.${Date.now()}@example.com`, name: 'New Person', role: 'viewer' as const, password: 'a-long-enough-password' };
    expect(await statusOf(sales.call('createUser', { body }))).toBe(403);
    expect(await statusOf(admin.call('createUser', { body }))).toBe(201);
    expect(await statusOf(admin.call('createUser', { body }))).toBe(409);
    expect(await statusOf(login(body.email, body.password))).toBe(200);
  });

  it('disabling a user stops their tokens at once', async () => {
    const admin = t.client(await t.user('admin'));
    const victim = await t.user('sales');
    expect(await statusOf(me(victim.accessToken))).toBe(200);
    const disabled = await admin.call('updateUser', { params: { path: { id: victim.id }, header: { 'if-match': '*' } }, body: { disabled: true } });
    expect(disabled.response.status).toBe(200);
    expect(await statusOf(me(victim.accessToken))).toBe(401);
    expect(await statusOf(login(victim.email, victim.password))).toBe(401);
  });

  it('a role change applies to existing tokens at once', async () => {
    const admin = t.client(await t.user('admin'));
    const user = await t.user('viewer');
    const create = () => t.client(user).call('createCustomer', { body: { name: 'Role Test Co' } });
    expect(await statusOf(create())).toBe(403);
    await admin.call('updateUser', { params: { path: { id: user.id }, header: { 'if-match': '*' } }, body: { role: 'sales' } });
    expect(await statusOf(create())).toBe(201);
  });

  it('refuses to disable or demote your own account', async () => {
    const admin = await t.user('admin');
    const refused = await problemOf(
      t.client(admin).call('updateUser', { params: { path: { id: admin.id }, header: { 'if-match': '*' } }, body: { disabled: true } }),
    );
    expect(refused.status).toBe(409);
  });
});

describe('JWKS', () => {
  it('publishes the public key that verifies access tokens, and nothing private', async () => {
    const { data } = await anonymous.call('getJwks');
    const { keys } = data;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: t.deps.signingKey.kid });
    expect(keys[0]).not.toHaveProperty('d');
  });
});
