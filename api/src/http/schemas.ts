import { z } from '@hono/zod-openapi';

/** Shared contract pieces: problem details, ids, pagination. */

export const FieldErrorSchema = z
  .object({
    path: z.string().openapi({ example: 'body.email' }),
    message: z.string(),
    code: z.string().optional(),
  })
  .openapi('FieldError');

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://nexus.dev/problems/validation' }),
    title: z.string(),
    status: z.number().int().min(100).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

export const UuidSchema = z.string().uuid().openapi({ format: 'uuid', example: '0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e' });

export const IdParamsSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export const TimestampSchema = z.string().datetime().openapi({ format: 'date-time', example: '2026-11-25T10:00:00.000Z' });

export const RoleSchema = z.enum(['admin', 'sales', 'viewer']).openapi('Role');
export type Role = z.infer<typeof RoleSchema>;

export const PaginationQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'Page size (1–100).', example: 20 }),
  cursor: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'Opaque cursor from a previous page\'s `nextCursor`.' }),
});

/** A page of a cursor-paginated list. */
export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .openapi(name);
}

export const IdempotencyKeyHeaderSchema = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/)
  .optional()
  .openapi({
    param: { name: 'idempotency-key', in: 'header' },
    description: 'Makes the create safe to retry: the same key with the same body returns the first result and creates nothing again.',
    example: '5f0c6a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f',
  });

export const IfMatchHeaderSchema = z
  .string()
  .min(1)
  .max(200)
  .openapi({
    param: { name: 'if-match', in: 'header', required: true },
    description: 'The `ETag` of the version you edited. A stale value gives 412; a missing one 428.',
    example: '"3"',
  });
