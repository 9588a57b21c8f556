import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * Calls `invalidate` after every successful write (any method but GET, HEAD and OPTIONS, answered below 400):
 * the public statistics are cached for a few seconds, and the next read must show the write.
 */
export function invalidateStatisticsOnWrite(invalidate: () => Promise<void>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && c.res.status < 400) await invalidate();
  };
}
