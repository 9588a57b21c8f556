import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { ProblemError } from '../../lib/problem.js';
import { checkHealth } from '../../services/system/health.js';
import { cachedDashboardFigures, cachedSystemMetrics } from '../../services/system/statistics.js';
import type { DashboardRoute, HealthRoute, MetricsRoute } from './system.routes.js';

export function systemHandlers(deps: AppDeps) {
  const health: AppRouteHandler<HealthRoute> = async (c) => {
    const { body, requiredDown, degraded } = await checkHealth(deps);
    if (requiredDown.length > 0) {
      c.var.logger.error({ checks: body.checks }, 'health: required dependency down');
      throw new ProblemError({
        status: 503,
        slug: 'unhealthy',
        title: 'Service Unavailable',
        detail: `Required dependency down: ${requiredDown.join(', ')}.`,
        headers: { 'Retry-After': '5' },
        extensions: body,
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ status: degraded ? ('degraded' as const) : ('ok' as const), ...body }, 200);
  };

  const metrics: AppRouteHandler<MetricsRoute> = async (c) => c.json(await cachedSystemMetrics(deps), 200);

  const dashboard: AppRouteHandler<DashboardRoute> = async (c) => c.json(await cachedDashboardFigures(deps), 200);

  return { health, metrics, dashboard };
}
