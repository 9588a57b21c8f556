import { sql } from 'kysely';
import type { AppDeps, HealthProbe } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { ProblemError } from '../../lib/problem.js';
import { countCustomers } from '../../repositories/customers.js';
import { countCatalogue } from '../../repositories/products.js';
import { outboxStatus } from '../../repositories/outbox.js';
import { quoteDashboard } from '../../repositories/quotes-dashboard.js';
import { expireDueQuotesNow } from '../../services/quotes/index.js';
import type { DashboardRoute, HealthRoute, MetricsRoute } from './system.routes.js';

const PROBE_TIMEOUT_MS = 2_000;

async function runProbe(probe: HealthProbe) {
  if (probe.disabledReason) {
    return { status: 'disabled' as const, required: probe.required, latencyMs: null, detail: probe.disabledReason };
  }
  const started = performance.now();
  try {
    await Promise.race([
      probe.check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS).unref()),
    ]);
    return {
      status: 'up' as const,
      required: probe.required,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      ...(probe.detail ? { detail: probe.detail } : {}),
    };
  } catch (error) {
    return {
      status: 'down' as const,
      required: probe.required,
      latencyMs: Math.round((performance.now() - started) * 100) / 100,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

export function systemHandlers(deps: AppDeps) {
  const health: AppRouteHandler<HealthRoute> = async (c) => {
    const results = await Promise.all(deps.healthProbes.map(async (probe) => [probe.name, await runProbe(probe)] as const));
    const checks = Object.fromEntries(results);
    const body = {
      version: deps.version,
      uptimeSeconds: Math.floor((Date.now() - deps.startedAt.getTime()) / 1000),
      checks,
    };
    const requiredDown = results.filter(([, r]) => r.required && r.status === 'down').map(([name]) => name);
    if (requiredDown.length > 0) {
      c.var.logger.error({ checks }, 'health: required dependency down');
      throw new ProblemError({
        status: 503,
        slug: 'unhealthy',
        title: 'Service Unavailable',
        detail: `Required dependency down: ${requiredDown.join(', ')}.`,
        headers: { 'Retry-After': '5' },
        extensions: body,
      });
    }
    const degraded = results.some(([, r]) => r.status === 'down');
    c.header('Cache-Control', 'no-store');
    return c.json({ status: degraded ? ('degraded' as const) : ('ok' as const), ...body }, 200);
  };

  const metrics: AppRouteHandler<MetricsRoute> = async (c) => {
    const [users, customers, activity, catalogue, outbox] = await Promise.all([
      deps.db
        .selectFrom('users')
        .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`count(*) filter (where disabled_at is null)`.as('active')])
        .executeTakeFirstOrThrow(),
      countCustomers(deps.db),
      deps.db
        .selectFrom('activity')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<boolean>`created_at >= now() - interval '24 hours'`)
        .executeTakeFirstOrThrow(),
      countCatalogue(deps.db),
      outboxStatus(deps.db),
    ]);
    return c.json(
      {
        users: { total: Number(users.total), active: Number(users.active) },
        customers: {
          total: Number(customers.total),
          archived: Number(customers.archived),
          createdLast7Days: Number(customers.created_last_7_days),
        },
        activity: { last24Hours: Number(activity.n) },
        catalogue: {
          total: Number(catalogue.total),
          active: Number(catalogue.active),
          outOfStock: Number(catalogue.out_of_stock),
          brands: Number(catalogue.brands),
          categories: Number(catalogue.categories),
          graphSyncPending: outbox.pending,
        },
        generatedAt: new Date().toISOString(),
      },
      200,
    );
  };

  const dashboard: AppRouteHandler<DashboardRoute> = async (c) => {
    const [customers, days, catalogue, quotes] = await Promise.all([
      countCustomers(deps.db),
      sql<{ date: string; count: number }>`
        select to_char(day, 'YYYY-MM-DD') as date, count(activity.id)::int as count
        from generate_series(
          (now() at time zone 'UTC')::date - 13, (now() at time zone 'UTC')::date, interval '1 day'
        ) as day
        left join activity on (activity.created_at at time zone 'UTC')::date = day::date
        group by day order by day`.execute(deps.db),
      countCatalogue(deps.db),
      // Quotes past their validity date are expired first: a stale status is never shown.
      expireDueQuotesNow(deps).then(() => quoteDashboard(deps.db, { timeZone: deps.config.QUOTE_TIME_ZONE })),
    ]);
    return c.json(
      {
        customers: {
          active: Number(customers.total) - Number(customers.archived),
          createdLast7Days: Number(customers.created_last_7_days),
        },
        activityByDay: days.rows.map((row) => ({ date: row.date, count: Number(row.count) })),
        catalogue: {
          activeProducts: Number(catalogue.active),
          outOfStock: Number(catalogue.out_of_stock),
          brands: Number(catalogue.brands),
          categories: Number(catalogue.categories),
        },
        quotes,
        generatedAt: new Date().toISOString(),
      },
      200,
    );
  };

  return { health, metrics, dashboard };
}
