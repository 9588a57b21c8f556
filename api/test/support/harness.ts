import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createNexusClient, type NexusClient } from '@nexus/sdk';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import type { Role } from '../../src/http/schemas.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { insertUser } from '../../src/repositories/users.js';
import { startRuntime } from '../../src/runtime.js';
import { clearScope } from '../../src/graph/projection.js';
import { graphScope } from '../../src/graph/scope.js';
import { testApiEnv } from '../../../scripts/lib/test-stack.mjs';
import { loadServicesEnv } from '../../../scripts/lib/services-env.mjs';

export const JSON_HEADERS = { 'content-type': 'application/json' };

/** The suites run on the single-machine backends (one process owns the embedded database; no pg_dump, no shared Redis). */
export const EMBEDDED = process.env['NEXUS_TEST_BACKEND'] === 'embedded';

/** The origin the in-process app is addressed by: no socket, the app answers the Request itself. */
const IN_PROCESS_ORIGIN = 'http://nexus.test';

/**
 * The real app on the project's real services (fresh database, own Redis key
 * prefix), driven in-process through `app.request`.
 *
 * With NEXUS_TEST_BACKEND=embedded the same suites run on the single-machine
 * backends instead (PGlite in a temporary DATA_DIR, Redis roles in-process;
 * Neo4j stays the real one when it is up):
 *   NEXUS_TEST_BACKEND=embedded npx vitest run
 */
export async function startTestApp(overrides: Record<string, string> = {}) {
  // Most suites read no document: the reader's worker thread starts with the first one, not with every app.
  const base = { LOG_LEVEL: 'silent', DOCUMENT_PARSER_START: 'first-document', ...overrides };
  const { env, database } = process.env['NEXUS_TEST_BACKEND'] === 'embedded' ? embeddedTestEnv(base) : await testApiEnv(base);
  const config = loadConfig(env);
  const runtime = await startRuntime(config, pino({ level: 'silent' }));
  const app = createApp(runtime.deps);
  let counter = 0;

  const harness = {
    app,
    deps: runtime.deps as AppDeps,
    config,
    env,
    request: (path: string, init?: RequestInit) => app.request(path, init),
    /**
     * The SDK every consumer uses, with the in-process app as its network, acting
     * for `user` (anonymous without one). No retries: a test sees each answer as sent.
     */
    client(user?: { accessToken: string }): NexusClient {
      return createNexusClient({
        baseUrl: IN_PROCESS_ORIGIN,
        fetch: async (request) => app.fetch(request),
        retry: false,
        ...(user ? { token: user.accessToken } : {}),
      });
    },
    /** A user straight in the database, logged in through the API. */
    async user(role: Role = 'sales', name = `${role} user`) {
      counter += 1;
      const email = `${role}.${counter}.${Date.now()}@example.com`;
      const password = `pw-${role}-${counter}-long-enough`;
      const row = await insertUser(runtime.deps.db, {
        email,
        name,
        role,
        password_hash: await hashPassword(password, config.BCRYPT_COST),
      });
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      const tokens = (await response.json()) as { accessToken: string; refreshToken: string };
      return { id: row.id, email, password, ...tokens, auth: { authorization: `Bearer ${tokens.accessToken}` } };
    },
    async close() {
      // Leave nothing behind in the shared Neo4j: remove this test's graph scope.
      const graph = runtime.deps.graph;
      if (graph) {
        await clearScope(async (cypher, params) => {
          const result = await graph.executeQuery(cypher, params);
          return Number(result.records[0]?.get('n') ?? 0);
        }, graphScope(config)).catch(() => {});
      }
      await runtime.close();
      await database.drop();
    },
  };
  return harness;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

function embeddedTestEnv(overrides: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nexus-test-embedded-'));
  const services = loadServicesEnv({ required: false });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    BCRYPT_COST: '4',
    ...(services['NEO4J_URL']
      ? {
          NEO4J_URL: services['NEO4J_URL'],
          NEO4J_USER: services['NEO4J_USER'] ?? 'neo4j',
          NEO4J_PASSWORD: services['NEO4J_PASSWORD'] ?? '',
          GRAPH_SCOPE: `test-embedded-${randomBytes(6).toString('hex')}`,
        }
      : {}),
    ...overrides,
  };
  return { env, database: { drop: async () => rmSync(dataDir, { recursive: true, force: true }) } };
}
