import { z } from '@hono/zod-openapi';
import { RoleSchema, TimestampSchema, UuidSchema } from '../../http/schemas.js';

export const UserSchema = z
  .object({
    id: UuidSchema,
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('User');
