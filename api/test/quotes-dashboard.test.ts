import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteDashboard } from '../src/repositories/quotes-dashboard.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['user']>>;

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.user('admin', 'Sam Sales');
});
afterAll(async () => t?.close());

const call = async (method: string, path: string, body?: unknown) => {
  // Changes of a quote carry its current ETag.
  const quoteId = /^\/api\/quotes\/([0-9a-f-]{36})\/(lines|transitions)/.exec(path)?.[1];
  const etag = quoteId ? (await t.request(`/api/quotes/${quoteId}`, { headers: sales.auth })).headers.get('etag') : null;
  const headers = { ...JSON_HEADERS, ...sales.auth, ...(etag ? { 'if-match': etag } : {}) };
  const response = await t.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { id: string; totalMinor: number };
};
const dashboard = async () => {
  const response = await t.request('/api/dashboard');
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, quotes: (JSON.parse(text) as { quotes: QuoteDashboard }).quotes };
};

describe('dashboard quote aggregates', () => {
  it('are zeros and empty lists when there are no quotes', async () => {
    const { quotes } = await dashboard();
    expect(quotes.pipeline.map((p) => [p.status, p.count, p.totals])).toEqual([
      ['draft', 0, []],
      ['sent', 0, []],
      ['accepted', 0, []],
      ['rejected', 0, []],
      ['expired', 0, []],
      ['cancelled', 0, []],
    ]);
    expect(quotes.open).toBe(0);
    expect(quotes.perWeek).toHaveLength(12);
    expect(quotes.perWeek.every((w) => w.count === 0)).toBe(true);
    expect(quotes.winRate).toEqual({ accepted: 0, rejected: 0, expired: 0, rate: null });
    expect(quotes.topProducts).toEqual([]);
  });

  it('are computed from real rows: pipeline by status, quotes per week, win rate, top quoted products — and name no one', async () => {
    const customer = await call('POST', '/api/customers', { name: 'Secret Customer Pte Ltd' });
    const product = (sku: string) => call('POST', '/api/products', { sku, name: `Product ${sku}`, unitPriceMinor: 10_000, currency: 'SGD' });
    const [x, y] = [await product('DASH-X'), await product('DASH-Y')];
    const quote = async (productIds: string[], to: string[] = []) => {
      let q = await call('POST', '/api/quotes', { customerId: customer.id, title: 'Dashboard', taxRateBp: 0 });
      for (const productId of productIds) q = await call('POST', `/api/quotes/${q.id}/lines`, { productId, quantity: '1' });
      for (const status of to) q = await call('POST', `/api/quotes/${q.id}/transitions`, { to: status });
      return q;
    };
    await quote([x.id]); // draft, 100.00
    await quote([x.id, y.id], ['sent', 'accepted']); // accepted, 200.00
    const rejected = await quote([y.id], ['sent', 'rejected']);
    await quote([x.id], ['sent']); // sent, 100.00
    const old = await quote([y.id]);
    // One deal was created three weeks ago; and the rejected one was revised (its latest revision is a draft).
    await sql`update quotes set created_at = created_at - interval '21 days' where id = ${old.id}::uuid`.execute(t.deps.db);
    await call('POST', `/api/quotes/${rejected.id}/revisions`);

    const { text, quotes } = await dashboard();
    const byStatus = Object.fromEntries(quotes.pipeline.map((p) => [p.status, [p.count, p.totals]]));
    expect(byStatus).toEqual({
      draft: [3, [{ currency: 'SGD', totalMinor: 30_000 }]],
      sent: [1, [{ currency: 'SGD', totalMinor: 10_000 }]],
      accepted: [1, [{ currency: 'SGD', totalMinor: 20_000 }]],
      rejected: [0, []],
      expired: [0, []],
      cancelled: [0, []],
    });
    expect(quotes.open).toBe(4); // three drafts and one sent deal, not decided yet
    expect(quotes.perWeek).toHaveLength(12);
    expect(quotes.perWeek.at(-1)!.count).toBe(4);
    expect(quotes.perWeek.at(-4)!.count).toBe(1);
    expect(quotes.perWeek.reduce((n, w) => n + w.count, 0)).toBe(5);
    expect(new Date(`${quotes.perWeek.at(-1)!.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(quotes.winRate).toEqual({ accepted: 1, rejected: 0, expired: 0, rate: 1 });
    expect(quotes.topProducts.map((p) => [p.sku, p.quoteCount])).toEqual([
      ['DASH-X', 2],
      ['DASH-Y', 2],
    ]);
    expect(text).not.toContain('Secret Customer');
    expect(text).not.toContain('Sam Sales');
  });
});
