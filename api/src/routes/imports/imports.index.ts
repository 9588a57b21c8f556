import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { importsHandlers } from './imports.handlers.js';
import * as routes from './imports.routes.js';

export function importsRouter(deps: AppDeps) {
  const handlers = importsHandlers(deps);
  return createRouter()
    .openapi(routes.create, handlers.create)
    .openapi(routes.list, handlers.list)
    .openapi(routes.get, handlers.get);
}
