import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { createTokenVerifier } from '../auth/verify-request.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from './app-env.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * First in the chain: gives the request its id (the caller's `X-Request-Id` when well-formed), a logger
 * carrying it and the token verifier, then counts, times and logs the answer.
 */
export function requestContext(
  deps: Pick<AppDeps, 'logger' | 'metrics'>,
  verifyAccessToken: ReturnType<typeof createTokenVerifier>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('verifyAccessToken', verifyAccessToken);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    const answered = deps.metrics.requestStarted();
    try {
      await next();
    } finally {
      answered();
    }
    const seconds = (performance.now() - started) / 1000;
    // operationId is set by the matched route (defineRoute); requests outside the contract log `none`.
    const operation = c.get('operationId') ?? 'none';
    deps.metrics.observeRequest({ operation, method: c.req.method, status: c.res.status }, seconds);
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        operationId: operation,
        userId: c.get('user')?.id ?? null,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      },
      'request',
    );
  };
}
