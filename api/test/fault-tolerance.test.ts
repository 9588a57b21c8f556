import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Health, ResponseOf } from '@nexus/sdk';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, restartApi, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { loadServicesEnv } from '../../scripts/lib/services-env.mjs';
import { privateNeo4j, privatePostgres, privateRedis, type PrivateService } from './support/private-services.js';
import { startTcpProxy } from './support/tcp-proxy.js';

/**
 * Issue 13 "Done when": PostgreSQL, Redis and Neo4j are stopped and started
 * again in turn under a bounded load against one real API process. PostgreSQL
 * and Redis are private instances of this test (really stopped: pg_ctl stop
 * -m fast, SIGTERM), never the shared services. Neo4j takes a minute or more
 * to start on a loaded machine, so by default its outage is a TCP proxy in
 * front of the shared Neo4j going down (connections cut, new ones refused —
 * what the driver sees of a stopped server); NEXUS_FAULT_REAL_NEO4J=1 runs a
 * private Neo4j and stops that instead.
 *
 * Asserted: no 500 (every answer is 200/201 or a 503), no request slower than
 * 5 s, a 503 problem+json naming the dependency while it is down on exactly
 * the operations that need it (the others keep answering 2xx), /api/health
 * shows it down, every operation succeeds again within 10 s of its return, and
 * the API process is the same one throughout (no restart).
 */

type Dependency = 'postgres' | 'redis' | 'neo4j';
type Op = 'health' | 'listProducts' | 'relatedProducts' | 'createCustomer' | 'chatTicket' | 'login';

/** Which dependencies each operation of the load needs (health is judged apart). */
const NEEDS: Record<Exclude<Op, 'health'>, Dependency[]> = {
  listProducts: ['postgres'],
  relatedProducts: ['postgres', 'neo4j'],
  createCustomer: ['postgres'],
  chatTicket: ['redis'],
  login: ['postgres', 'redis'],
};

interface Sample {
  op: Op;
  start: number;
  end: number;
  status: number | 'error';
  contentType: string;
  body: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const realNeo4j = process.env['NEXUS_FAULT_REAL_NEO4J'] === '1';

describe('faults: datastores stopped and restarted under load', () => {
  let pg: PrivateService;
  let redis: PrivateService;
  let graph: PrivateService;
  let api: Awaited<ReturnType<typeof restartApi>>;
  const samples: Sample[] = [];
  let stopLoad = false;
  let load: Promise<void>;
  const scope = `test-fault-${randomUUID()}`;

  beforeAll(async () => {
    const services = loadServicesEnv();
    [pg, redis] = await Promise.all([privatePostgres(), privateRedis()]);
    if (realNeo4j) graph = await privateNeo4j();
    else {
      const target = new URL(services.NEO4J_URL ?? 'bolt://127.0.0.1:7687');
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 7687));
      graph = {
        env: { NEO4J_URL: `bolt://127.0.0.1:${proxy.port}`, NEO4J_USER: services.NEO4J_USER ?? 'neo4j', NEO4J_PASSWORD: services.NEO4J_PASSWORD ?? '' },
        stop: () => proxy.down(),
        start: () => proxy.up(),
        destroy: () => proxy.close(),
      };
    }
    const port = await freePort();
    api = await restartApi({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nexus-fault-api-')),
      BCRYPT_COST: '4',
      GRAPH_SCOPE: scope,
      GRAPH_SYNC_INTERVAL_MS: '200',
      // The load logs in again and again from one address: the throttle is not what is tested here.
      LOGIN_LIMIT_PER_IP: '1000000',
      LOGIN_LIMIT_FAILURES_PER_ACCOUNT: '1000000',
      ...pg.env,
      ...redis.env,
      ...graph.env,
    });
  }, STARTUP_DEADLINE_MS + 240_000);

  afterAll(async () => {
    stopLoad = true;
    await load?.catch(() => {});
    await api?.stop();
    if (!realNeo4j) {
      const services = loadServicesEnv();
      const driver = neo4j.driver(services.NEO4J_URL!, neo4j.auth.basic(services.NEO4J_USER ?? 'neo4j', services.NEO4J_PASSWORD ?? ''));
      await driver.executeQuery('MATCH (n {scope: $scope}) DETACH DELETE n', { scope }).catch(() => {});
      await driver.close();
    }
    await Promise.all([pg?.destroy(), redis?.destroy(), graph?.destroy()].map((p) => p?.catch(() => {})));
  }, 120_000);

