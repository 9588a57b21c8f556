import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';

/** The single-machine default: the same quote flow on PostgreSQL embedded in the process (PGlite). */
describe('quotes on embedded PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: '', NEO4J_URL: '' });
  });
  afterAll(async () => t?.close());

  it('numbers, prices, sends, revises and prints a quote', async () => {
    const api = t.client(await t.user('sales'));
    const { data: customer } = await api.call('createCustomer', { body: { name: 'Embedded Ltd' } });
    const quotes = await Promise.all(
      [1, 2, 3].map(async () => (await api.call('createQuote', { body: { customerId: customer.id, title: 'Embedded' } })).data),
    );
    expect(new Set(quotes.map((q) => q.number)).size).toBe(3);
    const id = quotes[0]!.id;
    const path = { id };
    const { etag } = await api.call('getQuote', { params: { path } });
    const priced = await api.call('addQuoteLine', {
      params: { path, header: { 'if-match': etag } },
      body: { description: 'Safety boots', quantity: '4', unitPriceMinor: 5990 },
    });
    expect(priced.data.totalMinor).toBe(23_960 + 2156);
    await api.call('transitionQuote', { params: { path, header: { 'if-match': priced.etag } }, body: { to: 'sent' } });
    const { data: revision } = await api.call('reviseQuote', { params: { path } });
    expect(revision).toMatchObject({ revision: 2, totalMinor: priced.data.totalMinor });
    const pdf = await api.call('getQuotePdf', { params: { path } });
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
  });
});
