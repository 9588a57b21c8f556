// Finds which contract operation a concrete request is, from its method and URL, so
// that credentials follow the operation's declared security and nothing else.
import { operations, type OperationId } from './generated/operations.js';

type OperationEntry = (typeof operations)[OperationId];

export interface ResolvedOperation {
  id: OperationId;
  entry: OperationEntry;
}

interface Matcher extends ResolvedOperation {
  method: string;
  pattern: RegExp;
  parameterCount: number;
}

let matchers: Matcher[] | undefined;

function compile(): Matcher[] {
  const compiled = (Object.keys(operations) as OperationId[]).map((id): Matcher => {
    const entry = operations[id];
    const segments = entry.path.split('/');
    const parameterCount = segments.filter((segment) => /^\{[^/{}]+\}$/.test(segment)).length;
    const source = segments
      .map((segment) => (/^\{[^/{}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return { id, entry, method: entry.method.toUpperCase(), pattern: new RegExp(`^${source}$`), parameterCount };
  });
  // `/api/users/me` must win over `/api/users/{id}`: the most literal template first.
  return compiled.sort((a, b) => a.parameterCount - b.parameterCount);
}

/**
 * The operation a request addresses, or `undefined` when its URL is not under
 * `baseUrl` or matches no operation of the contract.
 */
export function findOperation(method: string, url: string, baseUrl: string): ResolvedOperation | undefined {
  const target = new URL(url);
  const base = new URL(baseUrl === '' ? '/' : baseUrl, target);
  if (target.origin !== base.origin) return undefined;
  const basePath = base.pathname.replace(/\/+$/, '');
  if (basePath !== '' && !target.pathname.startsWith(`${basePath}/`)) return undefined;
  const path = target.pathname.slice(basePath.length);
  const upper = method.toUpperCase();
  matchers ??= compile();
  const found = matchers.find((matcher) => matcher.method === upper && matcher.pattern.test(path));
  return found && { id: found.id, entry: found.entry };
}
