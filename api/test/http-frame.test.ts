import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';

/**
 * The per-request middleware was trimmed for speed (CORS only for requests
 * with an Origin, no body-limit stream for GETs, headers set without rebuilding
 * responses): what every response carries must not change.
 */
let t: TestApp;
let viewer: Awaited<ReturnType<TestApp['user']>>;
const ORIGIN = 'http://localhost:3010';
beforeAll(async () => {
  t = await startTestApp({ CORS_ORIGINS: ORIGIN });
  viewer = await t.user('viewer');
});
afterAll(async () => t?.close());

describe('headers of every response', () => {
  it.each([
    ['a 200', '/api/customers?limit=5', true],
    ['a 401 problem', '/api/customers?limit=5', false],
    ['a 404 problem', '/api/customers/00000000-0000-4000-8000-000000000000', true],
  ])('%s carries the security headers, X-Request-Id and Vary: Origin', async (_, path, authenticated) => {
    const response = await t.request(path, { headers: authenticated ? viewer.auth : {} });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-site');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a browser from an allowed origin with the CORS headers, on success and on a problem', async () => {
    for (const headers of [{ origin: ORIGIN, ...viewer.auth }, { origin: ORIGIN }]) {
      const response = await t.request('/api/customers?limit=5', { headers });
      expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(response.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers a preflight from an allowed origin, and none from another', async () => {
    const preflight = (origin: string) =>
      t.request('/api/customers', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    const allowed = await preflight(ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect((await preflight('http://evil.test')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('still limits the body of a POST (413)', async () => {
    const response = await t.request('/api/customers', {
      method: 'POST',
      headers: { ...viewer.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});
