import { z } from '@hono/zod-openapi';
import { RoleSchema, TimestampSchema, UuidSchema } from '../../http/schemas.js';

export const UserSchema = z
  .object({
    id: UuidSchema,
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    version: z.number().int().openapi({ description: 'Increments on every change; the `ETag` is this number in quotes.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('User');
