import type { Hono, MiddlewareHandler } from 'hono';
import { problems } from '../lib/problem.js';

interface CompiledRoute {
  path: string;
  regex: RegExp;
  method: string;
  /** One flag per path segment, true where the segment is a parameter: `/documents/recent` outranks `/documents/:id`. */
  parameters: boolean[];
}

const patternCache = new WeakMap<object, CompiledRoute[]>();

function compile(app: Hono<any, any, any>) {
  let compiled = patternCache.get(app);
  if (!compiled) {
    compiled = app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => ({
        path: route.path,
        method: route.method,
        regex: new RegExp(`^${route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`),
        parameters: route.path.split('/').map((segment) => segment.startsWith(':')),
      }));
    patternCache.set(app, compiled);
  }
  return compiled;
}

/** Negative when `a` is the more specific template: the first segment where they differ is literal in `a`. */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  for (let i = 0; i < Math.min(a.parameters.length, b.parameters.length); i++) {
    if (a.parameters[i] !== b.parameters[i]) return a.parameters[i] ? 1 : -1;
  }
  return 0;
}

/**
 * Methods the resource at `path` answers (for 405 + Allow); empty when the path is unknown.
 * Where templates overlap (`/api/documents/recent` and `/api/documents/{id}`), the path is the resource of the most
 * specific one: `recent` is not a document, so the document's DELETE is not offered there.
 */
export function methodsAllowedFor(app: Hono<any, any, any>, path: string): string[] {
  const matching = compile(app).filter((route) => route.regex.test(path));
  const best = matching.reduce<CompiledRoute | undefined>((winner, route) => (!winner || bySpecificity(route, winner) < 0 ? route : winner), undefined);
  const methods = new Set(matching.filter((route) => best && bySpecificity(route, best) === 0).map((route) => route.method));
  if (methods.has('GET')) methods.add('HEAD');
  if (methods.size > 0) methods.add('OPTIONS');
  return [...methods].sort();
}

const shadowCache = new WeakMap<object, Map<string, string[]>>();

/**
 * Literal paths that a parameter template fits too, with the methods of the literal resource:
 * `/api/documents/recent` → GET, HEAD, OPTIONS, though `DELETE /api/documents/{id}` would take it.
 */
function shadowingPaths(app: Hono<any, any, any>): Map<string, string[]> {
  let shadows = shadowCache.get(app);
  if (!shadows) {
    shadows = new Map();
    const routes = compile(app);
    for (const literal of routes) {
      if (literal.parameters.some(Boolean) || shadows.has(literal.path)) continue;
      if (routes.some((route) => route.parameters.some(Boolean) && route.regex.test(literal.path))) {
        shadows.set(literal.path, methodsAllowedFor(app, literal.path));
      }
    }
    shadowCache.set(app, shadows);
  }
  return shadows;
}

/**
 * 405 for a method the literal resource does not have, before the router hands the request to a parameter route
 * that would read the literal segment as an id (`DELETE /api/documents/recent` is not "delete the document `recent`").
 * One map lookup per request; the map is built from the routes on first use.
 */
export function refuseMethodsOfShadowedRoutes(app: Hono<any, any, any>): MiddlewareHandler {
  return async (c, next) => {
    const allowed = shadowingPaths(app).get(c.req.path);
    if (allowed && !allowed.includes(c.req.method)) throw problems.methodNotAllowed(c.req.method, allowed);
    await next();
  };
}
