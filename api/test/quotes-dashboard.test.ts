import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '@nexus/sdk';
import { startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['user']>>;

beforeAll(async () => {
  t = await startTestApp();
  sales = await t.user('admin', 'Sam Sales');
});
afterAll(async () => t?.close());

type Quote = ResponseOf<'getQuote'>;
const api = () => t.client(sales);
/** The public dashboard, read anonymously, with its body as sent (to check it names no one). */
const dashboard = async () => {
  const { data, response } = await t.client().call('getDashboard');
  expect(response.status).toBe(200);
  return { text: JSON.stringify(data), quotes: data.quotes };
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
    const { data: customer } = await api().call('createCustomer', { body: { name: 'Secret Customer Pte Ltd' } });
    const product = async (sku: string) =>
      (await api().call('createProduct', { body: { sku, name: `Product ${sku}`, unitPriceMinor: 10_000, currency: 'SGD' } })).data;
    const [x, y] = [await product('DASH-X'), await product('DASH-Y')];
    const quote = async (productIds: string[], to: ('sent' | 'accepted' | 'rejected')[] = []): Promise<Quote> => {
      let { data: q, etag } = await api().call('createQuote', { body: { customerId: customer.id, title: 'Dashboard', taxRateBp: 0 } });
      const path = { id: q.id };
      for (const productId of productIds) {
        ({ data: q, etag } = await api().call('addQuoteLine', { params: { path, header: { 'if-match': etag } }, body: { productId, quantity: '1' } }));
      }
      for (const status of to) {
        ({ data: q, etag } = await api().call('transitionQuote', { params: { path, header: { 'if-match': etag } }, body: { to: status } }));
      }
      return q;
    };
    await quote([x.id]); // draft, 100.00
    await quote([x.id, y.id], ['sent', 'accepted']); // accepted, 200.00
    const rejected = await quote([y.id], ['sent', 'rejected']);
    await quote([x.id], ['sent']); // sent, 100.00
    const old = await quote([y.id]);
    // One deal was created three weeks ago; and the rejected one was revised (its latest revision is a draft).
    await sql`update quotes set created_at = created_at - interval '21 days' where id = ${old.id}::uuid`.execute(t.deps.db);
    await api().call('reviseQuote', { params: { path: { id: rejected.id } } });

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
