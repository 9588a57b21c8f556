import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { tasksService } from '../../services/tasks/index.js';
import type { CreateRoute, GetRoute, KitRoute, ListRoute } from './tasks.routes.js';

export function tasksHandlers(deps: AppDeps) {
  const tasks = tasksService(deps);

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await tasks.list(c.req.valid('query')), 200);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const created = await tasks.create(currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/tasks/${created.value.id}` });
    return c.json(created.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => c.json(await tasks.get(c.req.valid('param').id), 200);

  const kit: AppRouteHandler<KitRoute> = async (c) => c.json(await tasks.kit(c.req.valid('param').id), 200);

  return { list, create, get, kit };
}
