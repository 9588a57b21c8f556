import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

/** The single-machine default: the same quote flow on PostgreSQL embedded in the process (PGlite). */
describe('quotes on embedded PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: '', NEO4J_URL: '' });
  });
  afterAll(async () => t?.close());

  it('numbers, prices, sends, revises and prints a quote', async () => {
    const sales = await t.user('sales');
    let etag = '';
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await t.request(path, {
        method,
        headers: { ...JSON_HEADERS, ...sales.auth, ...(etag ? { 'if-match': etag } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      etag = response.headers.get('etag') ?? etag;
      return response;
    };
    const customer = (await (await call('POST', '/api/customers', { name: 'Embedded Ltd' })).json()) as { id: string };
    const quotes = await Promise.all([1, 2, 3].map(async () => (await (await call('POST', '/api/quotes', { customerId: customer.id, title: 'Embedded' })).json()) as { id: string; number: string }));
    expect(new Set(quotes.map((q) => q.number)).size).toBe(3);
    const id = quotes[0]!.id;
    etag = (await call('GET', `/api/quotes/${id}`)).headers.get('etag')!;
    const priced = (await (await call('POST', `/api/quotes/${id}/lines`, { description: 'Safety boots', quantity: '4', unitPriceMinor: 5990 })).json()) as { totalMinor: number };
    expect(priced.totalMinor).toBe(23_960 + 2156);
    await call('POST', `/api/quotes/${id}/transitions`, { to: 'sent' });
    etag = '';
    const revision = (await (await call('POST', `/api/quotes/${id}/revisions`)).json()) as { revision: number; totalMinor: number };
    expect(revision).toMatchObject({ revision: 2, totalMinor: priced.totalMinor });
    expect((await call('GET', `/api/quotes/${id}/pdf`)).headers.get('content-type')).toBe('application/pdf');
  });
});
