// What the contract says about operations, from the SDK's generated table: which
// operation a method + path is, and whether a role may call it. The server's proxy
// uses it to decide on credentials; the pages use it to show only what the API
// has and the user may do.
import { operations, type OperationId, type Role, type User } from '@nexus/sdk';

export type OperationEntry = (typeof operations)[OperationId];

interface Matcher {
  id: OperationId;
  method: string;
  pattern: RegExp;
  parameters: number;
}

const matchers: Matcher[] = (Object.keys(operations) as OperationId[])
  .map((id) => {
    const { method, path } = operations[id];
    const segments = path.split('/');
    const isParameter = (segment: string) => /^\{[^/{}]+\}$/.test(segment);
    const source = segments.map((s) => (isParameter(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    return { id, method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), parameters: segments.filter(isParameter).length };
  })
  // `/api/products/search` must win over `/api/products/{id}`: the most literal template first.
  .sort((a, b) => a.parameters - b.parameters);

/** The operation that `method path` addresses (path without query), or undefined. */
export function operationAt(method: string, path: string): { id: OperationId; entry: OperationEntry } | undefined {
  const upper = method.toUpperCase();
  const found = matchers.find((m) => m.method === upper && m.pattern.test(path));
  return found && { id: found.id, entry: operations[found.id] };
}

/** Whether the API has this operation (pages for capabilities still being built stay hidden). */
export function hasOperation(id: string): id is OperationId {
  return Object.hasOwn(operations, id);
}

/** Whether `user` may call operation `id`, by the roles its contract declares. */
export function may(user: Pick<User, 'role'> | null | undefined, id: string): boolean {
  if (!hasOperation(id)) return false;
  const entry: OperationEntry = operations[id];
  if (entry.security === 'public') return true;
  if (!user) return false;
  const roles: readonly Role[] | undefined = 'roles' in entry ? entry.roles : undefined;
  return roles === undefined || roles.includes(user.role);
}
