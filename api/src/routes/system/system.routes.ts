import { z } from '@hono/zod-openapi';
import { defineRoute, PUBLIC } from '../../http/define-route.js';

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

export const MetricsSchema = z
  .object({
    users: z.object({ total: z.number().int(), active: z.number().int() }),
    customers: z.object({ total: z.number().int(), archived: z.number().int(), createdLast7Days: z.number().int() }),
    activity: z.object({ last24Hours: z.number().int() }),
    generatedAt: z.string().datetime(),
  })
  .openapi('Metrics');

export const metrics = defineRoute({
  method: 'get',
  path: '/api/metrics',
  operationId: 'getMetrics',
  summary: 'Business counts',
  tags: ['System'],
  security: PUBLIC,
  responses: { 200: { description: 'Current counts.', content: { 'application/json': { schema: MetricsSchema } } } },
});

export const DashboardSchema = z
  .object({
    customers: z.object({ active: z.number().int(), createdLast7Days: z.number().int() }),
    activityByDay: z
      .array(z.object({ date: z.string().openapi({ example: '2026-11-25' }), count: z.number().int() }))
      .openapi({ description: 'Changes recorded per UTC day, the last 14 days, oldest first (days with none are 0).' }),
    generatedAt: z.string().datetime(),
  })
  .openapi('Dashboard', { description: 'Aggregates only: no names of customers or people.' });

export const dashboard = defineRoute({
  method: 'get',
  path: '/api/dashboard',
  operationId: 'getDashboard',
  summary: 'Public dashboard aggregates',
  tags: ['System'],
  security: PUBLIC,
  responses: { 200: { description: 'Aggregates.', content: { 'application/json': { schema: DashboardSchema } } } },
});

export type HealthRoute = typeof health;
export type MetricsRoute = typeof metrics;
export type DashboardRoute = typeof dashboard;
