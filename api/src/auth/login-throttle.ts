import type { RateLimiter, RateLimiters } from '../infra/rate-limits/rate-limiter.js';

/**
 * Login rate limits that hold under concurrency and cannot be turned against
 * the account's owner:
 *
 * - every attempt from a client address takes one point of that address's
 *   budget;
 * - every attempt on an account *from one address* takes one point of that
 *   pair's failure budget **before** the password is checked (an atomic
 *   consume, so parallel guesses cannot all slip through a read-then-write
 *   gap); a success gives the budget back;
 * - when a pair spends its budget it is locked for the window, then twice as
 *   long at the next lockout, and so on up to a ceiling (growing delays).
 *
 * Keying failures by account *and* address means a stranger's wrong passwords
 * lock out the stranger, never the owner logging in from elsewhere.
 */
export interface LoginThrottle {
  /** Counts an attempt before the password is checked; refuses when a limit is spent. */
  begin(attempt: { address: string; email: string }): Promise<LoginGate>;
}

export type LoginGate = { allowed: false; retryAfterSeconds: number } | { allowed: true; attempt: LoginAttempt };

/** The outcome of an admitted attempt, reported once the password was checked. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export interface LoginThrottleLimits {
  perAddress: number;
  perAddressWindowSeconds: number;
  /** Failed attempts allowed per account and client address in one window. */
  failuresPerAccount: number;
  accountWindowSeconds: number;
  /** Ceiling of the doubling lockout. */
  maxLockoutSeconds: number;
}

export interface LoginLimiters {
  byAddress: RateLimiter;
  /** Attempts on one account from one address. */
  byAccountAddress: RateLimiter;
  /** Lockouts of one account from one address, remembered for `maxLockoutSeconds`. */
  lockouts: RateLimiter;
}

const accountAddressKey = (email: string, address: string) => `${email.trim().toLowerCase()}|${address}`;

export function createLoginThrottle(limiters: LoginLimiters, limits: LoginThrottleLimits): LoginThrottle {
  return {
    async begin({ address, email }) {
      const byAddress = await limiters.byAddress.consume(address);
      if (!byAddress.allowed) return byAddress;
      const key = accountAddressKey(email, address);
      const byAccount = await limiters.byAccountAddress.consume(key);
      if (!byAccount.allowed) return byAccount;
      const lastPoint = byAccount.remaining === 0;
      return {
        allowed: true,
        attempt: {
          async succeeded() {
            await Promise.all([limiters.byAccountAddress.reset(key), limiters.lockouts.reset(key)]);
          },
          async failed() {
            // Only the attempt that took the last point locks, so parallel failures lock once.
            if (!lastPoint) return;
            const counted = await limiters.lockouts.consume(key);
            const lockouts = counted.allowed ? LOCKOUT_COUNT_POINTS - counted.remaining : LOCKOUT_COUNT_POINTS;
            const seconds = Math.min(limits.accountWindowSeconds * 2 ** Math.min(lockouts - 1, 30), limits.maxLockoutSeconds);
            await limiters.byAccountAddress.block(key, seconds);
          },
        },
      };
    },
  };
}

/** Lockouts are counted, never refused: the budget only has to be larger than any real count. */
const LOCKOUT_COUNT_POINTS = 1_000_000;

/** The login throttle on whichever backend serves the rate limits (Redis, or this process). */
export function loginThrottle(rateLimiters: RateLimiters, limits: LoginThrottleLimits): LoginThrottle {
  return createLoginThrottle(
    {
      byAddress: rateLimiters.limiter({ name: 'login-address', points: limits.perAddress, durationSeconds: limits.perAddressWindowSeconds }),
      byAccountAddress: rateLimiters.limiter({
        name: 'login-account-address',
        points: limits.failuresPerAccount,
        durationSeconds: limits.accountWindowSeconds,
      }),
      lockouts: rateLimiters.limiter({ name: 'login-lockouts', points: LOCKOUT_COUNT_POINTS, durationSeconds: limits.maxLockoutSeconds }),
    },
    limits,
  );
}
