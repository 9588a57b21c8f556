import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import type { ProductRelationRow, TaskRow } from '../db/schema.js';
import type { RelationType } from '../domain/catalogue/relation-types.js';
import { deleteOutboxRows, oldestOutboxRows, tryLockOutbox, type OutboxRow } from '../repositories/outbox.js';
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

/** Applies one batch of outbox markers to Neo4j in a single Neo4j transaction. */
async function applyMarkers(trx: Db, deps: GraphSyncDeps, rows: readonly OutboxRow[]): Promise<void> {
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
    await removeRelationEdges(tx, goneRelations);
    await removeProductNodes(tx, productIds.filter((id) => !products.has(id)));
    await removeTaskNodes(tx, taskIds.filter((id) => !tasks.some((t) => t.id === id)));
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => {});
    throw error;
  } finally {
    await session.close().catch(() => {});
  }
}

/**
 * Drains the outbox to Neo4j, oldest first, until it is empty. A batch's
 * markers are deleted only after Neo4j committed it, in the transaction that
 * read them; if Neo4j is down nothing is lost and the next call retries.
 * Returns how many markers were applied (0 also when another process holds
 * the drain lock).
 */
export async function drainGraphOutbox(deps: GraphSyncDeps, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  // Fail fast, before a PostgreSQL transaction is open, when Neo4j is
  // unreachable: the embedded database has a single connection, and holding it
  // while the driver waits out its connection timeout would stall every request.
  await deps.graph.getServerInfo();
  let total = 0;
  for (;;) {
    const applied = await deps.db.transaction().execute(async (trx) => {
      if (!(await tryLockOutbox(trx))) return 0;
      const rows = await oldestOutboxRows(trx, batchSize);
      if (rows.length === 0) return 0;
      await applyMarkers(trx, deps, rows);
      await deleteOutboxRows(trx, rows.map((r) => r.id));
      return rows.length;
    });
    total += applied;
    if (applied < batchSize) return total;
  }
}
