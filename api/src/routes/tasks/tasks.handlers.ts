import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { assembleKit } from '../../domain/catalogue/kit.js';
import { requireGraph } from '../../graph/availability.js';
import { taskKitRows } from '../../graph/queries.js';
import { recordActivity } from '../../repositories/activity.js';
import { createOnce } from '../../services/idempotency.js';
import { setCreatedHeaders } from '../../http/created.js';
import { enqueueGraphSync } from '../../repositories/outbox.js';
import { findProductsByIds } from '../../repositories/products.js';
import { findTask, insertTask, listTasks } from '../../repositories/tasks.js';
import { toProduct } from '../products/products.schemas.js';
import { toTask } from './tasks.schemas.js';
import type { CreateRoute, GetRoute, KitRoute, ListRoute } from './tasks.routes.js';

export function tasksHandlers(deps: AppDeps) {
  const list: AppRouteHandler<ListRoute> = async (c) => {
    const { limit, cursor, q } = c.req.valid('query');
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listTasks(deps.db, { limit, ...(q ? { q } : {}), ...(after ? { after } : {}) });
    const page = paginate(rows, limit);
    return c.json({ items: page.items.map(toTask), nextCursor: page.nextCursor }, 200);
  };

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const input = c.req.valid('json');
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: c.req.valid('header')['idempotency-key'], operation: 'createTask', payload: input },
      async (trx) => {
        const row = await insertTask(trx, { name: input.name, description: input.description ?? null }, actor.id);
        await enqueueGraphSync(trx, [{ kind: 'task', entityId: row.id }]);
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'task.created',
          entityType: 'task',
          entityId: row.id,
          summary: `${actor.name} created task ${row.name}`,
        });
        return toTask(row);
      },
    );
    setCreatedHeaders(c, result, { location: `/api/tasks/${result.value.id}` });
    return c.json(result.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const row = await findTask(deps.db, c.req.valid('param').id);
    if (!row) throw problems.notFound('The task');
    return c.json(toTask(row), 200);
  };

  const kit: AppRouteHandler<KitRoute> = async (c) => {
    const task = await findTask(deps.db, c.req.valid('param').id);
    if (!task) throw problems.notFound('The task');
    const graph = requireGraph(deps);
    const { tools, requirements } = await taskKitRows(graph, task.id);
    const products = await findProductsByIds(deps.db, [
      ...tools.map((t) => t.productId),
      ...requirements.flatMap((r) => [r.productId, r.requiredById]),
    ]);
    const facts = new Map([...products].map(([id, p]) => [id, { id, name: p.name, inStock: p.stock_quantity > 0, active: p.active }]));
    const items = assembleKit(task.name, tools, requirements, facts);
    const toItem = (item: (typeof items)[number]) => ({ product: toProduct(products.get(item.productId)!), reason: item.reason, requiredBy: item.requiredBy });
    return c.json(
      {
        task: toTask(task),
        products: items.filter((i) => i.role === 'tool').map(toItem),
        requiredItems: items.filter((i) => i.role === 'required').map(toItem),
      },
      200,
    );
  };

  return { list, create, get, kit };
}
