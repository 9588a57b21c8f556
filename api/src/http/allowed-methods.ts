import type { Hono } from 'hono';

const patternCache = new WeakMap<object, { regex: RegExp; method: string }[]>();

function compile(app: Hono<any, any, any>) {
  let compiled = patternCache.get(app);
  if (!compiled) {
    compiled = app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => ({
        method: route.method,
        regex: new RegExp(`^${route.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}/?$`),
      }));
    patternCache.set(app, compiled);
  }
  return compiled;
}

/** Methods some route answers at `path` (for 405 + Allow); empty when the path is unknown. */
export function methodsAllowedFor(app: Hono<any, any, any>, path: string): string[] {
  const methods = new Set(compile(app).filter((route) => route.regex.test(path)).map((route) => route.method));
  if (methods.has('GET')) methods.add('HEAD');
  if (methods.size > 0) methods.add('OPTIONS');
  return [...methods].sort();
}
