import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** A fixed-window budget of `points` per key per `durationSeconds`. */
export interface RateLimitOptions {
  /** Namespace of the keys (e.g. `login-ip`); two limiters with different names never share budgets. */
  name: string;
  points: number;
  durationSeconds: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes `points` (default 1) from the key's budget, or refuses when that would exceed it. */
  consume(key: string, points?: number): Promise<RateDecision>;
  /** Points used in the key's current window (0 when none) and the ms until that window ends. */
  usage(key: string): Promise<{ consumed: number; resetInMs: number }>;
  /** Forgets the key's window: its full budget is available again. */
  reset(key: string): Promise<void>;
  /** Refuses the key for `seconds` from now, whatever its budget (a lockout). */
  block(key: string, seconds: number): Promise<void>;
}

/** Makes limiters; the memory and Redis adapters are rate-limiter-flexible's two stores. */
export interface RateLimiters {
  limiter(options: RateLimitOptions): RateLimiter;
}

/** Our interface over any rate-limiter-flexible limiter. */
export function rateLimiterOver(limiter: RateLimiterAbstract): RateLimiter {
  return {
    async consume(key, points = 1) {
      try {
        const result = await limiter.consume(key, points);
        return { allowed: true, remaining: result.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
    async usage(key) {
      const result = await limiter.get(key);
      if (!result || result.msBeforeNext <= 0) return { consumed: 0, resetInMs: 0 };
      return { consumed: result.consumedPoints, resetInMs: result.msBeforeNext };
    },
    async reset(key) {
      await limiter.delete(key);
    },
    async block(key, seconds) {
      await limiter.block(key, seconds);
    },
  };
}
