import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { etagOf } from '../../http/etag.js';
import { expectedVersion } from '../../http/if-match.js';
import { customersService } from '../../services/customers/index.js';
import type { ArchiveRoute, CreateRoute, GetRoute, ListRoute, RestoreRoute, UpdateRoute } from './customers.routes.js';

export function customersHandlers(deps: AppDeps) {
  const customers = customersService(deps);

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await customers.list(c.req.valid('query')), 200);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const created = await customers.create(currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/customers/${created.value.id}`, etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const customer = await customers.get(c.req.valid('param').id);
    c.header('ETag', etagOf(customer));
    return c.json(customer, 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, expected: expectedVersion(c.req.valid('header')['if-match']) };
    const customer = await customers.update(currentUser(c), request, c.req.valid('json'));
    c.header('ETag', etagOf(customer));
    return c.json(customer, 200);
  };

  const archive: AppRouteHandler<ArchiveRoute> = async (c) => {
    const customer = await customers.archive(currentUser(c), c.req.valid('param').id);
    c.header('ETag', etagOf(customer));
    return c.json(customer, 200);
  };

  const restore: AppRouteHandler<RestoreRoute> = async (c) => {
    const customer = await customers.restore(currentUser(c), c.req.valid('param').id);
    c.header('ETag', etagOf(customer));
    return c.json(customer, 200);
  };

  return { list, create, get, update, archive, restore };
}
