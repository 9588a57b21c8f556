import type { ResponseOf } from '@nexus/sdk';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { graphScope } from '../src/graph/scope.js';
import { clearScope } from '../src/graph/projection.js';
import { rebuildGraph } from '../src/graph/rebuild.js';
import { recordQuotedTogether } from '../src/repositories/relations.js';
import { loadServicesEnv } from '../../scripts/lib/services-env.mjs';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';
import { startTcpProxy } from './support/tcp-proxy.js';

const services = loadServicesEnv();
const neo4jUrl = new URL(services.NEO4J_URL ?? 'bolt://127.0.0.1:7687');

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let direct: Driver;
let scope: string;
const ids: Record<string, string> = {};
let taskId: string;

const post = async (path: string, body: object) => {
  const response = await t.request(path, { method: 'POST', headers: { ...JSON_HEADERS, ...admin.auth }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string };
};
const relate = (type: string, from: string, to: string, note?: string) =>
  post('/api/relations', type === 'USED_FOR' ? { type, productId: ids[from], taskId: to, note } : { type, productId: ids[from], relatedProductId: ids[to], note });

const pending = async () =>
  Number((await t.deps.db.selectFrom('graph_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function synced(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await pending()) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not drain');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const related = async (sku: string) => {
  const response = await t.request(`/api/products/${ids[sku]}/related`, { headers: admin.auth });
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as ResponseOf<'getRelatedProducts'>;
  return Object.fromEntries(body.groups.map((g) => [g.group, g.items]));
};
const skusOf = (items: { product: { sku: string } }[] | undefined) => (items ?? []).map((i) => i.product.sku);

const countScopeNodes = async () => {
  const result = await direct.executeQuery('MATCH (n {scope: $scope}) RETURN count(n) AS n', { scope });
  return Number(result.records[0]?.get('n'));
};

beforeAll(async () => {
  proxy = await startTcpProxy(neo4jUrl.hostname, Number(neo4jUrl.port || 7687));
  t = await startTestApp({ NEO4J_URL: `bolt://127.0.0.1:${proxy.port}`, GRAPH_SYNC_INTERVAL_MS: '100', JOBS_POLL_MS: '60000' });
  direct = neo4j.driver(services.NEO4J_URL!, neo4j.auth.basic(services.NEO4J_USER ?? 'neo4j', services.NEO4J_PASSWORD ?? ''));
  scope = graphScope(t.config);
  admin = await t.user('admin', 'Ada Admin');
  const products = [
    ['DRILL', 'Compact Drill Driver', 5],
    ['HAMMER', 'SDS Hammer Drill', 2],
    ['BATTERY', '18V Battery Pack', 9],
    ['BITS', 'Masonry Bit Set', 0],
    ['GOGGLES', 'Safety Goggles', 30],
    ['MASK', 'Dust Mask P3', 12],
    ['FILTER', 'P3 Filter Cartridge', 40],
    ['GLOVES', 'Work Gloves', 25],
  ] as const;
  for (const [sku, name, stock] of products) {
    ids[sku] = (await post('/api/products', { sku, name, brand: 'Acme', category: 'Tools', currency: 'SGD', unitPriceMinor: 1000, stockQuantity: stock })).id;
  }
  taskId = (await post('/api/tasks', { name: 'Drilling into concrete' })).id;
  await relate('ACCESSORY_OF', 'BATTERY', 'DRILL');
  await relate('ACCESSORY_OF', 'BITS', 'HAMMER', 'SDS-plus shank');
  await relate('COMPATIBLE_WITH', 'BATTERY', 'HAMMER');
  await relate('ALTERNATIVE_TO', 'DRILL', 'HAMMER');
  await relate('REQUIRES', 'HAMMER', 'GOGGLES', 'eye protection');
  await relate('REQUIRES', 'HAMMER', 'MASK', 'silica dust');
  await relate('REQUIRES', 'MASK', 'FILTER');
  await relate('REQUIRES', 'DRILL', 'GOGGLES');
  await relate('USED_FOR', 'HAMMER', taskId);
  await relate('USED_FOR', 'DRILL', taskId);
  await t.deps.db.transaction().execute((trx) =>
    recordQuotedTogether(trx, [
      [ids.DRILL!, ids.BATTERY!, ids.GOGGLES!],
      [ids.DRILL!, ids.BATTERY!],
      [ids.DRILL!, ids.GLOVES!],
    ]),
  );
  await synced();
});

afterAll(async () => {
  await t?.close();
  if (direct && scope) await clearScope(async (cypher, params) => Number((await direct.executeQuery(cypher, params)).records[0]?.get('n') ?? 0), scope);
  await direct?.close();
  await proxy?.close();
});

describe('product knowledge graph', () => {
  it('suggests related products grouped by relation, ranked, each with a reason', async () => {
    const groups = await related('DRILL');
    expect(skusOf(groups.accessories)).toEqual(['BATTERY']);
    expect(groups.accessories?.[0]?.reason).toBe('An accessory for Compact Drill Driver; quoted together on 2 quotes');
    expect(skusOf(groups.requires)).toEqual(['GOGGLES']);
    expect(skusOf(groups.alternatives)).toEqual(['HAMMER']);
    expect(skusOf(groups.quotedWith)).toEqual(['BATTERY', 'GOGGLES', 'GLOVES']);
    expect(groups.quotedWith?.[0]).toMatchObject({ score: 2, reason: 'Quoted together with Compact Drill Driver on 2 quotes' });
    expect(groups.compatible).toEqual([]);

    const hammer = await related('HAMMER');
    expect(skusOf(hammer.requires)).toEqual(['MASK', 'GOGGLES']);
    expect(hammer.accessories?.[0]).toMatchObject({ note: 'SDS-plus shank' });
    expect(hammer.accessories?.[0]?.reason).toMatch(/^An accessory for SDS Hammer Drill; out of stock \(SDS-plus shank\)$/);
    expect(skusOf(hammer.compatible)).toEqual(['BATTERY']);
    expect(skusOf((await related('GOGGLES')).requiredBy).sort()).toEqual(['DRILL', 'HAMMER']);
  });

  it("builds a task's kit over several hops: its products, what they require, and what that requires", async () => {
    const response = await t.request(`/api/tasks/${taskId}/kit`, { headers: admin.auth });
    expect(response.status).toBe(200);
    const kit = (await response.json()) as {
      products: { product: { sku: string }; reason: string }[];
      requiredItems: { product: { sku: string; id: string }; requiredBy: string[]; reason: string }[];
    };
    expect(skusOf(kit.products)).toEqual(['DRILL', 'HAMMER']);
    expect(kit.products[0]?.reason).toBe('Used for Drilling into concrete');
    expect(skusOf(kit.requiredItems)).toEqual(['GOGGLES', 'MASK', 'FILTER']);
    expect(kit.requiredItems[0]?.requiredBy.sort()).toEqual([ids.DRILL, ids.HAMMER].sort());
    expect(kit.requiredItems[0]?.reason).toBe('Required by Compact Drill Driver, SDS Hammer Drill (eye protection)');
    expect(kit.requiredItems[2]).toMatchObject({ requiredBy: [ids.MASK], reason: 'Required by Dust Mask P3' });
  });

  it('keeps changes made while Neo4j is down in the outbox and applies them when it returns', async () => {
    await proxy.down();
    try {
      const earplugs = await post('/api/products', { sku: 'EARPLUGS', name: 'Ear Plugs', currency: 'SGD', unitPriceMinor: 300, stockQuantity: 100 });
      ids.EARPLUGS = earplugs.id;
      await relate('REQUIRES', 'HAMMER', 'EARPLUGS', 'hearing protection');

      const during = await t.request(`/api/products/${ids.HAMMER}/related`, { headers: admin.auth });
      expect(during.status).toBe(503);
      expect(during.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await during.json()).toMatchObject({ status: 503, dependency: 'neo4j' });

      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await pending()).toBeGreaterThanOrEqual(2);
      const metrics = (await (await t.request('/api/metrics')).json()) as { catalogue: { graphSyncPending: number } };
      expect(metrics.catalogue.graphSyncPending).toBeGreaterThanOrEqual(2);
    } finally {
      await proxy.up();
    }
    await synced(40_000);
    const node = await direct.executeQuery('MATCH (p:Product {id: $id}) RETURN p.name AS name, p.scope AS scope', { id: ids.EARPLUGS });
    expect(node.records[0]?.get('name')).toBe('Ear Plugs');
    expect(node.records[0]?.get('scope')).toBe(scope);
    expect(skusOf((await related('HAMMER')).requires)).toContain('EARPLUGS');
  });

  it('removes a deleted relation from the graph', async () => {
    const list = (await (await t.request(`/api/relations?productId=${ids.DRILL}&type=ALTERNATIVE_TO`, { headers: admin.auth })).json()) as {
      items: { id: string }[];
    };
    expect(list.items).toHaveLength(1);
    const removed = await t.request(`/api/relations/${list.items[0]!.id}`, { method: 'DELETE', headers: admin.auth });
    expect(removed.status).toBe(204);
    expect((await t.request(`/api/relations/${list.items[0]!.id}`, { headers: admin.auth })).status).toBe(404);
    await synced();
    expect((await related('DRILL')).alternatives).toEqual([]);
  });

  it('refuses duplicate and self relations with 409, unknown products with 404', async () => {
    const again = await t.request('/api/relations', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...admin.auth },
      body: JSON.stringify({ type: 'COMPATIBLE_WITH', productId: ids.HAMMER, relatedProductId: ids.BATTERY }),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toHaveProperty('existingId');
    const self = await t.request('/api/relations', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...admin.auth },
      body: JSON.stringify({ type: 'REQUIRES', productId: ids.HAMMER, relatedProductId: ids.HAMMER }),
    });
    expect(self.status).toBe(409);
    const unknown = await t.request('/api/relations', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...admin.auth },
      body: JSON.stringify({ type: 'USED_FOR', productId: ids.HAMMER, taskId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('rebuilds the graph from PostgreSQL after it was lost', async () => {
    const before = await countScopeNodes();
    await clearScope(async (cypher, params) => Number((await direct.executeQuery(cypher, params)).records[0]?.get('n') ?? 0), scope);
    expect(await countScopeNodes()).toBe(0);
    expect((await related('DRILL')).accessories).toEqual([]);

    const report = await rebuildGraph({ db: t.deps.db, graph: t.deps.graph!, scope });
    expect(report).toMatchObject({ products: 9, tasks: 1, relations: 10, quotedWith: 4 });
    expect(await countScopeNodes()).toBe(before);
    expect(skusOf((await related('DRILL')).accessories)).toEqual(['BATTERY']);
    expect(skusOf((await related('HAMMER')).requires)).toEqual(['MASK', 'EARPLUGS', 'GOGGLES']);
  });

  it('answers 503 saying how to enable the graph when NEO4J_URL is not set', async () => {
    const app = createApp({ ...t.deps, graph: null });
    const response = await app.request('/api/products/' + ids.DRILL + '/related', { headers: admin.auth });
    expect(response.status).toBe(503);
    const problem = (await response.json()) as { detail: string; dependency: string };
    expect(problem.dependency).toBe('neo4j');
    expect(problem.detail).toMatch(/NEO4J_URL/);
    expect((await app.request(`/api/tasks/${taskId}/kit`, { headers: admin.auth })).status).toBe(503);
  });
});
