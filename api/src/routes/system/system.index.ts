import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { systemHandlers } from './system.handlers.js';
import * as routes from './system.routes.js';

export function systemRouter(deps: AppDeps) {
  const handlers = systemHandlers(deps);
  return createRouter()
    .openapi(routes.health, handlers.health)
    .openapi(routes.metrics, handlers.metrics)
    .openapi(routes.dashboard, handlers.dashboard);
}
