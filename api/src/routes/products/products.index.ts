import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { productsHandlers } from './products.handlers.js';
import * as relatedRoutes from './products.related.routes.js';
import * as routes from './products.routes.js';

export function productsRouter(deps: AppDeps) {
  const handlers = productsHandlers(deps);
  return createRouter()
    .openapi(routes.search, handlers.search)
    .openapi(routes.list, handlers.list)
    .openapi(routes.create, handlers.create)
    .openapi(routes.get, handlers.get)
    .openapi(routes.update, handlers.update)
    .openapi(routes.deactivate, handlers.deactivate)
    .openapi(routes.activate, handlers.activate)
    .openapi(relatedRoutes.related, handlers.related);
}
