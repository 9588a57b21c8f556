import type { MiddlewareHandler } from 'hono';
import type { RateLimiter } from '../infra/rate-limits/rate-limiter.js';
import { problems } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';
import { clientAddress } from './client-address.js';

/**
 * Takes one call from the client address's budget, or answers 429
 * (problem+json with Retry-After). Declare `rateLimited: true` in the route's
 * definition so that the contract documents the 429.
 */
export function rateLimitPerAddress(limiter: RateLimiter, trustedProxyHops: number, detail: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = await limiter.consume(clientAddress(c, trustedProxyHops));
    if (!decision.allowed) throw problems.tooManyRequests(decision.retryAfterSeconds, detail);
    await next();
  };
}
