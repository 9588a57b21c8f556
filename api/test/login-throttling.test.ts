import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddressFrom } from '../src/http/client-address.js';
import { startTestApp, type TestApp } from './support/harness.js';
import { listen } from './support/http-server.js';

// The API behind one trusted proxy (the dashboard's server), on a real socket.
let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  t = await startTestApp({ TRUSTED_PROXY_HOPS: '1', LOGIN_LIMIT_PER_IP: '30', LOGIN_LIMIT_FAILURES_PER_ACCOUNT: '5' });
  server = await listen(t);
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

const login = (email: string, password: string, forwardedFor?: string) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ email, password }),
  });

describe('login throttling', () => {
  it('counts parallel wrong passwords for one account before checking them: the excess gets 429', async () => {
    const user = await t.user('sales');
    const answers = await Promise.all(Array.from({ length: 20 }, () => login(user.email, 'wrong-password-guess', '198.51.100.20')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(answers.find((answer) => answer.status === 429)?.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('does not let 31 failed logins from one address lock out the right password from another', async () => {
    const owner = await t.user('admin');
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) statuses.push((await login(owner.email, `wrong-password-${i}`, '198.51.100.7')).status);
    expect(statuses).toContain(429);
    expect((await login(owner.email, owner.password, '198.51.100.7')).status).toBe(429);
    expect((await login(owner.email, owner.password, '198.51.100.8')).status).toBe(200);
  });

  it('ignores X-Forwarded-For entries left of the trusted hops, which the client writes itself', async () => {
    const user = await t.user('viewer');
    const statuses: number[] = [];
    // Our proxy appends what it saw (here 127.0.0.2); everything left of it is the client's say-so.
    for (let i = 0; i < 40; i += 1) statuses.push((await login(user.email, `wrong-${i}-password`, `203.0.113.${i}, 127.0.0.2`)).status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
  });
});

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddressFrom('192.0.2.1', '203.0.113.9', 0)).toBe('192.0.2.1');
  });

  it('is the entry as many hops from the right as there are trusted proxies', () => {
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9, 198.51.100.1', 1)).toBe('198.51.100.1');
    expect(clientAddressFrom('10.0.0.2', '203.0.113.9, 198.51.100.1, 10.0.0.1', 2)).toBe('198.51.100.1');
  });

  it('is the furthest known link when a request came through fewer proxies than configured', () => {
    expect(clientAddressFrom('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddressFrom('10.0.0.2', '198.51.100.1', 3)).toBe('198.51.100.1');
  });
});
