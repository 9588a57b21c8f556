import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { tasksHandlers } from './tasks.handlers.js';
import * as routes from './tasks.routes.js';

export function tasksRouter(deps: AppDeps) {
  const handlers = tasksHandlers(deps);
  return createRouter()
    .openapi(routes.list, handlers.list)
    .openapi(routes.create, handlers.create)
    .openapi(routes.get, handlers.get)
    .openapi(routes.kit, handlers.kit);
}
