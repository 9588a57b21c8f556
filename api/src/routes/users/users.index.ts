import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { usersHandlers } from './users.handlers.js';
import * as routes from './users.routes.js';

export function usersRouter(deps: AppDeps) {
  const handlers = usersHandlers(deps);
  return createRouter()
    .openapi(routes.list, handlers.list)
    .openapi(routes.create, handlers.create)
    .openapi(routes.get, handlers.get)
    .openapi(routes.update, handlers.update);
}
