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

  it('blocks a key for the given seconds whatever its budget, until reset', async () => {
    const limit = limiter(5, 60);
    await limit.block('b', 120);
    const refused = await limit.consume('b');
    expect(refused.allowed).toBe(false);
    expect(!refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(100);
    await limit.reset('b');
    expect((await limit.consume('b')).allowed).toBe(true);
  });

  describe('login throttle', () => {
    const limits = { perAddress: 100, perAddressWindowSeconds: 60, failuresPerAccount: 2, accountWindowSeconds: 60, maxLockoutSeconds: 3600 };
    const throttle = () => createLoginThrottle({ byAddress: limiter(100), byAccountAddress: limiter(2), lockouts: limiter(1_000_000, 3600) }, limits);
    const fail = async (t: ReturnType<typeof throttle>, address: string, email: string) => {
      const gate = await t.begin({ address, email });
      if (gate.allowed) await gate.attempt.failed();
      return gate;
    };

    it('locks an account from one address only, and a success gives the budget back', async () => {
      const t = throttle();
      const first = await t.begin({ address: '10.0.0.1', email: 'Ann@example.com' });
      expect(first.allowed).toBe(true);
      if (first.allowed) await first.attempt.succeeded();
      expect((await fail(t, '10.0.0.1', 'ann@example.com')).allowed).toBe(true);
      expect((await fail(t, '10.0.0.1', 'ANN@example.com ')).allowed).toBe(true);
      expect(await t.begin({ address: '10.0.0.1', email: 'ann@example.com' })).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
      // The owner, elsewhere, is not locked out by a stranger's guesses.
      expect((await t.begin({ address: '10.0.0.2', email: 'ann@example.com' })).allowed).toBe(true);
    });

    it('counts parallel attempts before their outcome is known', async () => {
      const t = throttle();
      const gates = await Promise.all(Array.from({ length: 20 }, () => t.begin({ address: '10.0.0.3', email: 'bo@example.com' })));
      expect(gates.filter((gate) => gate.allowed)).toHaveLength(2);
    });

    it('doubles the lockout each time the same account and address spend their budget', async () => {
      const byAccountAddress = limiter(2);
      const lockouts = limiter(1_000_000, 3600);
      const again = createLoginThrottle({ byAddress: limiter(100), byAccountAddress, lockouts }, limits);
      const spend = async () => {
        await fail(again, '10.0.0.5', 'di@example.com');
        await fail(again, '10.0.0.5', 'di@example.com');
        const refused = await again.begin({ address: '10.0.0.5', email: 'di@example.com' });
        return refused.allowed ? 0 : refused.retryAfterSeconds;
      };
      const firstLockout = await spend();
      // The lockout ends (as if its time had passed); the next spent budget locks for longer.
      await byAccountAddress.reset('di@example.com|10.0.0.5');
      const secondLockout = await spend();
      await byAccountAddress.reset('di@example.com|10.0.0.5');
      const thirdLockout = await spend();
      expect(firstLockout).toBeGreaterThan(55);
      expect(firstLockout).toBeLessThanOrEqual(60);
      expect(secondLockout).toBeGreaterThan(115);
      expect(secondLockout).toBeLessThanOrEqual(120);
      expect(thirdLockout).toBeGreaterThan(235);
    });
  });
});
