import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { AppDeps } from '../../src/deps.js';
import type { Role } from '../../src/http/schemas.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { insertUser } from '../../src/repositories/users.js';
import { startRuntime } from '../../src/runtime.js';
import { testApiEnv } from '../../../scripts/lib/test-stack.mjs';

export const JSON_HEADERS = { 'content-type': 'application/json' };

/**
 * The real app on the project's real services (fresh database, own Redis key
 * prefix), driven in-process through `app.request`.
 */
export async function startTestApp(overrides: Record<string, string> = {}) {
  const { env, database } = await testApiEnv({ LOG_LEVEL: 'silent', ...overrides });
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
      await runtime.close();
      await database.drop();
    },
  };
  return harness;
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
