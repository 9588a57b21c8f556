import { z } from '@hono/zod-openapi';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { PaginationQuerySchema, TimestampSchema, UuidSchema, pageOf } from '../../http/schemas.js';

export const ActivitySchema = z
  .object({
    id: UuidSchema,
    action: z.string().openapi({ example: 'customer.updated' }),
    entityType: z.string().openapi({ example: 'customer' }),
    entityId: UuidSchema.nullable(),
    summary: z.string(),
    actor: z.object({ id: UuidSchema, name: z.string() }).nullable(),
    createdAt: TimestampSchema,
  })
  .openapi('Activity');

export const list = defineRoute({
  method: 'get',
  path: '/api/activity',
  operationId: 'listActivity',
  summary: 'Who did what, newest first',
  description:
    'Entries about staff accounts and sessions (`entityType` `user` or `session`: logins, accounts created, role changes) are shown to admins only; for other roles they are left out, so `entityType=user` gives them an empty page.',
  tags: ['Activity'],
  security: BEARER,
  request: {
    query: PaginationQuerySchema.extend({
      entityType: z
        .string()
        .min(1)
        .max(50)
        .optional()
        .openapi({ param: { name: 'entityType', in: 'query' }, example: 'customer' }),
      entityId: UuidSchema.optional().openapi({ param: { name: 'entityId', in: 'query' } }),
      actorId: UuidSchema.optional().openapi({ param: { name: 'actorId', in: 'query' } }),
    }),
  },
  responses: { 200: { description: 'A page of activity.', content: { 'application/json': { schema: pageOf(ActivitySchema, 'ActivityPage') } } } },
});

export type ListRoute = typeof list;
