import { AbortedTransactionError, sql, type Generated } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migrations/index.js';
import { databaseBackends, type DatabaseUnderTest, type Opened } from '../support/backends.js';

// The database contract: what the API relies on from PostgreSQL, pinned for
// the embedded engine (PGlite in-process) and the server alike.
describe.each(databaseBackends)('database contract: $backend', (backend) => {
  let opened: Opened<DatabaseUnderTest>;
  const db = () => opened.subject.db;

  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.close());

  it('runs every migration, and a second run has nothing to do', async () => {
    const first = await migrateToLatest(db());
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((name) => [name, 'Success']));
    const second = await migrateToLatest(db());
    expect(second.results).toEqual([]);
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db());
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['users', 'customers', 'activity']));
  });

  it('round-trips values with the same JavaScript types', async () => {
    await sql`create table kinds (
      id uuid primary key default gen_random_uuid(), at timestamptz not null default now(), doc jsonb,
      tags text[], amount bigint, blob bytea, price numeric(12, 2))`.execute(db());
    const at = new Date('2026-03-04T05:06:07.089Z');
    await sql`insert into kinds (at, doc, tags, amount, blob, price)
      values (${at}, ${JSON.stringify({ a: [1, 'two'] })}, ${['x', 'y,z', 'q"']}, ${9_000_000_000}, ${Buffer.from('hi')}, ${'12.50'})`.execute(db());
    const { rows } = await sql<Record<string, unknown>>`select *, (select count(*) from kinds) as n from kinds`.execute(db());
    const row = rows[0]!;
    expect(row['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(row['at']).toEqual(at);
    expect(row['doc']).toEqual({ a: [1, 'two'] });
    expect(row['tags']).toEqual(['x', 'y,z', 'q"']);
    expect(row['amount']).toBe(9_000_000_000); // int8 → number (db/database.ts)
    expect(row['n']).toBe(1);
    expect(Buffer.isBuffer(row['blob']) && row['blob'].toString()).toBe('hi');
    expect(row['price']).toBe('12.50');
  });

  it('selects what it inserted through kysely, with affected-row counts', async () => {
    await sql`create table notes (id serial primary key, body text not null unique)`.execute(db());
    const anyDb = db().withTables<{ notes: { id: Generated<number>; body: string } }>();
    const inserted = await anyDb.insertInto('notes').values([{ body: 'a' }, { body: 'b' }]).returning('id').execute();
    expect(inserted).toHaveLength(2);
    const updated = await anyDb.updateTable('notes').set({ body: 'c' }).where('body', '=', 'b').executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    expect(await anyDb.selectFrom('notes').select('body').orderBy('body').execute()).toEqual([{ body: 'a' }, { body: 'c' }]);
  });

  it('reports constraint violations with their SQLSTATE and constraint name', async () => {
    const anyDb = db().withTables<{ notes: { id: Generated<number>; body: string } }>();
    const error = await anyDb.insertInto('notes').values({ body: 'a' }).execute().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 'notes_body_key' });
  });

  it('rolls a transaction back when its callback throws', async () => {
    await sql`create table ledger (id int primary key, balance int not null)`.execute(db());
    await sql`insert into ledger values (1, 0)`.execute(db());
    await expect(
      db().transaction().execute(async (trx) => {
        await sql`update ledger set balance = 100 where id = 1`.execute(trx);
        await sql`insert into ledger values (2, 5)`.execute(trx);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await sql<{ id: number; balance: number }>`select * from ledger order by id`.execute(db())).rows).toEqual([{ id: 1, balance: 0 }]);
  });

  it('refuses to commit a transaction that a failed statement aborted', async () => {
    await expect(
      db().transaction().execute(async (trx) => {
        await sql`update ledger set balance = 7 where id = 1`.execute(trx);
        await sql`insert into ledger values (1, 0)`.execute(trx).catch(() => {}); // duplicate key, swallowed
      }),
    ).rejects.toBeInstanceOf(AbortedTransactionError);
    expect((await sql<{ balance: number }>`select balance from ledger where id = 1`.execute(db())).rows[0]?.balance).toBe(0);
  });

  it('serialises concurrent transactions: no lost update, and a failing one leaves the others intact', async () => {
    const increments = Array.from({ length: 20 }, (_, i) =>
      db()
        .transaction()
        .execute(async (trx) => {
          const { rows } = await sql<{ balance: number }>`select balance from ledger where id = 1 for update`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 1));
          await sql`update ledger set balance = ${rows[0]!.balance + 1} where id = 1`.execute(trx);
          if (i % 5 === 4) throw new Error(`transaction ${i} fails`);
        }),
    );
    const outcomes = await Promise.allSettled(increments);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(4);
    expect((await sql<{ balance: number }>`select balance from ledger where id = 1`.execute(db())).rows[0]?.balance).toBe(16);
  });

  it('has pg_trgm: similarity, the % operator and trigram indexes', async () => {
    const { rows } = await sql<{ close: number; far: number; matches: boolean }>`
      select similarity('hammer drill', 'hamer dril') as close, similarity('hammer drill', 'safety gloves') as far,
             'impact driver' % 'impakt driver' as matches`.execute(db());
    expect(rows[0]!.close).toBeGreaterThan(0.4);
    expect(rows[0]!.far).toBeLessThan(0.1);
    expect(rows[0]!.matches).toBe(true);
    await sql`create table words (w text not null)`.execute(db());
    await sql`create index words_trgm on words using gin (w gin_trgm_ops)`.execute(db());
    await sql`insert into words values ('cordless drill'), ('drill bit set'), ('work gloves')`.execute(db());
    const found = await sql<{ w: string }>`select w from words where w % 'cordles dril' order by similarity(w, 'cordles dril') desc`.execute(db());
    expect(found.rows[0]?.w).toBe('cordless drill');
  });

  it('keeps committed data across a restart', async () => {
    await sql`insert into ledger values (3, 33)`.execute(db());
    const again = await opened.subject.reopen();
    expect((await sql<{ balance: number }>`select balance from ledger where id = 3`.execute(again)).rows[0]?.balance).toBe(33);
    expect((await migrateToLatest(again)).results).toEqual([]);
  });
});
