import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * The graph outbox: markers of entities whose Neo4j projection is stale,
 * written in the same transaction as the change. The sync worker re-reads the
 * entity's current state, so markers are idempotent and order-insensitive.
 */
export type OutboxKind = 'product' | 'task' | 'relation' | 'pair';

export interface OutboxEntry {
  kind: OutboxKind;
  entityId: string;
  /** What the worker needs once the entity is gone (a deleted relation's type and ends). */
  payload?: Record<string, unknown>;
}

export interface OutboxRow {
  id: number;
  kind: OutboxKind;
  entity_id: string;
  payload: unknown;
}

export async function enqueueGraphSync(db: Db, entries: readonly OutboxEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    const chunk = entries.slice(i, i + 1000);
    await db
      .insertInto('graph_outbox')
      .values(chunk.map((e) => ({ kind: e.kind, entity_id: e.entityId, payload: e.payload === undefined ? null : JSON.stringify(e.payload) })))
      .execute();
  }
}

/** Whether any marker waits (one index probe; writes nothing). */
export async function outboxHasRows(db: Db): Promise<boolean> {
  const row = await db.selectFrom('graph_outbox').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

export function oldestOutboxRows(trx: Db, limit: number): Promise<OutboxRow[]> {
  return trx.selectFrom('graph_outbox').select(['id', 'kind', 'entity_id', 'payload']).orderBy('id').limit(limit).execute();
}

export async function deleteOutboxRows(trx: Db, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('graph_outbox').where('id', 'in', ids).execute();
}

/** Drops every marker up to `maxId` (after a rebuild reflected them all). */
export async function deleteOutboxUpTo(db: Db, maxId: number): Promise<void> {
  await db.deleteFrom('graph_outbox').where('id', '<=', maxId).execute();
}

export async function outboxStatus(db: Db): Promise<{ pending: number; maxId: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('graph_outbox')
    .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.max('id').as('max_id'), eb.fn.min('created_at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), maxId: Number(row.max_id ?? 0), oldest: row.oldest ? new Date(row.oldest) : null };
}

/**
 * Takes the drain lease (one drainer at a time per database) for `holder`, or
 * renews it; false while another holder's lease runs. An autocommitted
 * statement, so no transaction stays open while the holder waits on Neo4j; a
 * holder that dies frees it when the lease runs out.
 */
export async function claimGraphSyncLease(db: Db, holder: string, leaseSeconds: number): Promise<boolean> {
  const result = await sql<{ holder: string }>`
    update graph_sync_lease
       set holder = ${holder}, expires_at = now() + make_interval(secs => ${leaseSeconds})
     where holder is null or holder = ${holder} or expires_at < now()
     returning holder`.execute(db);
  return result.rows.length > 0;
}

export async function releaseGraphSyncLease(db: Db, holder: string): Promise<void> {
  await db.updateTable('graph_sync_lease').set({ holder: null, expires_at: null }).where('holder', '=', holder).execute();
}
