import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, type Db } from '../src/db/database.js';
import { clearScope } from '../src/graph/projection.js';
import { createTestDatabase, REPO_ROOT } from '../../scripts/lib/test-stack.mjs';
import { loadServicesEnv } from '../../scripts/lib/services-env.mjs';
import { EMBEDDED, startTestApp, type TestApp } from './support/harness.js';

const run = promisify(execFile);
const script = (name: string) => path.join(REPO_ROOT, 'scripts', name);

/** Every table of the public schema with its row count and a checksum of all its rows (in a stable order). */
async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(db);
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { tablename } of tables.rows) {
    const result = await sql<{ rows: number; md5: string }>`
      select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
        from ${sql.table(tablename)} t`.execute(db);
    out[tablename] = result.rows[0]!;
  }
  return out;
}

const sequences = async (db: Db) =>
  (await sql<{ name: string; value: string }>`select sequencename as name, coalesce(last_value, 0)::text as value from pg_sequences where schemaname = 'public' order by 1`.execute(db)).rows;

// scripts/backup and scripts/restore work on a PostgreSQL server (pg_dump, pg_restore); the embedded backend has none.
describe.skipIf(EMBEDDED)('scripts/backup and scripts/restore', () => {
  let t: TestApp;
  let target: Awaited<ReturnType<typeof createTestDatabase>>;
  let restored: Db;
  let work: string;
  const services = loadServicesEnv();
  const direct = neo4j.driver(services.NEO4J_URL ?? 'bolt://127.0.0.1:7687', neo4j.auth.basic(services.NEO4J_USER ?? 'neo4j', services.NEO4J_PASSWORD ?? ''));

  beforeAll(async () => {
    t = await startTestApp({ GRAPH_SYNC_INTERVAL_MS: '100', JOBS_POLL_MS: '60000' });
    target = await createTestDatabase();
    restored = connectPostgres(target.url, { poolMax: 2 });
    work = mkdtempSync(path.join(tmpdir(), 'nexus-backup-test-'));
  }, 120_000);
  afterAll(async () => {
    await clearScope(async (cypher, params) => {
      const result = await direct.executeQuery(cypher, params);
      return Number(result.records[0]?.get('n') ?? 0);
    }, target.name).catch(() => {});
    await direct.close();
    await restored?.destroy();
    await target?.drop();
    await t?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('restores a backup into an empty database with every row of every table, and rebuilds the graph from it', async () => {
    // Data in most tables, written through the API.
    const admin = await t.user('admin', 'Ada Admin');
    const sales = await t.user('sales', 'Sam Sales');
    const [asAdmin, asSales] = [t.client(admin), t.client(sales)];
    const { data: customer } = await asSales.call('createCustomer', {
      params: { header: { 'idempotency-key': randomUUID() } },
      body: { name: 'Marina Hotel', email: 'buyer@marina.test' },
    });
    const products: string[] = [];
    for (const [sku, name] of [['DRL-18', 'Drill 18V'], ['BAT-18', 'Battery 18V'], ['BIT-SET', 'Bit set']] as const) {
      const body = { sku, name, brand: 'Acme', category: 'Tools', currency: 'SGD', unitPriceMinor: 12_345, stockQuantity: 7 };
      products.push((await asAdmin.call('createProduct', { body })).data.id);
    }
    const { data: task } = await asAdmin.call('createTask', { body: { name: 'Drilling into concrete' } });
    await asAdmin.call('createRelation', { body: { type: 'ACCESSORY_OF', productId: products[1]!, relatedProductId: products[0]! } });
    await asAdmin.call('createRelation', { body: { type: 'USED_FOR', productId: products[0]!, taskId: task.id } });
    const quote = await asSales.call('createQuote', { body: { customerId: customer.id, title: 'Tools for the fit-out' } });
    const withLine = await asSales.call('addQuoteLine', {
      params: { path: { id: quote.data.id }, header: { 'if-match': quote.etag } },
      body: { productId: products[0]!, quantity: '2' },
    });
    expect(withLine.response.status).toBe(201);
    const { data: conversation } = await asSales.call('createConversation', { body: { title: 'Fit-out', memberIds: [admin.id], quoteId: quote.data.id } });
    await asSales.call('postMessage', { params: { path: { id: conversation.id } }, body: { text: 'Drills: 2 or 3?', clientMessageId: randomUUID() } });

    // Background loops (graph sync, quote announcements) may still be writing: let the graph sync
    // apply the outbox (on a loaded machine that takes a while), then back up until the database is
    // the same before and after the dump, and compare with that.
    for (const deadline = Date.now() + 120_000; ; ) {
      const pending = await t.deps.db.selectFrom('graph_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(pending.n) === 0) break;
      if (Date.now() > deadline) throw new Error(`the graph outbox did not drain: ${pending.n} markers left`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const file = path.join(work, 'nexus.dump');
    let source = await fingerprint(t.deps.db);
    for (let attempt = 1; ; attempt++) {
      const backup = await run(script('backup'), ['--database-url', t.env.DATABASE_URL!, '--out', file]);
      expect(backup.stdout).toContain(`wrote ${file}`);
      expect(backup.stdout + backup.stderr).not.toContain(new URL(t.env.DATABASE_URL!).password);
      const after = await fingerprint(t.deps.db);
      if (JSON.stringify(after) === JSON.stringify(source)) break;
      if (attempt === 10) {
        const changed = Object.keys(after).filter((table) => JSON.stringify(after[table]) !== JSON.stringify(source[table]));
        throw new Error(`the source database never stood still for a backup; still changing: ${changed.join(', ')}`);
      }
      source = after;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const table of ['users', 'customers', 'products', 'tasks', 'product_relations', 'quotes', 'quote_lines', 'conversations', 'messages', 'idempotency_keys', 'activity', 'token_families', 'refresh_tokens']) {
      expect(source[table]?.rows, table).toBeGreaterThan(0);
    }
    expect(statSync(file).mode & 0o077).toBe(0);

    const restore = await run(script('restore'), [file, '--database-url', target.url, '--rebuild-graph'], { timeout: 120_000 });
    expect(restore.stdout).toContain('restore: done');

    // Every table, every row, byte for byte (row text), and the sequences where they were.
    expect(await fingerprint(restored)).toEqual(source);
    expect(await sequences(restored)).toEqual(await sequences(t.deps.db));

    // The graph was rebuilt from the restored database, under its own scope.
    const count = async (cypher: string) => Number((await direct.executeQuery(cypher, { scope: target.name })).records[0]?.get('n'));
    expect(await count('MATCH (n:Product {scope: $scope}) RETURN count(n) AS n')).toBe(products.length);
    expect(await count('MATCH (n:Task {scope: $scope}) RETURN count(n) AS n')).toBe(1);
    const edges = await direct.executeQuery('MATCH (a {scope: $scope})-[r]->(b {scope: $scope}) RETURN count(r) AS n', { scope: target.name });
    expect(Number(edges.records[0]?.get('n'))).toBeGreaterThanOrEqual(2);

    // A restore never mixes into a database that has data.
    const again = await run(script('restore'), [file, '--database-url', target.url]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has');
    expect(await fingerprint(restored)).toEqual(source);
  }, 180_000);
});
