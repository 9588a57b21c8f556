import type { RateLimiter, RateLimiters } from '../infra/rate-limits/rate-limiter.js';

/**
 * Login rate limits: attempts per client address, and failed attempts per
 * account. `check` before verifying the password; `recordFailure` after a
 * failure; `recordSuccess` clears the account's failures.
 */
export interface LoginThrottle {
  check(ip: string, email: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  recordFailure(email: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export interface LoginThrottleLimits {
  perIp: number;
  perIpWindowSeconds: number;
  failuresPerAccount: number;
  accountWindowSeconds: number;
}

/** The throttle over two limiters: attempts by address, failures by account. */
export function createLoginThrottle(byIp: RateLimiter, failuresByAccount: RateLimiter, limits: LoginThrottleLimits): LoginThrottle {
  const accountKey = (email: string) => email.trim().toLowerCase();
  return {
    async check(ip, email) {
      const account = await failuresByAccount.usage(accountKey(email));
      if (account.consumed >= limits.failuresPerAccount) {
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(account.resetInMs / 1000)) };
      }
      const decision = await byIp.consume(ip);
      return decision.allowed ? { allowed: true } : decision;
    },
    async recordFailure(email) {
      // A refusal here only means the account is already locked.
      await failuresByAccount.consume(accountKey(email));
    },
    async recordSuccess(email) {
      await failuresByAccount.reset(accountKey(email));
    },
  };
}

/** The login throttle on whichever backend serves the rate limits (Redis, or this process). */
export function loginThrottle(rateLimiters: RateLimiters, limits: LoginThrottleLimits): LoginThrottle {
  return createLoginThrottle(
    rateLimiters.limiter({ name: 'login-ip', points: limits.perIp, durationSeconds: limits.perIpWindowSeconds }),
    rateLimiters.limiter({ name: 'login-account', points: limits.failuresPerAccount, durationSeconds: limits.accountWindowSeconds }),
    limits,
  );
}
