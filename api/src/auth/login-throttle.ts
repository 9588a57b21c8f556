import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

/**
 * Login rate limits: attempts per client address, and failed attempts per
 * account. `check` before verifying the password; `recordFailure` after a
 * failure; `recordSuccess` clears the account's failures.
 */
export interface LoginThrottle {
  /** Resolves, or rejects with the seconds to wait. */
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

/** The throttle over any pair of rate-limiter-flexible limiters (Redis- or memory-backed). */
export function createLoginThrottle(byIp: RateLimiterAbstract, failuresByAccount: RateLimiterAbstract, limits: LoginThrottleLimits): LoginThrottle {
  const accountKey = (email: string) => email.trim().toLowerCase();
  return {
    async check(ip, email) {
      const account = await failuresByAccount.get(accountKey(email));
      if (account && account.consumedPoints >= limits.failuresPerAccount) {
        return { allowed: false, retryAfterSeconds: Math.ceil(account.msBeforeNext / 1000) };
      }
      try {
        await byIp.consume(ip);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
        }
        throw rejection;
      }
    },
    async recordFailure(email) {
      try {
        await failuresByAccount.consume(accountKey(email));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
      }
    },
    async recordSuccess(email) {
      await failuresByAccount.delete(accountKey(email));
    },
  };
}

export function redisLoginThrottle(redis: Redis, limits: LoginThrottleLimits): LoginThrottle {
  const common = { storeClient: redis, useRedisPackage: false, rejectIfRedisNotReady: true };
  return createLoginThrottle(
    new RateLimiterRedis({ ...common, keyPrefix: 'login-ip', points: limits.perIp, duration: limits.perIpWindowSeconds }),
    new RateLimiterRedis({
      ...common,
      keyPrefix: 'login-account',
      points: limits.failuresPerAccount,
      duration: limits.accountWindowSeconds,
    }),
    limits,
  );
}
