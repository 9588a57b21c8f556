import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { AppEnv } from './app-env.js';

/** CORS for the configured origins (`CORS_ORIGINS`), applied only to requests that carry an Origin. */
export function browserCors(config: Pick<Config, 'CORS_ORIGINS'>): MiddlewareHandler<AppEnv> {
  const corsHeaders = cors({
    origin: (origin) => (config.CORS_ORIGINS.includes(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotency-Replayed'],
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
  // CORS concerns requests that carry an Origin (browsers). Hono's middleware writes its headers
  // onto a placeholder response before the handler runs, which makes every response be copied
  // (body stream included) when the handler sets its own: requests without an Origin skip it.
  return async (c, next) => {
    if (c.req.header('origin') !== undefined) return corsHeaders(c, next);
    await next();
    // On the response's own headers: `c.header` after the handler would rebuild the response around its body.
    c.res.headers.append('Vary', 'Origin');
  };
}
