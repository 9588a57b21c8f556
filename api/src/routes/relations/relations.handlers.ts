import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { createOnce } from '../../services/idempotency.js';
import { setCreatedHeaders } from '../../http/created.js';
import { findProductsByIds } from '../../repositories/products.js';
import { deleteRelation, findEquivalentRelation, findRelation, insertRelation, listRelations } from '../../repositories/relations.js';
import { findTask } from '../../repositories/tasks.js';
import { toRelation } from './relations.schemas.js';
import type { CreateRoute, GetRoute, ListRoute, RemoveRoute } from './relations.routes.js';

export function relationsHandlers(deps: AppDeps) {
  const list: AppRouteHandler<ListRoute> = async (c) => {
    const { limit, cursor, productId, taskId, type } = c.req.valid('query');
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listRelations(deps.db, {
      limit,
      ...(after ? { after } : {}),
      ...(productId ? { productId } : {}),
      ...(taskId ? { taskId } : {}),
      ...(type ? { type } : {}),
    });
    const page = paginate(rows, limit);
    return c.json({ items: page.items.map(toRelation), nextCursor: page.nextCursor }, 200);
  };

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const input = c.req.valid('json');
    const relation = {
      type: input.type,
      productId: input.productId,
      relatedProductId: 'relatedProductId' in input ? input.relatedProductId : null,
      taskId: 'taskId' in input ? input.taskId : null,
      note: input.note ?? null,
      source: 'manual' as const,
      createdBy: actor.id,
    };
    if (relation.relatedProductId === relation.productId) throw problems.conflict('A product cannot be related to itself.');
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: c.req.valid('header')['idempotency-key'], operation: 'createRelation', payload: input },
      async (trx) => {
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
          actorId: actor.id,
          action: 'relation.created',
          entityType: 'relation',
          entityId: row.id,
          summary: `${actor.name} related ${from.sku} ${relation.type} ${to}`,
        });
        return toRelation(row);
      },
    );
    setCreatedHeaders(c, result, { location: `/api/relations/${result.value.id}` });
    return c.json(result.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const row = await findRelation(deps.db, c.req.valid('param').id);
    if (!row) throw problems.notFound('The relation');
    return c.json(toRelation(row), 200);
  };

  const remove: AppRouteHandler<RemoveRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    await deps.db.transaction().execute(async (trx) => {
      const row = await deleteRelation(trx, id);
      if (!row) throw problems.notFound('The relation');
      await recordActivity(trx, {
        actorId: actor.id,
        action: 'relation.deleted',
        entityType: 'relation',
        entityId: id,
        summary: `${actor.name} removed a ${row.type} relation`,
      });
    });
    return c.body(null, 204);
  };

  return { list, create, get, remove };
}
