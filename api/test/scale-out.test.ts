import { randomUUID } from 'node:crypto';
import type { ResponseOf } from '@nexus/sdk';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Db } from '../src/db/database.js';
import { dropTestDatabase, freePort, restartApi, startApi, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';

/**
 * Issue 13 "Done when" (API part): two API processes on one PostgreSQL and
 * one Redis. Mixed load across both; one is SIGKILLed mid-run and the clients
 * retry a failed create on the other instance with the same Idempotency-Key.
 * Every acknowledged (2xx) write is found afterwards, and none exists twice.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('scale-out: two API instances, one killed mid-run', () => {
  let a: Awaited<ReturnType<typeof startApi>>;
  let b: Awaited<ReturnType<typeof restartApi>>;
  let db: Db;

  beforeAll(async () => {
    a = await startApi({ keepDatabase: true, env: { LOGIN_LIMIT_PER_IP: '100000' } });
    // The second instance: same database, Redis prefix and signing key (DATA_DIR), its own port.
    b = await restartApi({ ...a.env, PORT: String(await freePort()) });
    db = connectPostgres(a.env.DATABASE_URL!, { poolMax: 2 });
  }, 2 * STARTUP_DEADLINE_MS + 60_000);
  afterAll(async () => {
    await db?.destroy();
    await b?.stop();
    await a?.stop();
    if (a?.env.DATABASE_URL) await dropTestDatabase(a.env.DATABASE_URL);
  });

  it('loses no acknowledged write and creates none twice when an instance is SIGKILLed under load', async () => {
    const json = { 'content-type': 'application/json' };
    const login = await fetch(`${a.baseUrl}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(a.admin) });
    expect(login.status).toBe(200);
    const auth = { ...json, authorization: `Bearer ${((await login.json()) as ResponseOf<'login'>).accessToken}` };
    const instances = [a.baseUrl, b.baseUrl];

    interface Write {
      key: string;
      name: string;
      id?: string;
      attempts: { instance: number; status: number | string }[];
    }
    const writes: Write[] = [];
    const reads: number[] = [];
    let killed = false;

    /** One create: sent to `first`, retried with the same key and body on the other instance after a failure. */
    const create = async (first: number) => {
      const write: Write = { key: randomUUID(), name: `scale-${randomUUID()}`, attempts: [] };
      writes.push(write);
      for (let attempt = 0; attempt < 6 && !write.id; attempt++) {
        const instance = (first + attempt) % 2;
        try {
          const response = await fetch(`${instances[instance]}/api/customers`, {
            method: 'POST',
            headers: { ...auth, 'idempotency-key': write.key },
            body: JSON.stringify({ name: write.name, email: 'buyer@scale.test' }),
            signal: AbortSignal.timeout(10_000),
          });
          write.attempts.push({ instance, status: response.status });
          if (response.status === 201) write.id = ((await response.json()) as ResponseOf<'createCustomer'>).id;
          else await response.body?.cancel();
        } catch (error) {
          write.attempts.push({ instance, status: String((error as Error).cause ?? error) });
        }
        if (!write.id) await sleep(100);
      }
    };
    const read = async (instance: number) => {
      try {
        const response = await fetch(`${instances[instance]}/api/customers?limit=5`, { headers: auth, signal: AbortSignal.timeout(10_000) });
        reads.push(response.status);
        await response.body?.cancel();
      } catch {
        reads.push(0);
      }
    };

    // Four clients, mixed writes and reads spread over both instances, for a bounded number of rounds.
    const clients = [0, 1, 2, 3].map(async (client) => {
      for (let round = 0; round < 30; round++) {
        const instance = (client + round) % 2;
        await create(instance);
        if (round % 3 === 0) await read(instance);
      }
    });
    // Kill instance A once the load is under way.
    const killer = (async () => {
      while (writes.filter((w) => w.id).length < 20) await sleep(20);
      killed = true;
      process.kill(a.pid!, 'SIGKILL');
    })();
    await Promise.all([...clients, killer]);
    expect(killed).toBe(true);

    // Some writes were sent to A after it died and went through on B.
    expect(writes.some((w) => w.attempts.length > 1 && w.id)).toBe(true);
    // Every write was acknowledged in the end (B stayed up), with a 201.
    expect(writes.filter((w) => !w.id).map((w) => w.attempts)).toEqual([]);

    const rows = await sql<{ name: string; id: string }>`select name, id from customers where name like 'scale-%'`.execute(db);
    const byName = new Map<string, string[]>();
    for (const row of rows.rows) byName.set(row.name, [...(byName.get(row.name) ?? []), row.id]);
    // Every acknowledged write is there, under the id the client was given, exactly once.
    for (const write of writes) expect({ name: write.name, ids: byName.get(write.name) ?? [] }).toEqual({ name: write.name, ids: [write.id] });
    // And nothing else was created: one row per write.
    expect(rows.rows.length).toBe(writes.length);
    // B answered its reads throughout.
    expect(reads.filter((s) => s !== 200 && s !== 0)).toEqual([]);
  }, 120_000);
});
