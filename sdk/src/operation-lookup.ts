// Finds which contract operation a concrete request is, from its method and path —
// the one index of the contract's routes: the client's credentials, its error
// reports and the web dashboard's proxy all decide by it.
import { operations, type OperationId } from './generated/operations.js';

/** What the contract declares about one operation (method, path template, security, roles, …). */
export type OperationEntry = (typeof operations)[OperationId];

/** An operation found by {@link findOperation}: its `operationId` and its entry of the operation table. */
export interface ResolvedOperation {
  id: OperationId;
  entry: OperationEntry;
}

interface Matcher extends ResolvedOperation {
  method: string;
  pattern: RegExp;
  parameterCount: number;
}

const isParameter = (segment: string) => /^\{[^/{}]+\}$/.test(segment);

let matchers: Matcher[] | undefined;

function compile(): Matcher[] {
  const compiled = (Object.keys(operations) as OperationId[]).map((id): Matcher => {
    const entry = operations[id];
    const segments = entry.path.split('/');
    const source = segments.map((segment) => (isParameter(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
    return { id, entry, method: entry.method.toUpperCase(), pattern: new RegExp(`^${source}$`), parameterCount: segments.filter(isParameter).length };
  });
  // `/api/users/me` must win over `/api/users/{id}`: the most literal template first.
  return compiled.sort((a, b) => a.parameterCount - b.parameterCount);
}

/**
 * The operation that `method path` addresses — a concrete path such as
 * `/api/customers/0b8f…` or a template such as `/api/customers/{id}` — or
 * `undefined` when it is no operation of the contract. The path has no query
 * string and no origin.
 *
 * @example
 * import { findOperation } from '@nexus/sdk';
 *
 * findOperation('PATCH', `/api/customers/${id}`);
 * // { id: 'updateCustomer', entry: { method: 'patch', path: '/api/customers/{id}', security: 'bearer', roles: ['admin', 'sales'], … } }
 * findOperation('GET', '/api/health')?.entry.security; // 'public'
 */
export function findOperation(method: string, path: string): ResolvedOperation | undefined {
  const upper = method.toUpperCase();
  matchers ??= compile();
  const found = matchers.find((matcher) => matcher.method === upper && matcher.pattern.test(path));
  return found && { id: found.id, entry: found.entry };
}

/**
 * The operation a request to `url` addresses, or `undefined` when the URL is not
 * under `baseUrl` or matches no operation of the contract.
 */
export function findOperationAt(method: string, url: string, baseUrl: string): ResolvedOperation | undefined {
  const target = new URL(url);
  const base = new URL(baseUrl === '' ? '/' : baseUrl, target);
  if (target.origin !== base.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (basePath !== '' && !target.pathname.startsWith(`${basePath}/`)) return undefined;
  return findOperation(method, target.pathname.slice(basePath.length));
}
