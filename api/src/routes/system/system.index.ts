import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { AppEnv } from '../../http/app-env.js';
import { createRouter } from '../../http/router.js';
import { rateLimitPerAddress } from '../../http/rate-limit.js';
import { publicStatisticsLimiter } from '../../services/system/statistics.js';
import { systemHandlers } from './system.handlers.js';
import * as routes from './system.routes.js';

export function systemRouter(deps: AppDeps) {
  const handlers = systemHandlers(deps);
  // Made at the first call: building the app for the contract alone connects no store.
  const limit = (operation: 'dashboard' | 'metrics'): MiddlewareHandler<AppEnv> => {
    let middleware: MiddlewareHandler<AppEnv> | undefined;
    return (c, next) =>
      (middleware ??= rateLimitPerAddress(
        publicStatisticsLimiter(deps, operation),
        deps.config.TRUSTED_PROXY_HOPS,
        `Too many calls of /api/${operation}; the figures change slowly, wait before asking again.`,
      ))(c, next);
  };
  const router = createRouter();
  router.use(routes.metrics.getRoutingPath(), limit('metrics'));
  router.use(routes.dashboard.getRoutingPath(), limit('dashboard'));
  return router
    .openapi(routes.health, handlers.health)
    .openapi(routes.readiness, handlers.readiness)
    .openapi(routes.metrics, handlers.metrics)
    .openapi(routes.dashboard, handlers.dashboard);
}
