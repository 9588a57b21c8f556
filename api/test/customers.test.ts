import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['user']>>;
let viewer: Awaited<ReturnType<TestApp['user']>>;

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.user('sales', 'Sam Sales');
  viewer = await t.user('viewer', 'Vic Viewer');
});
afterAll(async () => t?.close());

const create = (body: object, headers: Record<string, string> = {}) =>
  t.request('/api/customers', { method: 'POST', headers: { ...JSON_HEADERS, ...sales.auth, ...headers }, body: JSON.stringify(body) });

describe('customers', () => {
  it('creates, reads with an ETag, and records who did it', async () => {
    const response = await create({ name: 'Tan Hardware', email: 'buyer@tan.example', company: 'Tan Hardware Pte Ltd' });
    expect(response.status).toBe(201);
    const customer = (await response.json()) as { id: string; version: number; name: string };
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/customers/${customer.id}`);

    const read = await t.request(`/api/customers/${customer.id}`, { headers: viewer.auth });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await read.json()).toMatchObject({ name: 'Tan Hardware', email: 'buyer@tan.example', archived: false, version: 1 });

    const activity = await t.request(`/api/activity?entityType=customer&entityId=${customer.id}`, { headers: viewer.auth });
    const entries = (await activity.json()) as { items: { action: string; actor: { name: string } }[] };
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]).toMatchObject({ action: 'customer.created', actor: { name: 'Sam Sales' } });
  });

  it('refuses writes by a viewer with 403', async () => {
    const response = await t.request('/api/customers', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...viewer.auth },
      body: JSON.stringify({ name: 'Nope' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('lists validation errors per field', async () => {
    const response = await create({ name: '', email: 'not-an-email' });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['body.email', 'body.name']);
  });

  it('creates once per Idempotency-Key, even when retried concurrently', async () => {
    const key = randomUUID();
    const body = { name: `Idempotent ${key}` };
    const responses = await Promise.all([create(body, { 'idempotency-key': key }), create(body, { 'idempotency-key': key }), create(body, { 'idempotency-key': key })]);
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)));
    expect(ids.size).toBe(1);
    const list = await t.request(`/api/customers?q=${encodeURIComponent(key)}`, { headers: sales.auth });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);

    const reused = await create({ name: 'Something else' }, { 'idempotency-key': key });
    expect(reused.status).toBe(409);
  });

  it('updates with If-Match: 428 without, 412 when stale, and one winner of two concurrent edits', async () => {
    const created = (await (await create({ name: 'Concurrent Co' })).json()) as { id: string };
    const patch = (ifMatch: string | undefined, body: object) =>
      t.request(`/api/customers/${created.id}`, {
        method: 'PATCH',
        headers: { ...JSON_HEADERS, ...sales.auth, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        body: JSON.stringify(body),
      });

    expect((await patch(undefined, { notes: 'x' })).status).toBe(428);
    const results = await Promise.all([patch('"1"', { notes: 'first' }), patch('"1"', { notes: 'second' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.headers.get('etag')).toBe('"2"');
    const stale = await patch('"1"', { notes: 'late' });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { detail: string }).detail).toMatch(/version 2/);
    const ok = await patch('"2"', { phone: '+65 6123 4567', notes: null });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ phone: '+65 6123 4567', notes: null, version: 3 });
  });

  it('archives and restores; archived customers leave the default list', async () => {
    const created = (await (await create({ name: 'Archive Me Ltd' })).json()) as { id: string };
    const archived = await t.request(`/api/customers/${created.id}/archive`, { method: 'POST', headers: sales.auth });
    expect(archived.status).toBe(200);
    expect(await archived.json()).toMatchObject({ archived: true });
    const defaultList = (await (await t.request('/api/customers?q=Archive%20Me', { headers: sales.auth })).json()) as { items: unknown[] };
    expect(defaultList.items).toHaveLength(0);
    const withArchived = (await (await t.request('/api/customers?q=Archive%20Me&includeArchived=true', { headers: sales.auth })).json()) as {
      items: unknown[];
    };
    expect(withArchived.items).toHaveLength(1);
    const restored = await t.request(`/api/customers/${created.id}/restore`, { method: 'POST', headers: sales.auth });
    expect(await restored.json()).toMatchObject({ archived: false });
  });

  it('pages with cursors without skipping or repeating', async () => {
    const tag = randomUUID().slice(0, 8);
    for (let i = 0; i < 5; i += 1) await create({ name: `Paged ${tag} ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/customers?limit=2&q=${tag}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await (await t.request(url, { headers: sales.auth })).json()) as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `Paged ${tag} ${i}`));
    const bad = await t.request('/api/customers?cursor=not-a-cursor', { headers: sales.auth });
    expect(bad.status).toBe(400);
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const response = await t.request(`/api/customers/${randomUUID()}`, { headers: sales.auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });
});
