import type { Role } from '../users/roles.js';

/** Roles that may create and edit quotes (the API's quote writes and the chat assistant's "add to quote" alike). */
export const QUOTE_EDITOR_ROLES = ['admin', 'sales'] as const satisfies readonly Role[];

export const mayEditQuotes = (role: Role): boolean => (QUOTE_EDITOR_ROLES as readonly Role[]).includes(role);
