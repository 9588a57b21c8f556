import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';
import { problemOf } from './support/problems.js';

/** GET /api/dashboard and /api/metrics: cached briefly, dropped on writes, limited per client address (issue 10). */
describe('public statistics: a short cache that every write through the API drops', () => {
  let t: TestApp;
  let sales: Awaited<ReturnType<TestApp['user']>>;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_STATS_CACHE_SECONDS: '300', PUBLIC_STATS_RATE_LIMIT: '1000' });
    sales = await t.user('sales');
  });
  afterAll(async () => t?.close());

  const dashboard = async () => (await t.client().call('getDashboard')).data;
  const metrics = async () => (await t.client().call('getMetrics')).data;
  const createCustomer = (name: string) => t.client(sales).call('createCustomer', { body: { name } });

  it('answers repeated reads from the cache, and the next read after a write shows it', async () => {
    const first = await dashboard();
    const firstMetrics = await metrics();
    // Cached: the same figures, made at the same moment.
    expect((await dashboard()).generatedAt).toBe(first.generatedAt);
    expect((await metrics()).generatedAt).toBe(firstMetrics.generatedAt);

    const created = await createCustomer('Counted Co');
    expect(created.response.status).toBe(201);

    const after = await dashboard();
    expect(after.customers.active).toBe(first.customers.active + 1);
    // Today's activity (the last of the 14 days) counts the creation.
    expect(after.activityByDay).toHaveLength(14);
    expect(after.activityByDay.at(-1)!.count).toBe(first.activityByDay.at(-1)!.count + 1);
    expect((await metrics()).customers.total).toBe(firstMetrics.customers.total + 1);
  });

  it('computes once for concurrent reads of a cold cache (no stampede of aggregates)', async () => {
    const created = await createCustomer('Cold Cache Co');
    expect(created.response.status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 6 }, () => dashboard()));
    expect(new Set(answers.map((a) => a.generatedAt)).size).toBe(1);
  });

  it('keeps the cache after chat messages and read markers (the figures count neither)', async () => {
    const conversation = await t.client(sales).call('createConversation', { body: { title: 'Statistics room', memberIds: [] } });
    expect(conversation.response.status).toBe(201);
    const id = conversation.data.id;
    const before = await dashboard();
    const posted = await t.client(sales).call('postMessage', { params: { path: { id } }, body: { text: 'hello', clientMessageId: randomUUID() } });
    expect(posted.response.status).toBe(201);
    const read = await t.client(sales).call('markConversationRead', { params: { path: { id } }, body: { seq: 1 } });
    expect(read.response.status).toBe(204);
    expect((await dashboard()).generatedAt).toBe(before.generatedAt);
  });

  it('keeps the cache after a refused write (nothing changed)', async () => {
    const before = await dashboard();
    const refused = await problemOf(createCustomer(''));
    expect(refused.status).toBe(400);
    expect((await dashboard()).generatedAt).toBe(before.generatedAt);
  });
});

describe('public statistics: rate limited per client address', () => {
  let t: TestApp;
  beforeAll(async () => {
    // One proxy hop trusted: the client address is the last X-Forwarded-For entry.
    t = await startTestApp({ PUBLIC_STATS_RATE_LIMIT: '3', PUBLIC_STATS_RATE_WINDOW_SECONDS: '60', TRUSTED_PROXY_HOPS: '1' });
  });
  afterAll(async () => t?.close());

  const from = (path: string, address: string) => t.request(path, { headers: { 'x-forwarded-for': address } });

  it.each(['/api/dashboard', '/api/metrics'])('answers %s with 429 problem+json and Retry-After past the budget', async (path) => {
    for (let i = 0; i < 3; i += 1) expect((await from(path, '198.51.100.7')).status).toBe(200);
    const refused = await from(path, '198.51.100.7');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ status: 429 });
    // Another client has its own budget.
    expect((await from(path, '198.51.100.8')).status).toBe(200);
  });

  it('declares the 429 with Retry-After in the contract', async () => {
    const contract = (await (await t.request('/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { headers?: Record<string, unknown> }> } }>;
    };
    for (const path of ['/api/dashboard', '/api/metrics']) {
      expect(contract.paths[path]!.get.responses['429']?.headers).toHaveProperty('Retry-After');
    }
  });
});
