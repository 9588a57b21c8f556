import { RateLimiterMemory } from 'rate-limiter-flexible';
import { rateLimiterOver, type RateLimiters } from './rate-limiter.js';

/** Budgets kept in this process: correct for one instance only. */
export function memoryRateLimiters(): RateLimiters {
  return {
    limiter: ({ name, points, durationSeconds }) =>
      rateLimiterOver(new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds })),
  };
}
