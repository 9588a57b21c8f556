import { z } from '@hono/zod-openapi';
import { ROLES, type Role } from '../domain/users/roles.js';

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

// Any 8-4-4-4-12 hex id, as the contract's `format: uuid` says (zod's `uuid()`
// also demands an RFC 9562 version and variant): an id of the right shape that
// was never issued is 404, not a 400 the contract does not explain.
export const UuidSchema = z.guid().openapi({ format: 'uuid', example: '0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e' });

export const IdParamsSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export const TimestampSchema = z.string().datetime().openapi({ format: 'date-time', example: '2026-11-25T10:00:00.000Z' });

export const RoleSchema = z.enum(ROLES).openapi('Role');
export type { Role };

/**
 * A keyset position: `<epoch milliseconds>.<uuid>` of the last row of the
 * previous page. Every string of this shape is a real position, so a cursor is
 * never "invalid" once it passes validation — the page after it may be empty.
 */
export const KEYSET_CURSOR = /^\d{1,13}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An email address as this API accepts it: something@domain.tld, no spaces.
 * Published as a pattern (not `format: email`) so that clients can check it
 * exactly as the server does.
 */
export const EmailSchema = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@\ufeff]+@[^\s@\ufeff]+\.[^\s@\ufeff]+$/, 'Must be an email address like name@example.com.')
  .openapi({ example: 'buyer@example.com' });

/**
 * Text that must say something: trimmed, and with at least one character that
 * is not white space. (The pattern's class excludes U+FEFF explicitly so that
 * it means the same in JavaScript and in other regex dialects clients use.)
 */
export const nonBlankText = (max: number) =>
  z.string().trim().min(1).max(max).regex(/[^\s\ufeff]/, 'Must not be blank.');

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
    .regex(KEYSET_CURSOR)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: "The previous page's `nextCursor`: the position after which the next page starts.",
      example: '1764064800000.0b8f4a57-4a3e-4a6b-9f6e-2b8f0b1c2d3e',
    }),
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

/** `*` or a comma-separated list of entity tags (RFC 9110 §13.1.1); OWS is space or tab. */
export const IF_MATCH = /^(\*|(W\/)?"[^"]*"([ \t]*,[ \t]*(W\/)?"[^"]*")*)$/;

export const IF_MATCH_MESSAGE = 'Must be an entity tag like "3" (as sent in ETag) or *.';

/**
 * `*` is listed apart from the tag pattern so that the contract says it in so many words and generators (Schemathesis)
 * send it: with only the pattern they make up tags such as `"3"` that never match a real row, and every generated
 * update stops at 412 instead of reaching the update.
 */
export const IfMatchHeaderSchema = z
  .union([z.literal('*').openapi({ description: 'Any current version.' }), z.string().max(200).regex(IF_MATCH, IF_MATCH_MESSAGE)], {
    error: IF_MATCH_MESSAGE,
  })
  .openapi({
    param: { name: 'if-match', in: 'header', required: true },
    description: 'The `ETag` of the version you edited, or `*` for whatever version is current. A stale value gives 412; a missing one 428.',
    examples: ['"3"', '*'],
  });
