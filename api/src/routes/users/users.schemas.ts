import { z } from '@hono/zod-openapi';
import type { UserRow } from '../../db/schema.js';
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

export function toUser(row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'disabled_at' | 'created_at' | 'updated_at'>) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
