import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../../src/auth/login-throttle.js';
import { memoryRateLimiters } from '../../src/infra/rate-limits/memory-rate-limiters.js';
import type { RateLimiters } from '../../src/infra/rate-limits/rate-limiter.js';
import { redisRateLimiters } from '../../src/infra/rate-limits/redis-rate-limiters.js';
import { redisRoleBackends, sleep, type Opened } from '../support/backends.js';

describe.each(redisRoleBackends(memoryRateLimiters, redisRateLimiters))('rate limiter contract: $backend', (backend) => {
  let opened: Opened<RateLimiters>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.close());
  const limiter = (points: number, durationSeconds = 60) => opened.subject.limiter({ name: `t-${randomUUID()}`, points, durationSeconds });

  it('allows `points` per window, then refuses with the seconds to wait', async () => {
    const limit = limiter(3, 30);
    expect(await limit.consume('a')).toEqual({ allowed: true, remaining: 2 });
    expect(await limit.consume('a')).toEqual({ allowed: true, remaining: 1 });
    expect(await limit.consume('a')).toEqual({ allowed: true, remaining: 0 });
    const refused = await limit.consume('a');
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it('keeps keys, and limiters of different names, apart', async () => {
    const one = limiter(1);
    const other = limiter(1);
    expect((await one.consume('a')).allowed).toBe(true);
    expect((await one.consume('b')).allowed).toBe(true);
    expect((await other.consume('a')).allowed).toBe(true);
    expect((await one.consume('a')).allowed).toBe(false);
  });

  it('reports usage without consuming, and reset gives the full budget back', async () => {
    const limit = limiter(2, 30);
    expect(await limit.usage('k')).toEqual({ consumed: 0, resetInMs: 0 });
    await limit.consume('k', 2);
    const usage = await limit.usage('k');
    expect(usage.consumed).toBe(2);
    expect(usage.resetInMs).toBeGreaterThan(25_000);
    expect((await limit.consume('k')).allowed).toBe(false);
    await limit.reset('k');
    expect(await limit.usage('k')).toEqual({ consumed: 0, resetInMs: 0 });
    expect((await limit.consume('k')).allowed).toBe(true);
  });

  it('opens a new window when the old one ends', async () => {
    const limit = limiter(1, 1);
    expect((await limit.consume('w')).allowed).toBe(true);
    expect((await limit.consume('w')).allowed).toBe(false);
    await sleep(1_100);
    expect((await limit.consume('w')).allowed).toBe(true);
  });

  it('counts concurrent consumers exactly', async () => {
    const limit = limiter(10);
    const decisions = await Promise.all(Array.from({ length: 25 }, () => limit.consume('busy')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('drives the login throttle: failures lock the account, success clears them', async () => {
    const limits = { perIp: 100, perIpWindowSeconds: 60, failuresPerAccount: 2, accountWindowSeconds: 60 };
    const throttle = createLoginThrottle(limiter(100), limiter(2), limits);
    expect(await throttle.check('10.0.0.1', 'Ann@example.com')).toEqual({ allowed: true });
    await throttle.recordFailure('ann@example.com');
    await throttle.recordSuccess('ANN@example.com ');
    await throttle.recordFailure('ann@example.com');
    expect((await throttle.check('10.0.0.1', 'ann@example.com')).allowed).toBe(true);
    await throttle.recordFailure('ann@example.com');
    expect(await throttle.check('10.0.0.2', 'ann@example.com')).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
  });
});
