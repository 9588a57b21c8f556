import { z } from '@hono/zod-openapi';
import { defineRoute, PUBLIC } from '../../http/define-route.js';
import { QuoteStatusSchema } from '../quotes/quotes.schemas.js';

const DependencyStatusSchema = z
  .object({
    status: z.enum(['up', 'down', 'disabled']),
    required: z.boolean(),
    latencyMs: z.number().nullable().openapi({ description: 'Measured round trip of the check; null when not run.' }),
    detail: z.string().optional(),
  })
  .openapi('DependencyStatus');

export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']).openapi({ description: '`degraded`: an optional dependency (the graph) is down.' }),
    version: z.string(),
    uptimeSeconds: z.number().int(),
    checks: z.record(z.string(), DependencyStatusSchema),
  })
  .openapi('Health');

export const health = defineRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'getHealth',
  summary: 'Service health with each dependency\'s measured latency',
  description: 'Answers 503 (problem+json with the same `checks`) when a required dependency is down.',
  tags: ['System'],
  security: PUBLIC,
  responses: {
    200: { description: 'Healthy (or degraded: an optional dependency is down).', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export const ReadinessSchema = z
  .object({
    status: z.literal('ready'),
    version: z.string(),
    uptimeSeconds: z.number().int(),
    checks: z.record(z.string(), DependencyStatusSchema),
  })
  .openapi('Readiness');

export const readiness = defineRoute({
  method: 'get',
  path: '/api/health/ready',
  operationId: 'getReadiness',
  summary: 'Whether this instance should get traffic now',
  description:
    'For load balancers and orchestrators. 200 while this instance accepts work and PostgreSQL and Redis are up; 503 ' +
    '(problem+json, `state` `draining` or `unready`, with Retry-After) once it is shutting down — requests in flight still ' +
    'finish — or while a required dependency is down. `GET /api/health` stays the dependency report; that the process ' +
    'answers at all is its liveness.',
  tags: ['System'],
  security: PUBLIC,
  responses: {
    200: { description: 'Ready for traffic.', content: { 'application/json': { schema: ReadinessSchema } } },
  },
});

export const MetricsSchema = z
  .object({
    users: z.object({ total: z.number().int(), active: z.number().int() }),
    customers: z.object({ total: z.number().int(), archived: z.number().int(), createdLast7Days: z.number().int() }),
    activity: z.object({ last24Hours: z.number().int() }),
    catalogue: z.object({
      total: z.number().int(),
      active: z.number().int(),
      outOfStock: z.number().int().openapi({ description: 'Active products with no stock.' }),
      brands: z.number().int(),
      categories: z.number().int(),
      graphSyncPending: z.number().int().openapi({ description: 'Catalogue changes not yet applied to the knowledge graph.' }),
    }),
    generatedAt: z.string().datetime(),
  })
  .openapi('Metrics');

export const metrics = defineRoute({
  method: 'get',
  path: '/api/metrics',
  operationId: 'getMetrics',
  summary: 'Business counts',
  description:
    'Computed at most every few seconds (PUBLIC_STATS_CACHE_SECONDS, default 5) and again after any write through the API; `generatedAt` says when. Limited per client address (429 with Retry-After).',
  tags: ['System'],
  security: PUBLIC,
  rateLimited: true,
  responses: { 200: { description: 'Current counts.', content: { 'application/json': { schema: MetricsSchema } } } },
});

const QuoteDashboardSchema = z
  .object({
    pipeline: z
      .array(
        z.object({
          status: QuoteStatusSchema,
          count: z.number().int(),
          totals: z.array(z.object({ currency: z.string(), totalMinor: z.number().int() })).openapi({ description: 'Total value per currency (amounts in different currencies are never added).' }),
        }),
      )
      .openapi({ description: 'Every status, with the deals in it (latest revision of each quote number) and their value.' }),
    open: z.number().int().openapi({ description: 'Deals not decided yet (draft or sent).' }),
    perWeek: z
      .array(z.object({ weekStart: z.string().openapi({ example: '2026-11-23', description: 'Monday of the week.' }), count: z.number().int() }))
      .openapi({ description: 'New quotes per week, the last 12 weeks, oldest first (weeks with none are 0).' }),
    winRate: z
      .object({
        accepted: z.number().int(),
        rejected: z.number().int(),
        expired: z.number().int(),
        rate: z.number().nullable().openapi({ description: 'accepted ÷ (accepted + rejected + expired) among sent deals; null until one is decided.' }),
      })
      .openapi({ description: 'Outcomes of the deals that were sent to customers.' }),
    topProducts: z
      .array(z.object({ productId: z.string(), sku: z.string(), name: z.string(), quoteCount: z.number().int() }))
      .openapi({ description: 'The products on the most deals sent to customers, most first (at most 5).' }),
  })
  .openapi('QuoteDashboard');

export const DashboardSchema = z
  .object({
    customers: z.object({ active: z.number().int(), createdLast7Days: z.number().int() }),
    activityByDay: z
      .array(z.object({ date: z.string().openapi({ example: '2026-11-25' }), count: z.number().int() }))
      .openapi({ description: 'Changes recorded per UTC day, the last 14 days, oldest first (days with none are 0).' }),
    catalogue: z.object({
      activeProducts: z.number().int(),
      outOfStock: z.number().int().openapi({ description: 'Active products with no stock.' }),
      brands: z.number().int(),
      categories: z.number().int(),
    }),
    quotes: QuoteDashboardSchema,
    generatedAt: z.string().datetime(),
  })
  .openapi('Dashboard', { description: 'Aggregates only: no names of customers or people.' });

export const dashboard = defineRoute({
  method: 'get',
  path: '/api/dashboard',
  operationId: 'getDashboard',
  summary: 'Public dashboard aggregates',
  description:
    'Computed at most every few seconds (PUBLIC_STATS_CACHE_SECONDS, default 5) and again after any write through the API; `generatedAt` says when. Limited per client address (429 with Retry-After).',
  tags: ['System'],
  security: PUBLIC,
  rateLimited: true,
  responses: { 200: { description: 'Aggregates.', content: { 'application/json': { schema: DashboardSchema } } } },
});

export type ReadinessRoute = typeof readiness;
export type HealthRoute = typeof health;
export type MetricsRoute = typeof metrics;
export type DashboardRoute = typeof dashboard;
