// Whether a role may call an operation, by the roles its contract declares
// (`x-nexus-roles`). The server enforces the same declaration; a client asks here
// only to decide what to show, so a hidden button and a 403 never disagree.
import { operations, type OperationId } from './generated/operations.js';
import type { Role } from './generated/schema.js';

/**
 * Whether someone with `role` may call `operationId`: public operations anyone may
 * (`role` undefined: not signed in); protected ones need a role, and one of the
 * operation's declared roles when it declares any. Operation ids are typed, so a
 * misspelt one does not compile.
 *
 * @example
 * import { mayCall } from '@nexus/sdk';
 *
 * mayCall('viewer', 'createQuote');   // false: createQuote is for admin and sales
 * mayCall('sales', 'listQuotes');     // true
 * mayCall(undefined, 'getDashboard'); // true: public
 * mayCall(user?.role, 'reviseQuote');
 */
export function mayCall(role: Role | null | undefined, operationId: OperationId): boolean {
  const entry = operations[operationId];
  if (entry.security === 'public') return true;
  if (role === null || role === undefined) return false;
  const roles: readonly Role[] | undefined = 'roles' in entry ? entry.roles : undefined;
  return roles === undefined || roles.includes(role);
}
