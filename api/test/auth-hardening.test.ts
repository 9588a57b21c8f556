import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_AUDIENCE } from '../src/auth/access-tokens.js';
import { startTestApp, type TestApp } from './support/harness.js';
import { problemOf, statusOf } from './support/problems.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('admin');
});
afterAll(async () => t?.close());


describe('access tokens with a valid signature but malformed claims', () => {
  const signed = (claims: { sub: string; sid: unknown; role: unknown }) =>
    new SignJWT({ sid: claims.sid, role: claims.role })
      .setProtectedHeader({ alg: 'EdDSA', kid: t.deps.signingKey.kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(t.config.JWT_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(t.deps.signingKey.privateKey);

  it.each([
    ['a session id that is not a UUID', () => ({ sub: admin.id, sid: 'not-a-uuid', role: 'admin' })],
    ['a subject that is not a UUID', () => ({ sub: 'root', sid: '00000000-0000-4000-8000-000000000000', role: 'admin' })],
    ['a session id that is not text', () => ({ sub: admin.id, sid: 42, role: 'admin' })],
    ['an unknown role', () => ({ sub: admin.id, sid: '00000000-0000-4000-8000-000000000000', role: 'superuser' })],
  ])('answers 401 with a Bearer challenge to %s, not 500', async (_, claims) => {
    const answer = await t.request('/api/auth/me', { headers: { authorization: `Bearer ${await signed(claims())}` } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('password length, counted in UTF-8 bytes as bcrypt does', () => {
  const createUser = (password: string, email = `bytes.${Date.now()}.${Math.random()}@example.com`) =>
    t.client(admin).call('createUser', { body: { email, name: 'Bea Bytes', role: 'viewer', password } });
  const login = (email: string, password: string) => t.client().call('login', { body: { email, password } });

  it('refuses a password of 72 characters or fewer that is more than 72 bytes', async () => {
    const password = 'ü'.repeat(40); // 40 characters, 80 bytes
    const refused = await problemOf(createUser(password));
    expect(refused.status).toBe(400);
    expect(refused.errors.map((e) => e.path)).toContain('body.password');
  });

  it('accepts exactly 72 bytes, and a login with bytes beyond them is not the same password', async () => {
    const password = `${'ü'.repeat(30)}${'x'.repeat(12)}`; // 72 bytes
    const email = `exact.${Date.now()}@example.com`;
    const created = await createUser(password, email);
    expect(created.response.status).toBe(201);
    expect(await statusOf(login(email, password))).toBe(200);
    // bcrypt would read only the first 72 bytes of this one and let it in.
    expect(await statusOf(login(email, `${password}-and-more`))).toBe(401);
  });

  it('says so in the contract', async () => {
    const contract = (await (await t.request('/openapi.json')).json()) as {
      components: { schemas: { CreateUserRequest: { properties: { password: Record<string, unknown> } } } };
    };
    expect(contract.components.schemas.CreateUserRequest.properties.password).toMatchObject({ maxLength: 72, 'x-max-utf8-bytes': 72 });
  });
});
