import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { etagOf } from '../../http/etag.js';
import { expectedVersion } from '../../http/if-match.js';
import { productsService } from '../../services/catalogue/products.js';
import type { RelatedRoute } from './products.related.routes.js';
import type { ActivateRoute, CreateRoute, DeactivateRoute, GetRoute, ListRoute, SearchRoute, UpdateRoute } from './products.routes.js';

export function productsHandlers(deps: AppDeps) {
  const products = productsService(deps);

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await products.list(c.req.valid('query')), 200);

  const search: AppRouteHandler<SearchRoute> = async (c) => c.json(await products.search(c.req.valid('query')), 200);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const created = await products.create(currentUser(c), c.req.valid('json'), c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/products/${created.value.id}`, etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const product = await products.get(c.req.valid('param').id);
    c.header('ETag', etagOf(product));
    return c.json(product, 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, expected: expectedVersion(c.req.valid('header')['if-match']) };
    const product = await products.update(currentUser(c), request, c.req.valid('json'));
    c.header('ETag', etagOf(product));
    return c.json(product, 200);
  };

  const deactivate: AppRouteHandler<DeactivateRoute> = async (c) => {
    const product = await products.deactivate(currentUser(c), c.req.valid('param').id);
    c.header('ETag', etagOf(product));
    return c.json(product, 200);
  };

  const activate: AppRouteHandler<ActivateRoute> = async (c) => {
    const product = await products.activate(currentUser(c), c.req.valid('param').id);
    c.header('ETag', etagOf(product));
    return c.json(product, 200);
  };

  const related: AppRouteHandler<RelatedRoute> = async (c) =>
    c.json(await products.related(c.req.valid('param').id, c.req.valid('query').limit), 200);

  return { list, search, create, get, update, deactivate, activate, related };
}
