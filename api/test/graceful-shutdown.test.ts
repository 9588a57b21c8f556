import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { createNexusClient, type ResponseOf } from '@nexus/sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, STARTUP_DEADLINE_MS, freePort, restartApi, startApi, dropTestDatabase, type RunningApi } from '../../scripts/lib/test-stack.mjs';

/**
 * SIGTERM on the real API process: readiness turns 503, the listener stops
 * accepting, a request in flight — its body still arriving — completes and its
 * write is kept, then the process exits 0. And NEXUS_ROLE splits the HTTP API
 * from the background work: an `api` process queues an import, a `worker`
 * process (no HTTP API; health and metrics on METRICS_PORT) runs it.
 */

const started: RunningApi[] = [];
afterAll(async () => {
  for (const api of started) await api.stop('SIGKILL').catch(() => {});
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The SDK on a running server's socket, without retries: each answer is seen as sent. */
const client = (api: RunningApi, token?: string) => createNexusClient({ baseUrl: api.baseUrl, retry: false, ...(token ? { token } : {}) });

async function login(api: RunningApi): Promise<string> {
  const { data, response } = await client(api).call('login', { body: { email: api.admin!.email, password: api.admin!.password } });
  expect(response.status).toBe(200);
  return data.accessToken;
}

describe('graceful shutdown', () => {
  it('SIGTERM: readiness answers 503 draining, new connections are refused, a request in flight completes and is kept, the process exits 0', { timeout: 2 * STARTUP_DEADLINE_MS + 120_000 }, async () => {
    const metricsPort = await freePort();
    const api = await startApi({ env: { METRICS_PORT: String(metricsPort), LOG_LEVEL: 'info' }, keepDatabase: true });
    started.push(api);
    const ops = `http://127.0.0.1:${metricsPort}`;
    try {
      // Ready, on the contract's operation and on the operations listener.
      const ready = await fetch(`${api.baseUrl}/api/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
      expect((await fetch(`${ops}/ready`)).status).toBe(200);
      expect(await (await fetch(`${ops}/health`)).json()).toMatchObject({ status: 'ok', role: 'all' });
      const token = await login(api);

      // A create whose body arrives in two parts (by hand: no client sends half a body and waits): the first now, the second after SIGTERM took effect.
      const body = JSON.stringify({ name: 'Drained Pte Ltd', notes: 'x'.repeat(2_000) });
      let inFlight: ReturnType<typeof httpRequest> | undefined;
      const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(`${api.baseUrl}/api/customers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.write(body.slice(0, 1_000));
        inFlight = req;
      });
      // The server has it (headers read, body pending) before the signal is sent.
      await until('the request to reach the server', async () =>
        /^nexus_http_requests_in_flight\{[^}]*\} 1$/m.test(await (await fetch(`${ops}/metrics`)).text()) ? true : undefined,
      );

      const exited = api.stop('SIGTERM');
      // Draining: readiness says so on the operations listener, which stays up until the end…
      const draining = await until('readiness 503', async () => {
        const r = await fetch(`${ops}/ready`);
        return r.status === 503 ? ((await r.json()) as { status: string }) : undefined;
      });
      expect(draining.status).toBe('draining');
      // …and the API port takes no new connection.
      await until('the listener to close', async () => fetch(`${api.baseUrl}/api/health`).then(() => undefined, () => true));

      inFlight!.end(body.slice(1_000));
      const answered = await response;
      expect(answered.status, answered.body).toBe(201);
      const created = JSON.parse(answered.body) as ResponseOf<'createCustomer'>;
      expect(created.name).toBe('Drained Pte Ltd');
      expect(await exited).toBe(0);
      expect(api.output()).toMatch(/shutting down: finishing in-flight requests and jobs/);
      expect(api.output()).toMatch(/"msg":"stopped"/);

      // The write survived the shutdown.
      const again = await restartApi(api.env);
      started.push(again);
      const token2 = await login({ ...again, admin: api.admin });
      const read = await client(again, token2).call('getCustomer', { params: { path: { id: created.id } } });
      expect(read.response.status).toBe(200);
      expect(await again.stop('SIGTERM')).toBe(0);
    } finally {
      await dropTestDatabase(api.env.DATABASE_URL!).catch(() => {});
    }
  });
});

describe('NEXUS_ROLE', () => {
  it('an api process queues an import and leaves it; a worker process with no HTTP API runs it and answers health and metrics on METRICS_PORT', { timeout: 2 * STARTUP_DEADLINE_MS + 180_000 }, async () => {
    const api = await startApi({ env: { NEXUS_ROLE: 'api', JOBS_POLL_MS: '100' }, keepDatabase: true });
    started.push(api);
    const workerMetrics = await freePort();
    const workerPort = await freePort();
    const worker = spawn(process.execPath, ['--conditions=@nexus/source', '--import', 'tsx', 'src/server.ts'], {
      cwd: path.join(REPO_ROOT, 'api'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...api.env, NEXUS_ROLE: 'worker', PORT: String(workerPort), METRICS_PORT: String(workerMetrics), JOBS_POLL_MS: '100', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let workerOutput = '';
    worker.stdout.on('data', (chunk: Buffer) => (workerOutput += chunk));
    worker.stderr.on('data', (chunk: Buffer) => (workerOutput += chunk));
    const workerExited = new Promise((resolve) => worker.once('exit', (code, signal) => resolve(code ?? signal)));
    try {
      const token = await login(api);
      // A raw text/csv body, one of the contract's media types (the SDK sends a file as multipart).
      const queued = await fetch(`${api.baseUrl}/api/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: 'sku,name,price\nROLE-1,Role split widget,12.50\n',
      });
      expect(queued.status, await queued.clone().text()).toBe(202);
      const job = (await queued.json()) as ResponseOf<'createImport'>;
      const status = async () => (await client(api, token).call('getImport', { params: { path: { id: job.id } } })).data.status;
      // The api process alone never runs it: it is still queued when the worker comes up.
      expect(await status()).toBe('queued');

      await until('the worker to be ready', async () => ((await fetch(`http://127.0.0.1:${workerMetrics}/ready`)).status === 200 ? true : undefined), STARTUP_DEADLINE_MS);
      expect(await (await fetch(`http://127.0.0.1:${workerMetrics}/health`)).json()).toMatchObject({ status: 'ok', role: 'worker' });
      // No HTTP API in the worker.
      await expect(fetch(`http://127.0.0.1:${workerPort}/api/health`)).rejects.toThrow();
      expect(await until('the import to finish', async () => {
        const s = await status();
        return s === 'succeeded' || s === 'failed' ? s : undefined;
      }, 60_000)).toBe('succeeded');

      const metrics = await (await fetch(`http://127.0.0.1:${workerMetrics}/metrics`)).text();
      expect(metrics).toMatch(/nexus_job_duration_seconds_count\{[^}]*kind="catalogue\.import"[^}]*outcome="done"[^}]*\} 1/);
      expect(metrics).toMatch(/# TYPE nexus_job_queue_depth gauge/);
      expect(metrics).toMatch(/nexus_db_pool_connections\{[^}]*state="max"[^}]*\} 10/);

      worker.kill('SIGTERM');
      expect(await workerExited, workerOutput).toBe(0);
      expect(await api.stop('SIGTERM')).toBe(0);
    } finally {
      if (worker.exitCode === null) worker.kill('SIGKILL');
      await dropTestDatabase(api.env.DATABASE_URL!).catch(() => {});
    }
  });
});
