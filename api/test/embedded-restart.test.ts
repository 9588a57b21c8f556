import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedApi, type RunningApi } from '../../scripts/lib/test-stack.mjs';

// The single-machine default end to end: the real server process with nothing
// configured, stopped with Ctrl-C (SIGINT) and started again on the same data.
// Plain fetch here (the api package does not depend on the SDK); the same story
// through @nexus/sdk is sdk/test/single-machine.test.ts.
const json = { 'content-type': 'application/json' };

async function login(api: RunningApi, email: string, password: string) {
  return fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
}

describe('single-machine mode (no DATABASE_URL, REDIS_URL, NEO4J_URL)', () => {
  let dataDir: string | undefined;
  const running: RunningApi[] = [];
  afterAll(async () => {
    for (const api of running) await api.stop('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps a user created through the API across Ctrl-C and a restart, finishing the request in flight', async () => {
    // bcrypt cost 12: a login takes long enough to still be running when Ctrl-C arrives.
    const first = await startEmbeddedApi({ env: { BCRYPT_COST: '12' } });
    running.push(first);
    dataDir = first.dataDir;
    expect(first.admin, first.output()).toBeDefined();

    const health = (await (await fetch(`${first.baseUrl}/api/health`)).json()) as { checks: Record<string, { status: string; detail?: string }> };
    expect(health.checks['postgres']).toMatchObject({ status: 'up', detail: expect.stringMatching(/^embedded/) });
    expect(health.checks['redis']).toMatchObject({ status: 'up', detail: expect.stringMatching(/^embedded/) });
    expect(health.checks['neo4j']).toMatchObject({ status: 'disabled', detail: expect.stringMatching(/NEO4J_URL/) });
    expect(first.output()).toMatch(/database\s+embedded/);

    const adminLogin = await login(first, first.admin!.email, first.admin!.password);
    expect(adminLogin.status).toBe(200);
    const { accessToken } = (await adminLogin.json()) as { accessToken: string };
    const created = await fetch(`${first.baseUrl}/api/users`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ email: 'kim@example.com', name: 'Kim Sales', role: 'sales', password: 'kims-long-password' }),
    });
    expect(created.status).toBe(201);

    const inFlight = login(first, 'kim@example.com', 'kims-long-password').then((response) => ({ response, at: Date.now() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalledAt = Date.now();
    const exitCode = first.stop('SIGINT');
    const { response, at } = await inFlight;
    expect(response.status).toBe(200);
    expect(at).toBeGreaterThan(signalledAt);
    expect(await exitCode, first.output()).toBe(0);

    const second = await startEmbeddedApi({ dataDir });
    running.push(second);
    expect(second.admin, 'no new first admin on a database with users').toBeUndefined();
    const again = await login(second, 'kim@example.com', 'kims-long-password');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { user: { name: string } }).user.name).toBe('Kim Sales');
    expect(await second.stop('SIGINT')).toBe(0);
  }, 120_000);
});