  it('answers 503 naming the dependency only where it is needed, never 500 or slower than 5 s, and recovers within 10 s without a restart', async () => {
    const base = api.baseUrl;
    const json = { 'content-type': 'application/json' };
    const admin = api.admin!;
    const loginResponse = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(admin) });
    expect(loginResponse.status).toBe(200);
    const auth = { ...json, authorization: `Bearer ${((await loginResponse.json()) as ResponseOf<'login'>).accessToken}` };
    const product = await fetch(`${base}/api/products`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ sku: 'DRL-18', name: 'Drill 18V', currency: 'SGD', unitPriceMinor: 9900, stockQuantity: 3 }),
    });
    expect(product.status).toBe(201);
    const productId = ((await product.json()) as ResponseOf<'createProduct'>).id;

    const requests: Record<Op, () => Promise<Response>> = {
      health: () => fetch(`${base}/api/health`),
      listProducts: () => fetch(`${base}/api/products?limit=5`, { headers: auth }),
      relatedProducts: () => fetch(`${base}/api/products/${productId}/related`, { headers: auth }),
      createCustomer: () =>
        fetch(`${base}/api/customers`, { method: 'POST', headers: { ...auth, 'idempotency-key': randomUUID() }, body: JSON.stringify({ name: 'Fault Test Pte Ltd' }) }),
      chatTicket: () => fetch(`${base}/api/chat/tickets`, { method: 'POST', headers: auth, body: '{}' }),
      login: () => fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(admin) }),
    };
    const ops = Object.keys(requests) as Op[];
    const send = async (op: Op): Promise<Sample> => {
      const start = Date.now();
      try {
        const response = await Promise.race([requests[op](), sleep(15_000).then(() => Promise.reject(new Error('no answer within 15 s')))]);
        const body = await response.text();
        return { op, start, end: Date.now(), status: response.status, contentType: response.headers.get('content-type') ?? '', body };
      } catch (error) {
        return { op, start, end: Date.now(), status: 'error', contentType: '', body: String(error) };
      }
    };
    // Bounded load: three clients, each sending the operations in turn with a short pause.
    load = Promise.all(
      [0, 1, 2].map(async (client) => {
        for (let i = client; !stopLoad; i++) {
          samples.push(await send(ops[i % ops.length]!));
          await sleep(40);
        }
      }),
    ).then(() => {});

    const health = async () => {
      const response = await fetch(`${base}/api/health`).catch((error: unknown) => {
        throw new Error(`health did not answer (${String(error)}); API output:\n${api.output().slice(-4000)}`);
      });
      return { status: response.status, body: (await response.json()) as Pick<Health, 'uptimeSeconds' | 'checks'> };
    };
    const uptimes: number[] = [];
    const succeeded = (s: Sample) => s.status === 200 || s.status === 201;
    const services: [Dependency, PrivateService][] = [
      ['postgres', pg],
      ['redis', redis],
      ['neo4j', graph],
    ];
    await sleep(1500);
    expect(samples.filter((s) => !succeeded(s)), 'all up: every operation succeeds').toEqual([]);

    for (const [dependency, service] of services) {
      await service.stop();
      // Health shows it down.
      let shown = false;
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(200)) {
        const h = await health();
        uptimes.push(h.body.uptimeSeconds);
        if (h.body.checks[dependency]?.status === 'down') {
          expect(h.status, `health while ${dependency} is down`).toBe(dependency === 'neo4j' ? 200 : 503);
          shown = true;
          break;
        }
      }
      expect(shown, `/api/health shows ${dependency} down`).toBe(true);
      const downFrom = Date.now();
      await sleep(3000);
      const downUntil = Date.now();
      await service.start();
      const upAt = Date.now();

      // While it was down: 503 problem+json naming it where it is needed, success elsewhere.
      const whileDown = samples.filter((s) => s.start >= downFrom && s.end <= downUntil && s.op !== 'health');
      for (const op of Object.keys(NEEDS) as (keyof typeof NEEDS)[]) {
        const mine = whileDown.filter((s) => s.op === op);
        expect(mine.length, `${op} was called while ${dependency} was down`).toBeGreaterThan(0);
        for (const s of mine) {
          if (NEEDS[op].includes(dependency)) {
            expect({ op, status: s.status, type: s.contentType }).toEqual({ op, status: 503, type: expect.stringContaining('application/problem+json') });
            expect(JSON.parse(s.body)).toMatchObject({ status: 503, dependency });
          } else {
            expect(succeeded(s) ? 'ok' : { op, status: s.status, body: s.body.slice(0, 300), whileDown: dependency }).toBe('ok');
          }
        }
      }

      // Full recovery within 10 s of its return: every request sent after that succeeds.
      await sleep(12_000);
      const recovered = samples.filter((s) => s.start >= upAt + 10_000);
      expect(new Set(recovered.map((s) => s.op)).size, `every operation ran after ${dependency} returned`).toBe(ops.length);
      expect(recovered.filter((s) => !succeeded(s)).map((s) => ({ op: s.op, status: s.status, body: s.body.slice(0, 200), after: s.start - upAt })), `10 s after ${dependency} returned`).toEqual([]);
      uptimes.push((await health()).body.uptimeSeconds);
    }
    stopLoad = true;
    await load;

    // Over the whole run: only 2xx and 503, none slower than 5 s, and the same API process throughout.
    expect(samples.length).toBeGreaterThan(100);
    expect(samples.filter((s) => !(succeeded(s) || s.status === 503)).map((s) => ({ op: s.op, status: s.status, body: s.body.slice(0, 300) }))).toEqual([]);
    expect(samples.filter((s) => s.end - s.start > 5000).map((s) => ({ op: s.op, ms: s.end - s.start, status: s.status }))).toEqual([]);
    expect(() => process.kill(api.pid!, 0)).not.toThrow();
    expect(uptimes).toEqual([...uptimes].sort((a, b) => a - b));
  }, 150_000);
});
