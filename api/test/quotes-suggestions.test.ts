import type { NexusClient, RequestOf } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';
import { problemOf } from './support/problems.js';

describe('suggestions for a draft, from the product graph', () => {
  let t: TestApp;
  let api: NexusClient;
  let customerId: string;
  const ids: Record<string, string> = {};

  const quoteWith = async (...skus: string[]) => {
    const { data: quote } = await api.call('createQuote', { body: { customerId, title: `With ${skus.join(', ')}` } });
    let etag = (await api.call('getQuote', { params: { path: { id: quote.id } } })).etag;
    for (const sku of skus) {
      etag = (await api.call('addQuoteLine', { params: { path: { id: quote.id }, header: { 'if-match': etag } }, body: { productId: ids[sku]!, quantity: '1' } })).etag;
    }
    return { id: quote.id, etag };
  };
  const send = (quote: { id: string; etag: string }) =>
    api.call('transitionQuote', { params: { path: { id: quote.id }, header: { 'if-match': quote.etag } }, body: { to: 'sent' } });
  const suggestionsFor = async (id: string) => (await api.call('getQuoteSuggestions', { params: { path: { id } } })).data;
  const synced = async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { n } = await t.deps.db.selectFrom('graph_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(n) === 0) return;
      if (Date.now() > deadline) throw new Error('the graph outbox did not drain');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ GRAPH_SYNC_INTERVAL_MS: '100' });
    api = t.client(await t.user('admin', 'Ada Admin'));
    customerId = (await api.call('createCustomer', { body: { name: 'Graph Works' } })).data.id;
    for (const [sku, stock] of [['GRINDER', 5], ['DISC', 50], ['GOGGLES', 0], ['GLOVES', 20], ['CABLE', 9], ['RETIRED', 3]] as const) {
      ids[sku] = (await api.call('createProduct', { body: { sku, name: sku.toLowerCase(), unitPriceMinor: 1000, currency: 'SGD', stockQuantity: stock } })).data.id;
    }
    const relate = (type: Extract<RequestOf<'createRelation'>['body'], { relatedProductId: string }>['type'], from: string, to: string) =>
      api.call('createRelation', { body: { type, productId: ids[from]!, relatedProductId: ids[to]! } });
    await relate('ACCESSORY_OF', 'DISC', 'GRINDER');
    await relate('REQUIRES', 'GRINDER', 'GOGGLES');
    await relate('REQUIRES', 'GRINDER', 'GLOVES');
    await relate('REQUIRES', 'GRINDER', 'RETIRED');
    await api.call('updateProduct', { params: { path: { id: ids.RETIRED! }, header: { 'if-match': '*' } }, body: { active: false } });
    // Sent quotes feed QUOTED_WITH: the grinder went out with cable twice.
    for (let i = 0; i < 2; i += 1) {
      await send(await quoteWith('GRINDER', 'CABLE'));
    }
    await synced();
  });
  afterAll(async () => t?.close());

  it('suggests required items and accessories the quote lacks, and products often quoted with it', async () => {
    const draft = await quoteWith('GRINDER', 'GLOVES');
    const body = await suggestionsFor(draft.id);
    expect(body.required.map((s) => s.sku)).toEqual(['GOGGLES']);
    expect(body.required[0]).toMatchObject({ forProductIds: [ids.GRINDER], inStock: false });
    expect(body.required[0]!.reasons[0]).toContain('requires');
    expect(body.accessories.map((s) => s.sku)).toEqual(['DISC']);
    expect(body.oftenQuotedTogether.map((s) => s.sku)).toEqual(['CABLE']);
    expect(body.oftenQuotedTogether[0]!.reasons[0]).toContain('2 quotes');
  });

  it('suggests nothing already on the quote, and nothing for free-text lines', async () => {
    const full = await quoteWith('GRINDER', 'GLOVES', 'GOGGLES', 'DISC', 'CABLE');
    expect(await suggestionsFor(full.id)).toMatchObject({ required: [], accessories: [], oftenQuotedTogether: [] });
    const freeText = await quoteWith();
    await api.call('addQuoteLine', {
      params: { path: { id: freeText.id }, header: { 'if-match': freeText.etag } },
      body: { description: 'Labour', quantity: '4', unitPriceMinor: 6000 },
    });
    expect(await suggestionsFor(freeText.id)).toMatchObject({ required: [], accessories: [], oftenQuotedTogether: [] });
  });

  it('is for drafts only (409)', async () => {
    const sent = await quoteWith('GRINDER');
    await send(sent);
    expect((await problemOf(suggestionsFor(sent.id))).status).toBe(409);
  });
});

describe('suggestions without the graph', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ NEO4J_URL: '' });
  });
  afterAll(async () => t?.close());

  it('answer 503 problem+json saying how to turn the graph on', async () => {
    const api = t.client(await t.user('sales'));
    const { data: customer } = await api.call('createCustomer', { body: { name: 'No Graph Ltd' } });
    const { data: quote } = await api.call('createQuote', { body: { customerId: customer.id, title: 'x' } });
    const refused = await problemOf(api.call('getQuoteSuggestions', { params: { path: { id: quote.id } } }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(refused.detail).toContain('NEO4J_URL');
  });
});
