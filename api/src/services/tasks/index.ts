import type { AppDeps } from '../../deps.js';
import type { TaskRow } from '../../db/schema.js';
import { assembleKit } from '../../domain/catalogue/kit.js';
import { requireGraph } from '../../graph/availability.js';
import { taskKitRows } from '../../graph/queries.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { enqueueGraphSync } from '../../repositories/outbox.js';
import { findProductsByIds } from '../../repositories/products.js';
import { findTask, insertTask, listTasks } from '../../repositories/tasks.js';
import { productFacts, toProductView } from '../catalogue/product-view.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';

/** A task (a job products are USED_FOR) as the API shows it. */
export function toTaskView(row: TaskRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type TaskView = ReturnType<typeof toTaskView>;

/** Tasks and their kits: the products used for a task and everything those require, from the graph. */
export function tasksService(deps: Pick<AppDeps, 'db' | 'graph'>) {
  const { db } = deps;

  return {
    async list(query: { limit: number; cursor?: string | undefined; q?: string | undefined }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listTasks(db, { limit: query.limit, ...(query.q ? { q: query.q } : {}), ...(after ? { after } : {}) });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toTaskView), nextCursor: page.nextCursor };
    },

    async get(id: string): Promise<TaskView> {
      const row = await findTask(db, id);
      if (!row) throw problems.notFound('The task');
      return toTaskView(row);
    },

    create(caller: Caller, input: { name: string; description?: string | null | undefined }, idempotencyKey: string | undefined): Promise<Created<TaskView>> {
      return createOnce(db, { userId: caller.id, key: idempotencyKey, operation: 'createTask', payload: input }, async (trx) => {
        const row = await insertTask(trx, { name: input.name, description: input.description ?? null }, caller.id);
        await enqueueGraphSync(trx, [{ kind: 'task', entityId: row.id }]);
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'task.created',
          entityType: 'task',
          entityId: row.id,
          summary: `${caller.name} created task ${row.name}`,
        });
        return toTaskView(row);
      });
    },

    async kit(id: string) {
      const task = await findTask(db, id);
      if (!task) throw problems.notFound('The task');
      const graph = requireGraph(deps);
      const { tools, requirements } = await taskKitRows(graph, task.id);
      const products = await findProductsByIds(db, [...tools.map((t) => t.productId), ...requirements.flatMap((r) => [r.productId, r.requiredById])]);
      const facts = new Map([...products].map(([key, row]) => [key, productFacts(row)]));
      const items = assembleKit(task.name, tools, requirements, facts);
      const toItem = (item: (typeof items)[number]) => ({
        product: toProductView(products.get(item.productId)!),
        reason: item.reason,
        requiredBy: item.requiredBy,
      });
      return {
        task: toTaskView(task),
        products: items.filter((i) => i.role === 'tool').map(toItem),
        requiredItems: items.filter((i) => i.role === 'required').map(toItem),
      };
    },
  };
}
