import type { PageItem, Product } from '@nexus/sdk';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

type Hit = PageItem<'searchProducts'>;

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
let viewer: Awaited<ReturnType<TestApp['user']>>;

const create = async (body: object, headers: Record<string, string> = {}) =>
  t.request('/api/products', { method: 'POST', headers: { ...JSON_HEADERS, ...admin.auth, ...headers }, body: JSON.stringify(body) });

const search = async (query: string) => {
  const response = await t.request(`/api/catalogue/search?${query}`, { headers: viewer.auth });
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Hit[]; nextCursor: string | null };
};
const skus = (page: { items: Hit[] }) => page.items.map((hit) => hit.product.sku);

const CATALOGUE = [
  { sku: 'DCD791D2', name: 'DeWalt 18V XR Brushless Compact Drill Driver', brand: 'DeWalt', category: 'Power Tools', modelNumbers: ['DCD791', 'DCD791D2'], unitPriceMinor: 29900, stockQuantity: 5 },
  { sku: 'DCD796D2', name: 'DeWalt 18V XR Brushless Hammer Drill', brand: 'DeWalt', category: 'Power Tools', modelNumbers: ['DCD796'], unitPriceMinor: 34900, stockQuantity: 0 },
  { sku: 'HP457D', name: 'Makita 18V Cordless Hammer Driver Drill', brand: 'Makita', category: 'Power Tools', modelNumbers: ['HP457DWE'], unitPriceMinor: 15900, stockQuantity: 3 },
  { sku: 'DCB184', name: 'DeWalt 18V 5Ah XR Battery', brand: 'DeWalt', category: 'Batteries', description: 'Fits the DCD791 and DCD796 drills and every 18V XR tool.', unitPriceMinor: 12900, stockQuantity: 20 },
  { sku: 'SAFE-GOG-01', name: 'Anti-Fog Safety Goggles', brand: '3M', category: 'PPE', unitPriceMinor: 1290, stockQuantity: 100 },
  { sku: 'BIT-SET-21', name: 'Titanium Drill Bit Set 21pc', brand: 'Bosch', category: 'Accessories', unitPriceMinor: 2490, stockQuantity: 40 },
];

beforeAll(async () => {
  t = await startTestApp({ GRAPH_SYNC_INTERVAL_MS: '60000', JOBS_POLL_MS: '60000' });
  admin = await t.user('admin', 'Ada Admin');
  viewer = await t.user('viewer', 'Vic Viewer');
  for (const product of CATALOGUE) {
    const response = await create({ currency: 'SGD', ...product });
    expect(response.status, await response.clone().text()).toBe(201);
  }
});
afterAll(async () => t?.close());

