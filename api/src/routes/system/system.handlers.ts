import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { ProblemError } from '../../lib/problem.js';
import { checkHealth, checkReadiness } from '../../services/system/health.js';
import { cachedDashboardFigures, cachedSystemMetrics } from '../../services/system/statistics.js';
import type { DashboardRoute, HealthRoute, MetricsRoute, ReadinessRoute } from './system.routes.js';

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

  const readiness: AppRouteHandler<ReadinessRoute> = async (c) => {
    const result = await checkReadiness(deps);
    c.header('Cache-Control', 'no-store');
    if (!result.ready) {
      if (result.reason === 'dependency') c.var.logger.error({ requiredDown: result.requiredDown }, 'readiness: required dependency down');
      throw new ProblemError({
        status: 503,
        slug: result.reason === 'draining' ? 'draining' : 'not-ready',
        title: 'Service Unavailable',
        detail: result.body.detail,
        headers: { 'Retry-After': result.reason === 'draining' ? '1' : '5', 'Cache-Control': 'no-store' },
        // `state`, not `status`: the problem's own status is the number 503.
        extensions: { state: result.body.status, ...('checks' in result.body ? { version: result.body.version, uptimeSeconds: result.body.uptimeSeconds, checks: result.body.checks } : {}) },
      });
    }
    return c.json(result.body, 200);
  };

  const metrics: AppRouteHandler<MetricsRoute> = async (c) => c.json(await cachedSystemMetrics(deps), 200);

  const dashboard: AppRouteHandler<DashboardRoute> = async (c) => c.json(await cachedDashboardFigures(deps), 200);

  return { health, readiness, metrics, dashboard };
}
