import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createNexusClient } from '@nexus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedApi, STARTUP_DEADLINE_MS, type RunningApi } from '../../scripts/lib/test-stack.mjs';

// The single-machine default end to end: the real server process with nothing
// configured, stopped with Ctrl-C (SIGINT) and started again on the same data.
// Through the SDK over the server's socket, without retries: each answer is seen as sent.
const client = (api: RunningApi, token?: string) => createNexusClient({ baseUrl: api.baseUrl, retry: false, ...(token ? { token } : {}) });
const login = (api: RunningApi, email: string, password: string) => client(api).call('login', { body: { email, password } });

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('single-machine mode (no DATABASE_URL, REDIS_URL, NEO4J_URL)', () => {
  let dataDir: string | undefined;
  const running: RunningApi[] = [];
  afterAll(async () => {
    for (const api of running) await api.stop('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a user created through the API across Ctrl-C and a restart, finishing the request in flight', async () => {
    // The operations listener (METRICS_PORT) shows the request in flight and the drain.
    const metricsPort = await freePort();
    const ops = `http://127.0.0.1:${metricsPort}`;
    const first = await startEmbeddedApi({ env: { METRICS_PORT: String(metricsPort) } });
    running.push(first);
    dataDir = first.dataDir;
    expect(first.admin, first.output()).toBeDefined();

    const { data: health } = await client(first).call('getHealth');
    expect(health.checks['postgres']).toMatchObject({ status: 'up', detail: expect.stringMatching(/^embedded/) });
    expect(health.checks['redis']).toMatchObject({ status: 'up', detail: expect.stringMatching(/^embedded/) });
    expect(health.checks['neo4j']).toMatchObject({ status: 'disabled', detail: expect.stringMatching(/NEO4J_URL/) });
    expect(first.output()).toMatch(/database\s+embedded/);

    const adminLogin = await login(first, first.admin!.email, first.admin!.password);
    expect(adminLogin.response.status).toBe(200);
    const created = await client(first, adminLogin.data.accessToken).call('createUser', {
      body: { email: 'kim@example.com', name: 'Kim Sales', role: 'sales', password: 'kims-long-password' },
    });
    expect(created.response.status).toBe(201);

    // A login whose body arrives in two parts (by hand: no client sends half a body and waits): the first
    // now, the second once Ctrl-C took effect. So the request is in flight when the signal comes, however
    // slow the machine, and can only be answered after it.
    const body = JSON.stringify({ email: 'kim@example.com', password: 'kims-long-password' });
    let inFlight: ReturnType<typeof httpRequest> | undefined;
    const answered = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
      const req = httpRequest(`${first.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, at: Date.now() }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      inFlight = req;
    });
    await until('the login to reach the server', async () => /^nexus_http_requests_in_flight\{[^}]*\} 1$/m.test(await (await fetch(`${ops}/metrics`)).text()));
    const signalledAt = Date.now();
    const exitCode = first.stop('SIGINT');
    await until('readiness 503 (draining)', async () => (await fetch(`${ops}/ready`)).status === 503);
    inFlight!.end(body.slice(10));
    const response = await answered;
    expect(response.status, response.body).toBe(200);
    expect(response.at).toBeGreaterThan(signalledAt);
    expect(await exitCode, first.output()).toBe(0);

    const second = await startEmbeddedApi({ dataDir });
    running.push(second);
    expect(second.admin, 'no new first admin on a database with users').toBeUndefined();
    const again = await login(second, 'kim@example.com', 'kims-long-password');
    expect(again.response.status).toBe(200);
    expect(again.data.user.name).toBe('Kim Sales');
    expect(await second.stop('SIGINT')).toBe(0);
  }, 2 * STARTUP_DEADLINE_MS + 120_000);
});
