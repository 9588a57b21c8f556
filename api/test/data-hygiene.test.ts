import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { connectPostgres, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { clearScope } from '../src/graph/projection.js';
import { drainGraphOutbox } from '../src/graph/sync.js';
import { enqueueJob, finishJob } from '../src/repositories/jobs.js';
import { enqueueGraphSync } from '../src/repositories/outbox.js';
import { insertTask } from '../src/repositories/tasks.js';
import { insertUser } from '../src/repositories/users.js';
import { createOnce } from '../src/services/idempotency.js';
import { sweepExpiredData } from '../src/services/maintenance/retention.js';
import { createTestDatabase } from '../../scripts/lib/test-stack.mjs';
import { loadServicesEnv } from '../../scripts/lib/services-env.mjs';
import { databaseBackends, silentLogger, sleep, type DatabaseUnderTest, type Opened } from './support/backends.js';

const config = loadConfig({ NODE_ENV: 'test', IDEMPOTENCY_KEY_TTL_HOURS: '24', SESSION_RETENTION_DAYS: '7', JOBS_RETENTION_DAYS: '14' });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(databaseBackends)('retention sweep: $backend', (backend) => {
  let opened: Opened<DatabaseUnderTest>;
  const db = () => opened.subject.db;
  let userId: string;
  const deps = () => ({ db: db(), logger: silentLogger, config });

  beforeAll(async () => {
    opened = await backend.open();
    await migrateToLatest(db());
    userId = (await insertUser(db(), { email: 'ret@example.test', name: 'Ret', role: 'admin', password_hash: 'x' })).id;
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });

  const backdate = (table: 'idempotency_keys' | 'token_families', column: string, where: string, value: string, ms: number) =>
    sql`update ${sql.table(table)} set ${sql.ref(column)} = now() - make_interval(secs => ${ms / 1000}) where ${sql.ref(where)} = ${value}`.execute(db());

  it('honours an Idempotency-Key for IDEMPOTENCY_KEY_TTL_HOURS, then sweeps it so that the key creates anew', async () => {
    let created = 0;
    const create = async () => ({ n: ++created });
    const request = (key: string) => ({ userId, key, operation: 'test', payload: { a: 1 } });
    expect((await createOnce(db(), request('young'), create)).replayed).toBe(false);
    expect((await createOnce(db(), request('old'), create)).replayed).toBe(false);
    await backdate('idempotency_keys', 'created_at', 'key', 'old', 25 * HOUR);
    await backdate('idempotency_keys', 'created_at', 'key', 'young', 23 * HOUR);

    const report = await sweepExpiredData(deps());
    expect(report.idempotencyKeys).toBe(1);
    const keys = await db().selectFrom('idempotency_keys').select('key').where('user_id', '=', userId).execute();
    expect(keys.map((k) => k.key)).toEqual(['young']);
    // The young key still replays; the swept one is a new request.
    expect(await createOnce(db(), request('young'), create)).toEqual({ value: { n: 1 }, replayed: true });
    expect(await createOnce(db(), request('old'), create)).toEqual({ value: { n: 3 }, replayed: false });
  });

  it('removes sessions ended and refresh tokens expired more than SESSION_RETENTION_DAYS ago, never a live one', async () => {
    const family = async () => (await db().insertInto('token_families').values({ user_id: userId }).returning('id').executeTakeFirstOrThrow()).id;
    const token = (familyId: string, expiresInMs: number) =>
      db()
        .insertInto('refresh_tokens')
        .values({ family_id: familyId, token_hash: randomUUID(), expires_at: new Date(Date.now() + expiresInMs) })
        .returning('id')
        .executeTakeFirstOrThrow();
    const live = await family();
    await token(live, 30 * DAY);
    const revokedLongAgo = await family();
    await token(revokedLongAgo, 30 * DAY);
    await db().updateTable('token_families').set({ revoked_at: new Date(Date.now() - 8 * DAY) }).where('id', '=', revokedLongAgo).execute();
    const revokedRecently = await family();
    await db().updateTable('token_families').set({ revoked_at: new Date(Date.now() - DAY) }).where('id', '=', revokedRecently).execute();
    const expiredLongAgo = await family();
    await token(expiredLongAgo, -8 * DAY);
    await backdate('token_families', 'created_at', 'id', expiredLongAgo, 40 * DAY);
    const expiredRecently = await family();
    const recentToken = await token(expiredRecently, -DAY);
    await backdate('token_families', 'created_at', 'id', expiredRecently, 40 * DAY);

    const report = await sweepExpiredData(deps());
    expect(report.refreshTokens).toBe(1);
    expect(report.sessions).toBe(2);
    const families = new Set((await db().selectFrom('token_families').select('id').execute()).map((f) => f.id));
    expect(families.has(live)).toBe(true);
    expect(families.has(revokedRecently)).toBe(true);
    expect(families.has(expiredRecently)).toBe(true);
    expect(families.has(revokedLongAgo)).toBe(false);
    expect(families.has(expiredLongAgo)).toBe(false);
    const tokens = await db().selectFrom('refresh_tokens').select(['id', 'family_id']).execute();
    expect(tokens.some((t) => t.id === recentToken.id)).toBe(true);
    expect(tokens.every((t) => families.has(t.family_id))).toBe(true);
  });

  it('removes jobs finished more than JOBS_RETENTION_DAYS ago and never a queued or running one', async () => {
    const old = await enqueueJob(db(), { kind: 'test.retention' });
    await finishJob(db(), old.id, undefined, { status: 'done' });
    const failedOld = await enqueueJob(db(), { kind: 'test.retention' });
    await finishJob(db(), failedOld.id, undefined, { status: 'failed', error: 'boom' });
    const recent = await enqueueJob(db(), { kind: 'test.retention' });
    await finishJob(db(), recent.id, undefined, { status: 'done' });
    const queuedOld = await enqueueJob(db(), { kind: 'test.retention' });
    const past = new Date(Date.now() - 15 * DAY);
    await db().updateTable('jobs').set({ finished_at: past, created_at: past }).where('id', 'in', [old.id, failedOld.id]).execute();
    await db().updateTable('jobs').set({ created_at: past, run_after: past }).where('id', '=', queuedOld.id).execute();

    const report = await sweepExpiredData(deps());
    expect(report.jobs).toBe(2);
    const left = (await db().selectFrom('jobs').select('id').where('kind', '=', 'test.retention').execute()).map((j) => j.id).sort();
    expect(left).toEqual([recent.id, queuedOld.id].sort());
  });
});

/** A TCP proxy that can stall: bytes to the server are held back until resume() (a Neo4j that stops answering). */
async function stallingProxy(host: string, port: number) {
  let stalled = false;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  let bytesWhileStalled = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.on('data', (chunk) => {
      if (stalled) {
        bytesWhileStalled += chunk.length;
        held.push(() => upstream.write(chunk));
      } else upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    stall() {
      stalled = true;
    },
    get bytesWhileStalled() {
      return bytesWhileStalled;
    },
    resume() {
      stalled = false;
      for (const flush of held.splice(0)) flush();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('graph sync and PostgreSQL transactions', () => {
  const services = loadServicesEnv();
  const neo4jUrl = new URL(services.NEO4J_URL ?? 'bolt://127.0.0.1:7687');
  const auth = neo4j.auth.basic(services.NEO4J_USER ?? 'neo4j', services.NEO4J_PASSWORD ?? '');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Db;
  let observer: Db;
  let direct: Driver;
  let viaProxy: Driver;
  let proxy: Awaited<ReturnType<typeof stallingProxy>>;
  const scope = `test:hygiene:${randomUUID()}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = connectPostgres(database.url, { poolMax: 3 });
    observer = connectPostgres(database.url, { poolMax: 1 });
    await migrateToLatest(db);
    proxy = await stallingProxy(neo4jUrl.hostname, Number(neo4jUrl.port || 7687));
    direct = neo4j.driver(services.NEO4J_URL!, auth);
    viaProxy = neo4j.driver(`bolt://127.0.0.1:${proxy.port}`, auth);
    await viaProxy.getServerInfo();
  }, 120_000);
  afterAll(async () => {
    proxy?.resume();
    await clearScope(async (cypher, params) => {
      const result = await direct.executeQuery(cypher, params);
      return Number(result.records[0]?.get('n') ?? 0);
    }, scope).catch(() => {});
    await viaProxy?.close();
    await direct?.close();
    await proxy?.close();
    await observer?.destroy();
    await db?.destroy();
    await database?.drop();
  });

  it('holds no PostgreSQL transaction open while Neo4j does not answer, and applies the batch once it does', async () => {
    const task = await insertTask(db, { name: 'Tiling a bathroom', description: null }, null);
    await enqueueGraphSync(db, [{ kind: 'task', entityId: task.id }]);

    // Neo4j's liveness is asked directly; the writes go through the proxy, which stops forwarding.
    const graph = { getServerInfo: () => direct.getServerInfo(), session: (...args: Parameters<Driver['session']>) => viaProxy.session(...args) } as Driver;
    proxy.stall();
    const drained = drainGraphOutbox({ db, graph, scope, logger: silentLogger });
    const deadline = Date.now() + 20_000;
    while (proxy.bytesWhileStalled === 0) {
      if (Date.now() > deadline) throw new Error('the sync never wrote to Neo4j');
      await sleep(20);
    }
    // The drain now waits on Neo4j: no session of this database is inside a transaction, and the
    // outbox can be locked exclusively at once (an open transaction that read it would prevent that).
    for (let i = 0; i < 5; i++) {
      const open = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`.execute(observer);
      expect(open.rows[0]?.n).toBe(0);
      await observer.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '1s'`.execute(trx);
        await sql`lock table graph_outbox in access exclusive mode`.execute(trx);
      });
      await sleep(100);
    }
    expect(await Promise.race([drained.then(() => 'finished'), sleep(200).then(() => 'waiting')])).toBe('waiting');

    proxy.resume();
    expect(await drained).toBe(1);
    const pending = await db.selectFrom('graph_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
    const nodes = await direct.executeQuery('MATCH (t:Task {id: $id, scope: $scope}) RETURN t.name AS name', { id: task.id, scope });
    expect(nodes.records.map((r) => r.get('name'))).toEqual(['Tiling a bathroom']);
  }, 60_000);

  it('writes nothing when the outbox is empty: an idle drainer leaves the lease row alone', async () => {
    expect(Number((await db.selectFrom('graph_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0);
    // A lease another process left behind when it died, run out: a drainer with work would take it over.
    await db.updateTable('graph_sync_lease').set({ holder: 'gone', expires_at: new Date(Date.now() - 60_000) }).execute();
    try {
      expect(await drainGraphOutbox({ db, graph: direct, scope, logger: silentLogger }, { holder: 'idle' })).toBe(0);
      expect(await db.selectFrom('graph_sync_lease').select('holder').executeTakeFirstOrThrow()).toEqual({ holder: 'gone' });
    } finally {
      await db.updateTable('graph_sync_lease').set({ holder: null, expires_at: null }).execute();
    }
  });

  it('lets one drainer at a time work: a second one finds the lease taken and applies nothing', async () => {
    const task = await insertTask(db, { name: 'Painting a fence', description: null }, null);
    await enqueueGraphSync(db, [{ kind: 'task', entityId: task.id }]);
    const graph = { getServerInfo: () => direct.getServerInfo(), session: (...args: Parameters<Driver['session']>) => viaProxy.session(...args) } as Driver;
    proxy.stall();
    const before = proxy.bytesWhileStalled;
    const first = drainGraphOutbox({ db, graph, scope, logger: silentLogger }, { holder: 'first' });
    while (proxy.bytesWhileStalled === before) await sleep(20);
    expect(await drainGraphOutbox({ db, graph: direct, scope, logger: silentLogger }, { holder: 'second' })).toBe(0);
    proxy.resume();
    expect(await first).toBe(1);
    const lease = await db.selectFrom('graph_sync_lease').selectAll().executeTakeFirstOrThrow();
    expect(lease.holder).toBeNull();
  }, 60_000);
});
