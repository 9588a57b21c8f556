import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { relationsService } from '../../services/relations/index.js';
import type { CreateRoute, GetRoute, ListRoute, RemoveRoute } from './relations.routes.js';

export function relationsHandlers(deps: AppDeps) {
  const relations = relationsService(deps);

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await relations.list(c.req.valid('query')), 200);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const created = await relations.create(currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/relations/${created.value.id}` });
    return c.json(created.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => c.json(await relations.get(c.req.valid('param').id), 200);

  const remove: AppRouteHandler<RemoveRoute> = async (c) => {
    await relations.remove(currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  };

  return { list, create, get, remove };
}
