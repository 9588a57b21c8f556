import type { AppDeps } from '../../deps.js';
import type { ProductRelationRow } from '../../db/schema.js';
import type { ProductRelationType, RelationType } from '../../domain/catalogue/relation-types.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { findProductsByIds } from '../../repositories/products.js';
import { deleteRelation, findEquivalentRelation, findRelation, insertRelation, listRelations } from '../../repositories/relations.js';
import { findTask } from '../../repositories/tasks.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';

/** A relation as the API shows it (the contract's `ProductRelation`). */
export function toRelationView(row: ProductRelationRow) {
  return {
    id: row.id,
    type: row.type,
    productId: row.product_id,
    relatedProductId: row.related_product_id,
    taskId: row.task_id,
    note: row.note,
    source: row.source,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export type RelationView = ReturnType<typeof toRelationView>;

/** Between two products, or a product USED_FOR a task. */
export type NewRelationInput =
  | { type: ProductRelationType; productId: string; relatedProductId: string; note?: string | null | undefined }
  | { type: 'USED_FOR'; productId: string; taskId: string; note?: string | null | undefined };

/** Hand-made relations of the product graph (imports add them in bulk); each change reaches Neo4j through the outbox. */
export function relationsService(deps: Pick<AppDeps, 'db'>) {
  const { db } = deps;

  return {
    async list(query: { limit: number; cursor?: string | undefined; productId?: string | undefined; taskId?: string | undefined; type?: RelationType | undefined }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listRelations(db, {
        limit: query.limit,
        ...(after ? { after } : {}),
        ...(query.productId ? { productId: query.productId } : {}),
        ...(query.taskId ? { taskId: query.taskId } : {}),
        ...(query.type ? { type: query.type } : {}),
      });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toRelationView), nextCursor: page.nextCursor };
    },

    async get(id: string): Promise<RelationView> {
      const row = await findRelation(db, id);
      if (!row) throw problems.notFound('The relation');
      return toRelationView(row);
    },

    async create(caller: Caller, input: NewRelationInput, idempotencyKey: string | undefined): Promise<Created<RelationView>> {
      const relation = {
        type: input.type,
        productId: input.productId,
        relatedProductId: 'relatedProductId' in input ? input.relatedProductId : null,
        taskId: 'taskId' in input ? input.taskId : null,
        note: input.note ?? null,
        source: 'manual' as const,
        createdBy: caller.id,
      };
      if (relation.relatedProductId === relation.productId) throw problems.conflict('A product cannot be related to itself.');
      return createOnce(db, { userId: caller.id, key: idempotencyKey, operation: 'createRelation', payload: input }, async (trx) => {
        const products = await findProductsByIds(trx, [relation.productId, ...(relation.relatedProductId ? [relation.relatedProductId] : [])]);
        for (const id of [relation.productId, relation.relatedProductId]) {
          if (id && !products.has(id)) throw problems.notFound(`The product ${id}`);
        }
        const task = relation.taskId ? await findTask(trx, relation.taskId) : undefined;
        if (relation.taskId && !task) throw problems.notFound(`The task ${relation.taskId}`);
        const row = await insertRelation(trx, relation);
        if (!row) {
          const existing = await findEquivalentRelation(trx, relation);
          throw problems.conflict('This relation exists already.', existing ? { existingId: existing.id } : undefined);
        }
        const from = products.get(relation.productId)!;
        const to = relation.relatedProductId ? products.get(relation.relatedProductId)!.sku : task!.name;
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'relation.created',
          entityType: 'relation',
          entityId: row.id,
          summary: `${caller.name} related ${from.sku} ${relation.type} ${to}`,
        });
        return toRelationView(row);
      });
    },

    async remove(caller: Caller, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await deleteRelation(trx, id);
        if (!row) throw problems.notFound('The relation');
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'relation.deleted',
          entityType: 'relation',
          entityId: id,
          summary: `${caller.name} removed a ${row.type} relation`,
        });
      });
    },
  };
}
