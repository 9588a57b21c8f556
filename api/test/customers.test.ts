import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NexusClient, RequestOf, ResponseOf } from '@nexus/sdk';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';
import { answerOf, problemOf } from './support/problems.js';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['user']>>;
let asSales: NexusClient;
let asViewer: NexusClient;

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.user('sales', 'Sam Sales');
  asSales = t.client(sales);
  asViewer = t.client(await t.user('viewer', 'Vic Viewer'));
});
afterAll(async () => t?.close());

const create = (body: RequestOf<'createCustomer'>['body'], idempotencyKey?: string) =>
  asSales.call('createCustomer', { body, ...(idempotencyKey ? { params: { header: { 'idempotency-key': idempotencyKey } } } : {}) });

describe('customers', () => {
  it('creates, reads with an ETag, and records who did it', async () => {
    const { data: customer, response } = await create({ name: 'Tan Hardware', email: 'buyer@tan.example', company: 'Tan Hardware Pte Ltd' });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/customers/${customer.id}`);

    const read = await asViewer.call('getCustomer', { params: { path: { id: customer.id } } });
    expect(read.response.status).toBe(200);
    expect(read.etag).toBe('"1"');
    expect(read.data).toMatchObject({ name: 'Tan Hardware', email: 'buyer@tan.example', archived: false, version: 1 });

    const { data: entries } = await asViewer.call('listActivity', { params: { query: { entityType: 'customer', entityId: customer.id } } });
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({ action: 'customer.created', actor: { name: 'Sam Sales' } });
  });

  it('refuses writes by a viewer with 403', async () => {
    const refused = await problemOf(asViewer.call('createCustomer', { body: { name: 'Nope' } }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('lists validation errors per field', async () => {
    const refused = await problemOf(create({ name: '', email: 'not-an-email' }));
    expect(refused.status).toBe(400);
    expect(refused.errors.map((e) => e.path).sort()).toEqual(['body.email', 'body.name']);
  });

  it('creates once per Idempotency-Key, even when retried concurrently', async () => {
    const key = randomUUID();
    const body = { name: `Idempotent ${key}` };
    const created = await Promise.all([create(body, key), create(body, key), create(body, key)]);
    expect(created.map((r) => r.response.status)).toEqual([201, 201, 201]);
    expect(new Set(created.map((r) => r.data.id)).size).toBe(1);
    const { data: list } = await asSales.call('listCustomers', { params: { query: { q: key } } });
    expect(list.items).toHaveLength(1);

    const reused = await problemOf(create({ name: 'Something else' }, key));
    expect(reused.status).toBe(409);
  });

  it('replays exactly the first answer for a retried Idempotency-Key: body, ETag and Location', async () => {
    const key = randomUUID();
    const body = { name: 'Replay Trading', email: 'orders@replay.example', phone: '+65 6000 0000', company: 'Replay Trading Pte Ltd', taxId: '201912345K', billingAddress: '1 Replay Road', notes: 'n' };
    const first = await create(body, key);
    const again = await create(body, key);
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(first.response.headers.get('idempotency-replayed')).toBeNull();
    expect(again.response.headers.get('idempotency-replayed')).toBe('true');
    expect(again.data).toEqual(first.data);
    expect(again.response.headers.get('etag')).toBe(first.response.headers.get('etag'));
    expect(again.response.headers.get('location')).toBe(first.response.headers.get('location'));
    const read = await asSales.call('getCustomer', { params: { path: { id: first.data.id } } });
    expect(read.data).toEqual(first.data);
  });

  it('creates without an Idempotency-Key each time it is called, with one activity entry each', async () => {
    const body = { name: `Keyless ${randomUUID()}` };
    const [a, b] = [await create(body), await create(body)];
    expect([a.response.status, b.response.status]).toEqual([201, 201]);
    expect(a.data.id).not.toBe(b.data.id);
    for (const id of [a.data.id, b.data.id]) {
      const { data: entries } = await asViewer.call('listActivity', { params: { query: { entityType: 'customer', entityId: id } } });
      expect(entries.items.map((e) => e.action)).toEqual(['customer.created']);
    }
  });

  it('updates with If-Match: 428 without, 412 when stale, and one winner of two concurrent edits', async () => {
    const { data: created } = await create({ name: 'Concurrent Co' });
    const patch = (ifMatch: string, body: RequestOf<'updateCustomer'>['body']) =>
      asSales.call('updateCustomer', { params: { path: { id: created.id }, header: { 'if-match': ifMatch } }, body });

    // The contract requires If-Match, so the SDK always sends one: the request without it is made by hand.
    const withoutIfMatch = await t.request(`/api/customers/${created.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...sales.auth },
      body: JSON.stringify({ notes: 'x' }),
    });
    expect(withoutIfMatch.status).toBe(428);
    const results = await Promise.all([answerOf(patch('"1"', { notes: 'first' })), answerOf(patch('"1"', { notes: 'second' }))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect(results.find((r) => r.status === 200)!.result!.etag).toBe('"2"');
    const stale = await problemOf(patch('"1"', { notes: 'late' }));
    expect(stale.status).toBe(412);
    expect(stale.detail).toMatch(/version 2/);
    const ok = await patch('"2"', { phone: '+65 6123 4567', notes: null });
    expect(ok.response.status).toBe(200);
    expect(ok.data).toMatchObject({ phone: '+65 6123 4567', notes: null, version: 3 });
  });

  it('archives and restores; archived customers leave the default list', async () => {
    const { data: created } = await create({ name: 'Archive Me Ltd' });
    const path = { id: created.id };
    const archived = await asSales.call('archiveCustomer', { params: { path } });
    expect(archived.response.status).toBe(200);
    expect(archived.data).toMatchObject({ archived: true });
    const defaultList = await asSales.call('listCustomers', { params: { query: { q: 'Archive Me' } } });
    expect(defaultList.data.items).toHaveLength(0);
    const withArchived = await asSales.call('listCustomers', { params: { query: { q: 'Archive Me', includeArchived: 'true' } } });
    expect(withArchived.data.items).toHaveLength(1);
    const restored = await asSales.call('restoreCustomer', { params: { path } });
    expect(restored.data).toMatchObject({ archived: false });
  });

  it('pages with cursors without skipping or repeating', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 5; i += 1) await create({ name: `Paged ${tag} ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ResponseOf<'listCustomers'> = (
        await asSales.call('listCustomers', { params: { query: { limit: 2, q: tag, ...(cursor ? { cursor } : {}) } } })
      ).data;
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `Paged ${tag} ${i}`));
    const bad = await problemOf(asSales.call('listCustomers', { params: { query: { cursor: 'not-a-cursor' } } }));
    expect(bad.status).toBe(400);
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const missing = await problemOf(asSales.call('getCustomer', { params: { path: { id: randomUUID() } } }));
    expect(missing.status).toBe(404);
    expect(missing.problem).toMatchObject({ status: 404, title: 'Not Found' });
  });
});
