import type { RetryOptions } from './client-options.js';
import { retryAfterSecondsOf } from './errors.js';

export type RetryPolicy = Required<Omit<RetryOptions, 'onRetry'>> & Pick<RetryOptions, 'onRetry'>;

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 200, maxDelayMs: 10_000 };

/** Statuses that say "not done, try again": rate limited, temporarily unavailable. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** The client's policy with a request's override applied; `false` means no retries. */
export function retryPolicyOf(
  clientRetry: RetryOptions | false | undefined,
  requestRetry: RetryOptions | false | undefined,
): RetryPolicy | false {
  if (clientRetry === false && requestRetry === undefined) return false;
  if (requestRetry === false) return false;
  return { ...DEFAULT_RETRY, ...(clientRetry || {}), ...(requestRetry ?? {}) };
}

/** Full jitter: a uniformly random wait up to the exponential ceiling (AWS architecture blog). */
export function backoffDelayMs(retryIndex: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before retrying a retryable response: `Retry-After` when present,
 * backoff otherwise; `undefined` when the server asks for longer than `maxDelayMs`
 * (the caller then gets the error with `retryAfterSeconds` and decides).
 */
export function retryDelayForResponse(response: Response, retryIndex: number, policy: RetryPolicy): number | undefined {
  const seconds = retryAfterSecondsOf(response.headers);
  if (seconds === undefined) return backoffDelayMs(retryIndex, policy);
  const delayMs = seconds * 1000;
  return delayMs <= policy.maxDelayMs ? delayMs : undefined;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!signal) {
      setTimeout(resolve, ms);
      return;
    }
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
