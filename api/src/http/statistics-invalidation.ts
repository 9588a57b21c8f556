import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * Calls `invalidate` after every successful write (any method but GET, HEAD and OPTIONS, answered below 400):
 * the public statistics are cached for a few seconds, and the next read must show the write. Operations
 * that write nothing they count (declared `keepsPublicStatistics`, e.g. a chat message) leave the cache.
 */
export function invalidateStatisticsOnWrite(invalidate: () => Promise<void>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || c.res.status >= 400) return;
    if (!c.get('keepsPublicStatistics')) await invalidate();
  };
}
