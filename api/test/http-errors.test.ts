import type { Health, Problem } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createApp } from '../src/app.js';
import { connectPostgres } from '../src/db/database.js';
import { freePort } from '../../scripts/lib/test-stack.mjs';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['user']>>;
beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  sales = await t.user('sales');
});
afterAll(async () => t?.close());

const expectProblem = async (response: Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\//), title: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|select |insert /i);
  return body;
};

describe('problem+json for every error', () => {
  it('404 for an unknown route', async () => {
    await expectProblem(await t.request('/api/nothing-here'), 404);
  });

  it('405 with Allow for a known path and a wrong method', async () => {
    const response = await t.request('/api/health', { method: 'DELETE' });
    await expectProblem(response, 405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('405 lists the methods of the most specific resource where templates overlap', async () => {
    // `/api/documents/recent` also fits `/api/documents/{id}`, whose DELETE is not a method of the recent list.
    const recent = await t.request('/api/documents/recent', { method: 'OPTIONS', headers: sales.auth });
    await expectProblem(recent, 405);
    expect(recent.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const document = await t.request('/api/documents/00000000-0000-4000-8000-000000000000', { method: 'OPTIONS', headers: sales.auth });
    await expectProblem(document, 405);
    expect(document.headers.get('allow')).toBe('DELETE, GET, HEAD, OPTIONS');
    // Nor is the literal path handed to the document's route as an id.
    const deleteRecent = await t.request('/api/documents/recent', { method: 'DELETE', headers: sales.auth });
    await expectProblem(deleteRecent, 405);
    expect(deleteRecent.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect((await t.request('/api/documents/recent', { headers: sales.auth })).status).toBe(200);
  });

  it('415 for a body that is not JSON', async () => {
    const response = await t.request('/api/customers', {
      method: 'POST',
      headers: { ...sales.auth, 'content-type': 'text/plain' },
      body: 'name=x',
    });
    await expectProblem(response, 415);
  });

  it('413 for a body over the limit', async () => {
    const response = await t.request('/api/customers', {
      method: 'POST',
      headers: { ...JSON_HEADERS, ...sales.auth },
      body: JSON.stringify({ name: 'x'.repeat(5000) }),
    });
    await expectProblem(response, 413);
  });

  it('400 for malformed JSON and for a missing required body', async () => {
    await expectProblem(await t.request('/api/customers', { method: 'POST', headers: { ...JSON_HEADERS, ...sales.auth }, body: '{"name":' }), 400);
    await expectProblem(await t.request('/api/customers', { method: 'POST', headers: sales.auth }), 400);
  });

  it('400 for NUL characters', async () => {
    await expectProblem(
      await t.request('/api/customers', { method: 'POST', headers: { ...JSON_HEADERS, ...sales.auth }, body: '{"name":"a\\u0000b"}' }),
      400,
    );
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.request('/api/health', { headers: { 'x-request-id': 'trace-12345678' } });
    expect(given.headers.get('x-request-id')).toBe('trace-12345678');
    const made = await t.request('/api/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('health', () => {
  it('reports each dependency with a measured latency', async () => {
    const response = await t.request('/api/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Health;
    expect(body.status).toBe('ok');
    for (const name of ['postgres', 'redis', 'neo4j']) {
      expect(body.checks[name]?.status, name).toBe('up');
      expect(body.checks[name]?.latencyMs).toBeGreaterThan(0);
    }
  });
});

describe('when the datastores are down', () => {
  it('answers 503 problem+json — never invented data, never a 500', async () => {
    // Real clients pointed at a port where nothing listens: every query fails as in an outage.
    const deadPort = await freePort();
    const db = connectPostgres(`postgres://nobody:nothing@127.0.0.1:${deadPort}/none`, { poolMax: 1 });
    const redis = new Redis(`redis://127.0.0.1:${deadPort}`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    redis.on('error', () => {});
    const healthProbes = t.deps.healthProbes.map((probe) =>
      probe.name === 'postgres'
        ? { ...probe, check: async () => void (await db.selectFrom('users').select('id').limit(1).execute()) }
        : probe.name === 'redis'
          ? { ...probe, check: async () => void (await redis.ping()) }
          : probe,
    );
    const app = createApp({ ...t.deps, db, healthProbes, logger: pino({ level: 'silent' }) });
    try {
      const dashboard = await app.request('/api/dashboard');
      const body = await expectProblem(dashboard, 503);
      expect(body['dependency']).toBe('postgres');
      const health = await app.request('/api/health');
      // A 503 problem that carries the health report's checks.
      const healthBody = (await expectProblem(health, 503)) as Problem & Pick<Health, 'checks'>;
      expect(healthBody.checks['postgres']?.status).toBe('down');
      expect(healthBody.checks['redis']?.status).toBe('down');
    } finally {
      await db.destroy();
      redis.disconnect();
    }
  });
});
