import type { UserRow } from '../../db/schema.js';

/** A user account as the API shows it (the contract's `User`): never its password hash. */
export function toUserView(row: Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'disabled_at' | 'version' | 'created_at' | 'updated_at'>) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled_at !== null,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type UserView = ReturnType<typeof toUserView>;
