// Test helpers shared by the API, SDK, contract and browser tests: throwaway
// databases on the project's PostgreSQL, and the real API started as a process.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadServicesEnv } from './services-env.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromApi = createRequire(path.join(REPO_ROOT, 'api/package.json'));

/** A free TCP port on loopback (bound and released; good enough for tests). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates an empty database `nexus_test_<random>` on the services' PostgreSQL.
 * Returns its URL and a `drop()` that removes it.
 */
export async function createTestDatabase(services = loadServicesEnv()) {
  const pg = requireFromApi('pg');
  const adminUrl = services.DATABASE_ADMIN_URL ?? services.DATABASE_URL;
  const name = `nexus_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(services.DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Drops a database `createTestDatabase` made (by its URL), e.g. one kept across an API restart. */
export async function dropTestDatabase(url, services = loadServicesEnv()) {
  const pg = requireFromApi('pg');
  const name = new URL(url).pathname.slice(1);
  if (!/^nexus_test_[0-9a-f]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const client = new pg.Client({ connectionString: services.DATABASE_ADMIN_URL ?? services.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * Environment for an API process on the project's real services, isolated from
 * other tests: its own database, Redis key prefix and data dir.
 */
export async function testApiEnv(overrides = {}) {
  const services = loadServicesEnv();
  const database = await createTestDatabase(services);
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    REDIS_URL: services.REDIS_URL,
    REDIS_KEY_PREFIX: `test:${database.name}:`,
    ...(services.NEO4J_URL
      ? { NEO4J_URL: services.NEO4J_URL, NEO4J_USER: services.NEO4J_USER, NEO4J_PASSWORD: services.NEO4J_PASSWORD }
      : {}),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'nexus-test-')),
    BCRYPT_COST: '4',
    ...overrides,
  };
  return { env, database };
}

/**
 * Starts the real API server (`api/src/server.ts`) as a child process on a
 * free port with a fresh database, waits until it answers, and returns its URL,
 * the first-admin credentials it printed, and `stop()`.
 */
export async function startApi({ env: overrides = {}, keepDatabase = false } = {}) {
  const port = await freePort();
  const { env, database } = await testApiEnv({ PORT: String(port), ...overrides });
  const api = await launchApi(env, port);
  return {
    ...api,
    async stop(signal = 'SIGTERM') {
      const code = await api.stop(signal);
      if (!keepDatabase) await database.drop();
      return code;
    },
  };
}

/**
 * Starts the real API in single-machine mode: no DATABASE_URL, REDIS_URL or
 * NEO4J_URL, so PostgreSQL is embedded (PGlite under `dataDir`) and the Redis
 * roles are in-process. Pass the same `dataDir` again to restart on the same
 * data; by default a new temporary one.
 */
export async function startEmbeddedApi({ dataDir = mkdtempSync(path.join(tmpdir(), 'nexus-embedded-')), env: overrides = {} } = {}) {
  const port = await freePort();
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    // The chat gateway runs inside the embedded API: on a free port, so parallel tests do not collide on 8001.
    CHAT_PORT: '0',
    DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    ...overrides,
  };
  return { ...(await launchApi(env, port)), dataDir };
}

/**
 * Starts the API again on the environment of one that was stopped (same
 * database, port and data dir): a restart after a crash.
 */
export function restartApi(env) {
  return launchApi(env, Number(env.PORT));
}

/**
 * How long a started API or chat gateway process may take to answer. Generous:
 * each start loads the TypeScript sources through tsx (and, embedded, opens
 * PGlite and migrates), which took 56 s on a 2-core machine under the load of
 * a full test run beside other work; the deadline only bounds a process that
 * never comes up. Tests that start processes give their hooks and tests
 * STARTUP_DEADLINE_MS for each start.
 */
export const STARTUP_DEADLINE_MS = 180_000;

async function launchApi(env, port) {
  // `node --import tsx`, not the tsx CLI: one process, so signals reach the server's own handlers
  // (the CLI relays them and SIGKILLs a child that is busy for 30 ms).
  const child = spawn(process.execPath, ['--conditions=@nexus/source', '--import', 'tsx', 'src/server.ts'], {
    cwd: path.join(REPO_ROOT, 'api'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode} during start:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200 || response.status === 503) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`API did not answer within ${STARTUP_DEADLINE_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const email = /email:\s+(\S+)/.exec(output)?.[1];
  const password = /password:\s+(\S+)/.exec(output)?.[1];
  return {
    baseUrl,
    env,
    /** The API process's id (its memory can be read from /proc/<pid>/status). */
    pid: child.pid,
    admin: email && password ? { email, password } : undefined,
    output: () => output,
    /** Sends `signal` (SIGTERM, or SIGINT as Ctrl-C does), waits up to 15 s, then kills; resolves with the exit code. */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        let handle;
        const timer = new Promise((resolve) => (handle = setTimeout(resolve, 15_000, 'timeout')));
        const outcome = await Promise.race([exited, timer]);
        clearTimeout(handle);
        if (outcome === 'timeout') child.kill('SIGKILL');
      }
      return exited;
    },
  };
}

/**
 * Starts a chat gateway process (`chat/src/server.ts`) on a free port against
 * the API at `api` (a running API from startApi: its Redis and key prefix are
 * reused, so API events reach the gateway). Resolves once GET /ready answers 200.
 * `env.CHAT_PORT` chooses the port.
 */
export async function startChatGateway(api, { env: overrides = {} } = {}) {
  // CHAT_PORT in `env`: that port (e.g. to restart an instance where its clients reconnect); otherwise a free one.
  const port = overrides.CHAT_PORT ? Number(overrides.CHAT_PORT) : await freePort();
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    CHAT_PORT: String(port),
    API_URL: api.baseUrl,
    ...(api.env.REDIS_URL ? { REDIS_URL: api.env.REDIS_URL, REDIS_KEY_PREFIX: api.env.REDIS_KEY_PREFIX } : {}),
    ...(api.env.JWT_ISSUER ? { JWT_ISSUER: api.env.JWT_ISSUER } : {}),
    ...(api.env.CORS_ORIGINS ? { CORS_ORIGINS: api.env.CORS_ORIGINS } : {}),
    ...overrides,
  };
  const child = spawn(process.execPath, ['--conditions=@nexus/source', '--import', 'tsx', 'src/server.ts'], {
    cwd: path.join(REPO_ROOT, 'chat'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + STARTUP_DEADLINE_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`chat gateway exited with ${child.exitCode} during start:\n${output}`);
    try {
      const response = await fetch(`${httpUrl}/ready`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`chat gateway not ready within ${STARTUP_DEADLINE_MS / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    httpUrl,
    pid: child.pid,
    output: () => output,
    exited,
    /** Sends `signal` (SIGTERM: graceful, SIGKILL: a crash) and resolves with the exit code or signal. */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      return exited;
    },
  };
}
