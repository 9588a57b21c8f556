import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { customersHandlers } from './customers.handlers.js';
import * as routes from './customers.routes.js';

export function customersRouter(deps: AppDeps) {
  const handlers = customersHandlers(deps);
  return createRouter()
    .openapi(routes.list, handlers.list)
    .openapi(routes.create, handlers.create)
    .openapi(routes.get, handlers.get)
    .openapi(routes.update, handlers.update)
    .openapi(routes.archive, handlers.archive)
    .openapi(routes.restore, handlers.restore);
}
