import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { authHandlers } from './auth.handlers.js';
import * as routes from './auth.routes.js';

export function authRouter(deps: AppDeps) {
  const handlers = authHandlers(deps);
  return createRouter()
    .openapi(routes.login, handlers.login)
    .openapi(routes.refresh, handlers.refresh)
    .openapi(routes.logout, handlers.logout)
    .openapi(routes.me, handlers.me)
    .openapi(routes.jwks, handlers.jwks);
}
