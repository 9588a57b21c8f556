import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { relationsHandlers } from './relations.handlers.js';
import * as routes from './relations.routes.js';

export function relationsRouter(deps: AppDeps) {
  const handlers = relationsHandlers(deps);
  return createRouter()
    .openapi(routes.list, handlers.list)
    .openapi(routes.create, handlers.create)
    .openapi(routes.get, handlers.get)
    .openapi(routes.remove, handlers.remove);
}
