import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
let otherAdmin: Awaited<ReturnType<TestApp['user']>>;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('admin', 'Ada Admin');
  otherAdmin = await t.user('admin', 'Otto Admin');
});
afterAll(async () => t?.close());

const send = (method: string, path: string, auth: Record<string, string>, body?: unknown, headers: Record<string, string> = {}) =>
  t.request(path, { method, headers: { ...JSON_HEADERS, ...auth, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('user updates, like customers and quotes, take If-Match', () => {
  it('sends an ETag with the user, and refuses a PATCH without If-Match (428) or with a stale one (412)', async () => {
    const staff = await t.user('viewer', 'Vic Viewer');
    const read = await send('GET', `/api/users/${staff.id}`, admin.auth);
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);

    expect((await send('PATCH', `/api/users/${staff.id}`, admin.auth, { role: 'sales' })).status).toBe(428);

    // Two admins read the same version; the first save wins, the second is refused instead of overwriting it.
    const first = await send('PATCH', `/api/users/${staff.id}`, admin.auth, { role: 'sales' }, { 'if-match': etag });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).not.toBe(etag);
    const second = await send('PATCH', `/api/users/${staff.id}`, otherAdmin.auth, { name: 'Victor Viewer' }, { 'if-match': etag });
    expect(second.status).toBe(412);
    expect(second.headers.get('content-type')).toMatch(/problem\+json/);

    const now = (await (await send('GET', `/api/users/${staff.id}`, admin.auth)).json()) as { role: string; name: string };
    expect(now).toMatchObject({ role: 'sales', name: 'Vic Viewer' });
    const retried = await send('PATCH', `/api/users/${staff.id}`, otherAdmin.auth, { name: 'Victor Viewer' }, { 'if-match': first.headers.get('etag')! });
    expect(retried.status).toBe(200);
  });

  it('sends the ETag of a created user', async () => {
    const created = await send('POST', '/api/users', admin.auth, { email: `etag.${Date.now()}@example.com`, name: 'Eta Gee', role: 'viewer', password: 'a long enough password' });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
  });
});

describe('idempotent user creation', () => {
  const body = (password: string) => ({ email: `idem.${Date.now()}@example.com`, name: 'Ida Idem', role: 'sales', password });

  it('refuses the same Idempotency-Key with a different password (409) instead of replaying the first account', async () => {
    const first = body('the first password');
    const key = `create-user-${Date.now()}`;
    expect((await send('POST', '/api/users', admin.auth, first, { 'idempotency-key': key })).status).toBe(201);
    const replay = await send('POST', '/api/users', admin.auth, first, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    const different = await send('POST', '/api/users', admin.auth, { ...first, password: 'another password entirely' }, { 'idempotency-key': key });
    expect(different.status).toBe(409);
  });

  it('does not store the password in the fingerprint', async () => {
    const password = `fingerprint-secret-${Date.now()}`;
    const key = `create-user-fp-${Date.now()}`;
    expect((await send('POST', '/api/users', admin.auth, body(password), { 'idempotency-key': key })).status).toBe(201);
    const rows = await t.deps.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(password);
  });
});
