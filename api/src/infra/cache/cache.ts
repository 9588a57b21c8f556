/**
 * Short-lived copies of things that are expensive to compute. Never the only
 * copy of anything: a miss (or an evicted entry) just means recomputing.
 * Values are JSON; `get` returns a fresh copy.
 */
export interface Cache {
  /** The value stored under `key`, or undefined when missing or expired. The caller names the type it stored. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores `value` for `ttlSeconds` (fractions allowed). */
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export { ttlMilliseconds } from '@nexus/realtime';
