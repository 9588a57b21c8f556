import { rmSync } from 'node:fs';
import { createNexusClient } from '@nexus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedApi, type RunningApi } from '../../scripts/lib/test-stack.mjs';

// The single-machine default end to end: the real server process with nothing
// configured, stopped with Ctrl-C (SIGINT) and started again on the same data.
// Through the SDK over the server's socket, without retries: each answer is seen as sent.
const client = (api: RunningApi, token?: string) => createNexusClient({ baseUrl: api.baseUrl, retry: false, ...(token ? { token } : {}) });
const login = (api: RunningApi, email: string, password: string) => client(api).call('login', { body: { email, password } });

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

    const inFlight = login(first, 'kim@example.com', 'kims-long-password').then((response) => ({ response, at: Date.now() }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalledAt = Date.now();
    const exitCode = first.stop('SIGINT');
    const { response, at } = await inFlight;
    expect(response.response.status).toBe(200);
    expect(at).toBeGreaterThan(signalledAt);
    expect(await exitCode, first.output()).toBe(0);

    const second = await startEmbeddedApi({ dataDir });
    running.push(second);
    expect(second.admin, 'no new first admin on a database with users').toBeUndefined();
    const again = await login(second, 'kim@example.com', 'kims-long-password');
    expect(again.response.status).toBe(200);
    expect(again.data.user.name).toBe('Kim Sales');
    expect(await second.stop('SIGINT')).toBe(0);
  }, 120_000);
});
