import type { QuoteSuggestions as Suggestions } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

describe('suggestions for a draft, from the product graph', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['user']>>;
  let customerId: string;
  const ids: Record<string, string> = {};

  const call = async (method: string, path: string, body?: unknown, status?: number) => {
    // Changes of a quote carry its current ETag.
    const quoteId = method !== 'GET' ? /^\/api\/quotes\/([0-9a-f-]{36})\/(lines|transitions)/.exec(path)?.[1] : undefined;
    const etag = quoteId ? (await t.request(`/api/quotes/${quoteId}`, { headers: admin.auth })).headers.get('etag') : null;
    const headers = { ...JSON_HEADERS, ...admin.auth, ...(etag ? { 'if-match': etag } : {}) };
    const response = await t.request(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    if (status !== undefined) expect(response.status, text).toBe(status);
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const quoteWith = async (...skus: string[]) => {
    const { body: quote } = await call('POST', '/api/quotes', { customerId, title: `With ${skus.join(', ')}` }, 201);
    for (const sku of skus) await call('POST', `/api/quotes/${quote.id}/lines`, { productId: ids[sku], quantity: '1' }, 201);
    return quote.id as string;
  };
  const synced = async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { n } = await t.deps.db.selectFrom('graph_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(n) === 0) return;
      if (Date.now() > deadline) throw new Error('the graph outbox did not drain');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ GRAPH_SYNC_INTERVAL_MS: '100' });
    admin = await t.user('admin', 'Ada Admin');
    customerId = (await call('POST', '/api/customers', { name: 'Graph Works' }, 201)).body.id;
    for (const [sku, stock] of [['GRINDER', 5], ['DISC', 50], ['GOGGLES', 0], ['GLOVES', 20], ['CABLE', 9], ['RETIRED', 3]] as const) {
      ids[sku] = (await call('POST', '/api/products', { sku, name: sku.toLowerCase(), unitPriceMinor: 1000, currency: 'SGD', stockQuantity: stock }, 201)).body.id;
    }
    const relate = (type: string, from: string, to: string) =>
      call('POST', '/api/relations', { type, productId: ids[from], relatedProductId: ids[to] }, 201);
    await relate('ACCESSORY_OF', 'DISC', 'GRINDER');
    await relate('REQUIRES', 'GRINDER', 'GOGGLES');
    await relate('REQUIRES', 'GRINDER', 'GLOVES');
    await relate('REQUIRES', 'GRINDER', 'RETIRED');
    await t.request(`/api/products/${ids.RETIRED}`, { method: 'PATCH', headers: { ...JSON_HEADERS, ...admin.auth, 'if-match': '*' }, body: JSON.stringify({ active: false }) });
    // Sent quotes feed QUOTED_WITH: the grinder went out with cable twice.
    for (let i = 0; i < 2; i += 1) {
      const sent = await quoteWith('GRINDER', 'CABLE');
      await call('POST', `/api/quotes/${sent}/transitions`, { to: 'sent' }, 200);
    }
    await synced();
  });
  afterAll(async () => t?.close());

  it('suggests required items and accessories the quote lacks, and products often quoted with it', async () => {
    const draft = await quoteWith('GRINDER', 'GLOVES');
    const { body } = (await call('GET', `/api/quotes/${draft}/suggestions`, undefined, 200)) as { body: Suggestions };
    expect(body.required.map((s) => s.sku)).toEqual(['GOGGLES']);
    expect(body.required[0]).toMatchObject({ forProductIds: [ids.GRINDER], inStock: false });
    expect(body.required[0]!.reasons[0]).toContain('requires');
    expect(body.accessories.map((s) => s.sku)).toEqual(['DISC']);
    expect(body.oftenQuotedTogether.map((s) => s.sku)).toEqual(['CABLE']);
    expect(body.oftenQuotedTogether[0]!.reasons[0]).toContain('2 quotes');
  });

  it('suggests nothing already on the quote, and nothing for free-text lines', async () => {
    const full = await quoteWith('GRINDER', 'GLOVES', 'GOGGLES', 'DISC', 'CABLE');
    expect((await call('GET', `/api/quotes/${full}/suggestions`, undefined, 200)).body).toMatchObject({ required: [], accessories: [], oftenQuotedTogether: [] });
    const { body: freeText } = await call('POST', '/api/quotes', { customerId, title: 'Free text' }, 201);
    await call('POST', `/api/quotes/${freeText.id}/lines`, { description: 'Labour', quantity: '4', unitPriceMinor: 6000 }, 201);
    expect((await call('GET', `/api/quotes/${freeText.id}/suggestions`, undefined, 200)).body).toMatchObject({ required: [], accessories: [], oftenQuotedTogether: [] });
  });

  it('is for drafts only (409)', async () => {
    const sent = await quoteWith('GRINDER');
    await call('POST', `/api/quotes/${sent}/transitions`, { to: 'sent' }, 200);
    expect((await call('GET', `/api/quotes/${sent}/suggestions`)).status).toBe(409);
  });
});

describe('suggestions without the graph', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NEO4J_URL: '' });
  });
  afterAll(async () => t?.close());

  it('answer 503 problem+json saying how to turn the graph on', async () => {
    const sales = await t.user('sales');
    const headers = { ...JSON_HEADERS, ...sales.auth };
    const customer = (await (await t.request('/api/customers', { method: 'POST', headers, body: JSON.stringify({ name: 'No Graph Ltd' }) })).json()) as { id: string };
    const quote = (await (await t.request('/api/quotes', { method: 'POST', headers, body: JSON.stringify({ customerId: customer.id, title: 'x' }) })).json()) as { id: string };
    const response = await t.request(`/api/quotes/${quote.id}/suggestions`, { headers });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toContain('NEO4J_URL');
  });
});
