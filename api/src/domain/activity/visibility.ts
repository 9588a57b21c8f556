import type { Role } from '../users/roles.js';

/**
 * Entries about staff accounts and their sessions name people, their e-mail
 * addresses, roles and when they log in: only admins, who manage those
 * accounts, see them. Everyone else sees the business activity.
 */
export const ADMIN_ONLY_ENTITY_TYPES: readonly string[] = ['user', 'session'];

/** Entity types whose entries `role` may not read. */
export const hiddenEntityTypesFor = (role: Role): readonly string[] => (role === 'admin' ? [] : ADMIN_ONLY_ENTITY_TYPES);
