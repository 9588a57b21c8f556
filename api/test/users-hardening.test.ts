import type { NexusClient, RequestOf } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';
import { problemOf } from './support/problems.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
let asAdmin: NexusClient;
let asOtherAdmin: NexusClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('admin', 'Ada Admin');
  asAdmin = t.client(admin);
  asOtherAdmin = t.client(await t.user('admin', 'Otto Admin'));
});
afterAll(async () => t?.close());

const updateUser = (api: NexusClient, id: string, ifMatch: string, body: RequestOf<'updateUser'>['body']) =>
  api.call('updateUser', { params: { path: { id }, header: { 'if-match': ifMatch } }, body });

describe('user updates, like customers and quotes, take If-Match', () => {
  it('sends an ETag with the user, and refuses a PATCH without If-Match (428) or with a stale one (412)', async () => {
    const staff = await t.user('viewer', 'Vic Viewer');
    const read = await asAdmin.call('getUser', { params: { path: { id: staff.id } } });
    expect(read.response.status).toBe(200);
    const etag = read.etag;
    expect(etag).toMatch(/^"\d+"$/);

    // The contract requires If-Match, so the SDK always sends one: the request without it is made by hand.
    const withoutIfMatch = await t.request(`/api/users/${staff.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...admin.auth },
      body: JSON.stringify({ role: 'sales' }),
    });
    expect(withoutIfMatch.status).toBe(428);

    // Two admins read the same version; the first save wins, the second is refused instead of overwriting it.
    const first = await updateUser(asAdmin, staff.id, etag, { role: 'sales' });
    expect(first.response.status).toBe(200);
    expect(first.etag).not.toBe(etag);
    const second = await problemOf(updateUser(asOtherAdmin, staff.id, etag, { name: 'Victor Viewer' }));
    expect(second.status).toBe(412);
    expect(second.headers.get('content-type')).toMatch(/problem\+json/);

    const { data: now } = await asAdmin.call('getUser', { params: { path: { id: staff.id } } });
    expect(now).toMatchObject({ role: 'sales', name: 'Vic Viewer' });
    const retried = await updateUser(asOtherAdmin, staff.id, first.etag, { name: 'Victor Viewer' });
    expect(retried.response.status).toBe(200);
  });

  it('sends the ETag of a created user', async () => {
    const created = await asAdmin.call('createUser', {
      body: { email: `etag.${Date.now()}@example.com`, name: 'Eta Gee', role: 'viewer', password: 'a long enough password' },
    });
    expect(created.response.status).toBe(201);
    expect(created.etag).toBe('"1"');
  });
});

describe('idempotent user creation', () => {
  const body = (password: string): RequestOf<'createUser'>['body'] => ({ email: `idem.${Date.now()}@example.com`, name: 'Ida Idem', role: 'sales', password });
  const createUser = (userBody: RequestOf<'createUser'>['body'], key: string) =>
    asAdmin.call('createUser', { params: { header: { 'idempotency-key': key } }, body: userBody });

  it('refuses the same Idempotency-Key with a different password (409) instead of replaying the first account', async () => {
    const first = body('the first password');
    const key = `create-user-${Date.now()}`;
    expect((await createUser(first, key)).response.status).toBe(201);
    const replay = await createUser(first, key);
    expect(replay.response.status).toBe(201);
    expect(replay.response.headers.get('idempotency-replayed')).toBe('true');
    const different = await problemOf(createUser({ ...first, password: 'another password entirely' }, key));
    expect(different.status).toBe(409);
  });

  it('does not store the password in the fingerprint', async () => {
    const password = `fingerprint-secret-${Date.now()}`;
    const key = `create-user-fp-${Date.now()}`;
    expect((await createUser(body(password), key)).response.status).toBe(201);
    const rows = await t.deps.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(password);
  });
});
