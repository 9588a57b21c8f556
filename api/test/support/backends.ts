import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectRedis } from '@nexus/realtime';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { connectPostgres, type Db } from '../../src/db/database.js';
import { openEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import type { Backend } from '../../src/infra/backend.js';
import { createTestDatabase } from '../../../scripts/lib/test-stack.mjs';
import { loadServicesEnv } from '../../../scripts/lib/services-env.mjs';

/**
 * The two backends each interface's contract suite runs against: `embedded`
 * (in this process) and `server` (the project's real PostgreSQL and Redis from
 * .data/services.env). Use with `describe.each(backends(...))`.
 */
export interface BackendCase<T> {
  backend: Backend;
  /** A fresh, isolated instance; `close` releases it and whatever it created. */
  open(): Promise<Opened<T>>;
}
export interface Opened<T> {
  subject: T;
  close(): Promise<void>;
}

export const silentLogger = pino({ level: 'silent' });

/** A database, with `reopen()`: close and connect again to the same data (a restart). */
export interface DatabaseUnderTest {
  db: Db;
  reopen(): Promise<Db>;
}

export const databaseBackends: BackendCase<DatabaseUnderTest>[] = [
  {
    backend: 'embedded',
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'nexus-pglite-'));
      let engine = await openEmbeddedPostgres(path.join(dir, 'pglite'));
      const subject: DatabaseUnderTest = {
        db: engine.db,
        async reopen() {
          await engine.close();
          engine = await openEmbeddedPostgres(path.join(dir, 'pglite'));
          subject.db = engine.db;
          return engine.db;
        },
      };
      return {
        subject,
        async close() {
          await engine.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    backend: 'server',
    async open() {
      const database = await createTestDatabase();
      let db = connectPostgres(database.url, { poolMax: 5 });
      const subject: DatabaseUnderTest = {
        db,
        async reopen() {
          await db.destroy();
          db = connectPostgres(database.url, { poolMax: 5 });
          subject.db = db;
          return db;
        },
      };
      return {
        subject,
        async close() {
          await db.destroy();
          await database.drop();
        },
      };
    },
  },
];

/** A Redis connection under a key prefix of its own, so test runs never meet. */
export async function testRedis(): Promise<{ redis: Redis; keyPrefix: string; close(): Promise<void> }> {
  const { REDIS_URL } = loadServicesEnv();
  if (!REDIS_URL) throw new Error('REDIS_URL is missing from .data/services.env: run scripts/services up redis');
  const keyPrefix = `test:contract:${randomBytes(6).toString('hex')}:`;
  const redis = await connectRedis(REDIS_URL, { keyPrefix });
  return {
    redis,
    keyPrefix,
    async close() {
      // Every key the suites write has a TTL; delete what is left anyway.
      const raw = redis.duplicate({ keyPrefix: '' });
      await raw.connect();
      let cursor = '0';
      do {
        const [next, keys] = await raw.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
        if (keys.length > 0) await raw.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await raw.quit();
      await redis.quit();
    },
  };
}

/** One role's embedded and Redis-backed adapters as contract cases; `release` runs before the connection closes. */
export function redisRoleBackends<T>(
  embedded: () => T,
  server: (redis: Redis, keyPrefix: string) => T,
  release: (subject: T) => Promise<void> = async () => {},
): BackendCase<T>[] {
  return [
    {
      backend: 'embedded',
      async open() {
        const subject = embedded();
        return { subject, close: () => release(subject) };
      },
    },
    {
      backend: 'server',
      async open() {
        const connection = await testRedis();
        const subject = server(connection.redis, connection.keyPrefix);
        return {
          subject,
          async close() {
            await release(subject);
            await connection.close();
          },
        };
      },
    },
  ];
}

/**
 * Polls until `check` returns true (for asynchronous deliveries). A check that
 * asks something (a request, a query) is awaited before the next one starts.
 * The deadline only bounds a failure: generous, so a slow, loaded machine
 * (CI) is not mistaken for a delivery that never comes.
 */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