describe('product search ranking', () => {
  it('puts the exact SKU first, far above fuzzy matches, with the score in each hit', async () => {
    const page = await search('q=DCD791D2');
    expect(page.items[0]?.product.sku).toBe('DCD791D2');
    expect(page.items[0]?.match.exactCode).toBe(true);
    for (const other of page.items.slice(1)) expect(page.items[0]!.score).toBeGreaterThan(other.score + 50);
  });

  it('matches a model number exactly whatever the case, spaces or dashes', async () => {
    const page = await search(`q=${encodeURIComponent('dcd-791')}`);
    expect(page.items[0]?.product.sku).toBe('DCD791D2');
    expect(page.items[0]?.match.exactCode).toBe(true);
    // The battery mentions DCD791 in its description: found, but below the exact model match.
    expect(skus(page)).toContain('DCB184');
  });

  it('finds partial model numbers', async () => {
    const page = await search('q=DCD79');
    expect(skus(page).slice(0, 2).sort()).toEqual(['DCD791D2', 'DCD796D2']);
    expect(page.items[0]?.match.partialCode).toBe(true);
  });

  it('still finds the product with a one-letter typo', async () => {
    expect(skus(await search('q=Makitta'))[0]).toBe('HP457D');
    expect(skus(await search('q=Mkaita'))[0]).toBe('HP457D'); // two letters swapped: few trigrams left in common
    expect(skus(await search('q=gogles'))[0]).toBe('SAFE-GOG-01');
    expect(skus(await search(`q=${encodeURIComponent('titanium dril bit')}`))[0]).toBe('BIT-SET-21');
  });

  it('ranks full-text matches by relevance', async () => {
    const page = await search(`q=${encodeURIComponent('hammer drill')}`);
    expect(skus(page).slice(0, 2).sort()).toEqual(['DCD796D2', 'HP457D']);
    expect(page.items[0]?.match.fullText).toBe(true);
  });

  it('filters by brand, category, price range and stock', async () => {
    expect(skus(await search('q=drill&brand=dewalt')).sort()).toEqual(['DCB184', 'DCD791D2', 'DCD796D2']);
    expect(skus(await search('q=drill&brand=DeWalt&inStock=true')).sort()).toEqual(['DCB184', 'DCD791D2']);
    expect(skus(await search('q=drill&category=power%20tools&maxPrice=20000'))).toEqual(['HP457D']);
    expect(skus(await search('q=drill&minPrice=30000&maxPrice=40000'))).toEqual(['DCD796D2']);
    expect(skus(await search('q=drill&inStock=false'))).toEqual(['DCD796D2']);
  });

  it('refuses an empty or non-integer price instead of reading it as 0', async () => {
    for (const query of ['q=drill&maxPrice=', 'q=drill&minPrice=%20', 'q=drill&maxPrice=12.5', 'q=drill&maxPrice=abc']) {
      const response = await t.request(`/api/catalogue/search?${query}`, { headers: viewer.auth });
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(await response.json())).toMatch(/query\.(max|min)Price/);
    }
    const listed = await t.request('/api/products?maxPrice=', { headers: viewer.auth });
    expect(listed.status).toBe(400);
  });

  it('pages through ranked results with the cursor', async () => {
    const all = skus(await search('q=drill&limit=100'));
    expect(all.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Hit[]; nextCursor: string | null } = await search(`q=drill&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...skus(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('answers an empty page for nonsense, and never fails on query syntax', async () => {
    expect((await search('q=zzqqxxyy')).items).toEqual([]);
    for (const q of ['"', "'", '& | !', '-', 'a:*', '((', '%_\\']) {
      const response = await t.request(`/api/catalogue/search?q=${encodeURIComponent(q)}`, { headers: viewer.auth });
      expect(response.status, q).toBe(200);
    }
  });
});

describe('products', () => {
  it('creates with an ETag and Location, reads, and lists newest first with filters', async () => {
    const response = await create({ sku: 'LIST-1', name: 'Listed Thing', currency: 'SGD', unitPriceMinor: 100, brand: 'Acme' });
    expect(response.status).toBe(201);
    const product = (await response.json()) as Product;
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/products/${product.id}`);
    expect(product).toMatchObject({ sku: 'LIST-1', unit: 'EA', stockQuantity: 0, inStock: false, active: true, attributes: {}, modelNumbers: [] });

    const read = await t.request(`/api/products/${product.id}`, { headers: viewer.auth });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    const list = await t.request('/api/products?brand=acme', { headers: viewer.auth });
    expect(((await list.json()) as { items: Product[] }).items.map((p) => p.sku)).toEqual(['LIST-1']);
  });

  it('refuses a duplicate SKU (case-insensitive) with 409, and writes by non-admins with 403', async () => {
    expect((await create({ sku: 'dcd791d2', name: 'Copy', currency: 'SGD', unitPriceMinor: 1 })).status).toBe(409);
    const sales = await t.user('sales');
    const response = await t.request('/api/products', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...sales.auth },
      body: JSON.stringify({ sku: 'NOPE-1', name: 'Nope', currency: 'SGD', unitPriceMinor: 1 }),
    });
    expect(response.status).toBe(403);
  });

  it('creates once per Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { sku: `IDEM-${key.slice(0, 8)}`, name: 'Idempotent', currency: 'SGD', unitPriceMinor: 5 };
    const [a, b] = await Promise.all([create(body, { 'idempotency-key': key }), create(body, { 'idempotency-key': key })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(((await a.json()) as Product).id).toBe(((await b.json()) as Product).id);
  });

  it('updates with If-Match (428 without, 412 when stale) and deactivation hides it from search', async () => {
    const product = (await (await create({ sku: 'UPD-1', name: 'Widget Deluxe', currency: 'SGD', unitPriceMinor: 500 })).json()) as Product;
    const patch = (ifMatch: string | undefined, body: object) =>
      t.request(`/api/products/${product.id}`, {
        method: 'PATCH',
        headers: { ...JSON_HEADERS, ...admin.auth, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        body: JSON.stringify(body),
      });
    expect((await patch(undefined, { stockQuantity: 3 })).status).toBe(428);
    const ok = await patch('"1"', { stockQuantity: 3, attributes: { voltage: '18V' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(await ok.json()).toMatchObject({ stockQuantity: 3, inStock: true, attributes: { voltage: '18V' }, version: 2 });
    expect((await patch('"1"', { stockQuantity: 4 })).status).toBe(412);

    expect(skus(await search('q=widget'))).toContain('UPD-1');
    const deactivated = await t.request(`/api/products/${product.id}/deactivate`, { method: 'POST', headers: admin.auth });
    expect(deactivated.status).toBe(200);
    expect(((await deactivated.json()) as Product).active).toBe(false);
    expect(skus(await search('q=widget'))).not.toContain('UPD-1');
    expect(skus(await search('q=widget&includeInactive=true'))).toContain('UPD-1');
  });

  it('finds a product by a typo or the first letters of a word it was created or renamed with', async () => {
    // Typos and prefixes go through the dictionary of catalogue words, which every write keeps up to date.
    const product = (await (await create({ sku: 'WORD-1', name: 'Quokka Clamp', brand: 'Zebulon', currency: 'SGD', unitPriceMinor: 700 })).json()) as Product;
    expect(skus(await search('q=quokak'))).toEqual(['WORD-1']);
    expect(skus(await search('q=zebu'))).toEqual(['WORD-1']);
    expect(skus(await search('q=wombatt'))).toEqual([]);
    const renamed = await t.request(`/api/products/${product.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...admin.auth, 'if-match': '"1"' },
      body: JSON.stringify({ name: 'Wombat Clamp' }),
    });
    expect(renamed.status).toBe(200);
    expect(skus(await search('q=wombatt'))).toEqual(['WORD-1']);
    expect(skus(await search('q=quokak'))).toEqual([]); // the words it lost lead to it no more
    expect(skus(await search(`q=${encodeURIComponent('zebulon womb')}`))).toEqual(['WORD-1']);
  });

  it('shows catalogue figures on the public dashboard (aggregates only)', async () => {
    const response = await t.request('/api/dashboard');
    const body = (await response.json()) as { catalogue: { activeProducts: number; outOfStock: number; brands: number; categories: number } };
    expect(body.catalogue.activeProducts).toBeGreaterThanOrEqual(CATALOGUE.length);
    expect(body.catalogue.outOfStock).toBeGreaterThanOrEqual(1);
    expect(body.catalogue.brands).toBeGreaterThanOrEqual(4);
    const metrics = (await (await t.request('/api/metrics')).json()) as { catalogue: { total: number; outOfStock: number } };
    expect(metrics.catalogue.total).toBeGreaterThanOrEqual(CATALOGUE.length);
  });
});
