import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { etagOf } from '../../http/etag.js';
import { expectedVersion } from '../../http/if-match.js';
import { usersService } from '../../services/users/index.js';
import type { CreateRoute, GetRoute, ListRoute, UpdateRoute } from './users.routes.js';

export function usersHandlers(deps: AppDeps) {
  const users = usersService(deps);

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await users.list(c.req.valid('query')), 200);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const created = await users.create(currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/users/${created.value.id}`, etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const user = await users.get(c.req.valid('param').id);
    c.header('ETag', etagOf(user));
    return c.json(user, 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, expected: expectedVersion(c.req.valid('header')['if-match']) };
    const user = await users.update(currentUser(c), request, c.req.valid('json'));
    c.header('ETag', etagOf(user));
    return c.json(user, 200);
  };

  return { list, create, get, update };
}
