// The single-machine default through the SDK: the real API started with nothing
// configured (embedded PostgreSQL, in-process Redis roles), a user created with
// the SDK, Ctrl-C, a restart on the same data, and that user signs in.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createNexusClient } from '../src/index.js';
import { startEmbeddedApi, type RunningApi, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';

describe('against the API in single-machine mode', () => {
  const running: RunningApi[] = [];
  let dataDir: string | undefined;
  afterAll(async () => {
    for (const api of running) await api.stop('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a user created through the SDK survives Ctrl-C and a restart', async () => {
    const first = await startEmbeddedApi();
    running.push(first);
    dataDir = first.dataDir;
    if (!first.admin) throw new Error(`the API printed no admin credentials:\n${first.output()}`);
    const { data: adminTokens } = await createNexusClient({ baseUrl: first.baseUrl }).call('login', { body: first.admin });
    const admin = createNexusClient({ baseUrl: first.baseUrl, token: () => adminTokens.accessToken });
    const { data: created } = await admin.call('createUser', {
      body: { email: 'lee@example.com', name: 'Lee Viewer', role: 'viewer', password: 'lee-long-password' },
    });
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await startEmbeddedApi({ dataDir });
    running.push(second);
    const { data: tokens } = await createNexusClient({ baseUrl: second.baseUrl }).call('login', {
      body: { email: 'lee@example.com', password: 'lee-long-password' },
    });
    const lee = createNexusClient({ baseUrl: second.baseUrl, token: () => tokens.accessToken });
    const { data: me } = await lee.call('getCurrentUser');
    expect(me).toMatchObject({ id: created.id, email: 'lee@example.com', role: 'viewer' });
    expect(await second.stop('SIGINT')).toBe(0);
  }, 2 * STARTUP_DEADLINE_MS + 60_000);
});
