import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { ProductRelationRow, TaskRow } from '../db/schema.js';
import type { RelationType } from '../domain/catalogue/relation-types.js';
import { claimGraphSyncLease, deleteOutboxRows, oldestOutboxRows, outboxHasRows, releaseGraphSyncLease, type OutboxRow } from '../repositories/outbox.js';
import { findProductsByIds, type ProductRecord } from '../repositories/products.js';
import { pairWeights, relationsByIds } from '../repositories/relations.js';
import {
  removeProductNodes,
  removeRelationEdges,
  removeTaskNodes,
  setQuotedWith,
  upsertProductNodes,
  upsertRelationEdges,
  upsertTaskNodes,
  type ProductNode,
  type RelationEdge,
} from './projection.js';

export const toProductNode = (row: ProductRecord): ProductNode => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  brand: row.brand,
  category: row.category,
  active: row.active,
  inStock: row.stock_quantity > 0,
  unitPriceMinor: Number(row.unit_price_minor),
  currency: row.currency,
});

export const toRelationEdge = (row: ProductRelationRow): RelationEdge => ({
  id: row.id,
  type: row.type,
  from: row.product_id,
  to: (row.type === 'USED_FOR' ? row.task_id : row.related_product_id) ?? '',
  note: row.note,
});

export interface GraphSyncDeps {
  db: Db;
  graph: Driver;
  scope: string;
  logger: Logger;
}

/** What one batch of outbox markers asks Neo4j to look like: read from PostgreSQL before Neo4j is touched. */
interface OutboxBatch {
  rows: readonly OutboxRow[];
  products: Map<string, ProductRecord>;
  productIds: string[];
  tasks: TaskRow[];
  taskIds: string[];
  relations: ProductRelationRow[];
  goneRelations: { id: string; from: string; type: RelationType | undefined }[];
  pairKeys: string[];
  weights: Map<string, number>;
}

/** Reads the current state of the entities a batch of markers names (one short read transaction). */
async function readBatch(trx: Db, rows: readonly OutboxRow[]): Promise<OutboxBatch> {
  const idsOf = (kind: OutboxRow['kind']) => [...new Set(rows.filter((r) => r.kind === kind).map((r) => r.entity_id))];
  const productIds = idsOf('product');
  const taskIds = idsOf('task');
  const relationIds = idsOf('relation');
  const pairKeys = idsOf('pair');

  const products = await findProductsByIds(trx, productIds);
  const tasks: TaskRow[] = taskIds.length > 0 ? await trx.selectFrom('tasks').selectAll().where('id', 'in', taskIds).execute() : [];
  const relations = await relationsByIds(trx, relationIds);
  const liveRelations = new Set(relations.map((r) => r.id));
  const goneRelations = rows
    .filter((r) => r.kind === 'relation' && !liveRelations.has(r.entity_id))
    .map((r) => ({ id: r.entity_id, from: String((r.payload as { productId?: string } | null)?.productId ?? ''), type: (r.payload as { type?: RelationType } | null)?.type }))
    .filter((r) => r.from !== '');
  const weights = await pairWeights(trx, pairKeys);
  return { rows, products, productIds, tasks, taskIds, relations, goneRelations, pairKeys, weights };
}

/** Applies one batch to Neo4j in a single Neo4j transaction (no PostgreSQL transaction is open meanwhile). */
async function applyBatch(deps: GraphSyncDeps, batch: OutboxBatch): Promise<void> {
  const { products, tasks, relations, pairKeys, weights } = batch;
  const session = deps.graph.session();
  const tx = session.beginTransaction();
  try {
    await upsertProductNodes(tx, deps.scope, [...products.values()].map(toProductNode));
    await upsertTaskNodes(tx, deps.scope, tasks.map((t) => ({ id: t.id, name: t.name })));
    await upsertRelationEdges(tx, deps.scope, relations.map(toRelationEdge));
    await setQuotedWith(
      tx,
      deps.scope,
      pairKeys.map((key) => {
        const [a, b] = key.split('|') as [string, string];
        return { a, b, weight: weights.get(key) ?? 0 };
      }),
    );
    await removeRelationEdges(tx, batch.goneRelations);
    await removeProductNodes(tx, batch.productIds.filter((id) => !products.has(id)));
    await removeTaskNodes(tx, batch.taskIds.filter((id) => !tasks.some((t) => t.id === id)));
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => {});
    throw error;
  } finally {
    await session.close().catch(() => {});
  }
}

/** How long a drainer holds the lease per batch; another process takes over after this if it died. */
export const GRAPH_SYNC_LEASE_SECONDS = 120;

const drainerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Drains the outbox to Neo4j, oldest first, until it is empty. For each batch
 * the markers and the current state of their entities are read in one short
 * PostgreSQL transaction, which ends before Neo4j is written: a slow or
 * unreachable Neo4j never holds a PostgreSQL transaction (or, embedded, the
 * single connection) open. The markers are deleted only after Neo4j
 * committed; a change made meanwhile writes a new marker, which the next
 * batch applies. One drainer at a time works per database (a lease row,
 * taken and released by autocommitted statements). Returns how many markers
 * were applied (0 also when another process holds the lease).
 */
export async function drainGraphOutbox(deps: GraphSyncDeps, options: { batchSize?: number; holder?: string } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const holder = options.holder ?? drainerId;
  // Fail fast, before PostgreSQL is asked anything, when Neo4j is unreachable.
  await deps.graph.getServerInfo();
  let total = 0;
  // Nothing waiting, nothing written: the lease is taken only for work. (Taking and releasing it every
  // round made an idle API write to the database forever, twice a round, so it never stood still.)
  if (!(await outboxHasRows(deps.db))) return 0;
  if (!(await claimGraphSyncLease(deps.db, holder, GRAPH_SYNC_LEASE_SECONDS))) return 0;
  try {
    for (;;) {
      const batch = await deps.db.transaction().execute(async (trx) => {
        const rows = await oldestOutboxRows(trx, batchSize);
        return rows.length === 0 ? undefined : readBatch(trx, rows);
      });
      if (!batch) return total;
      await applyBatch(deps, batch);
      await deleteOutboxRows(deps.db, batch.rows.map((r) => r.id));
      total += batch.rows.length;
      if (batch.rows.length < batchSize) return total;
      if (!(await claimGraphSyncLease(deps.db, holder, GRAPH_SYNC_LEASE_SECONDS))) return total;
    }
  } finally {
    await releaseGraphSyncLease(deps.db, holder).catch((error: unknown) => deps.logger.warn({ err: error }, 'graph sync: could not release the drain lease; it runs out by itself'));
  }
}
