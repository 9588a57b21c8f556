// The gateway's one timer for token expiry (src/gateway/expiry-schedule.ts): a connection is
// handed over in the tick after its expiry second, never before, and not at all once removed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expirySchedule } from '../src/gateway/expiry-schedule.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('expirySchedule', () => {
  it('hands a connection over within a second after its expiry, never before', () => {
    const expired: string[] = [];
    const schedule = expirySchedule<string>((item) => expired.push(item));
    const start = Date.now();
    schedule.add('at 2.5 s', start + 2_500);
    schedule.add('at 5 s', start + 5_000);
    vi.advanceTimersByTime(2_499);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1_001);
    expect(expired).toEqual(['at 2.5 s']);
    vi.advanceTimersByTime(1_499);
    expect(expired).toEqual(['at 2.5 s']);
    vi.advanceTimersByTime(1_001);
    expect(expired).toEqual(['at 2.5 s', 'at 5 s']);
    schedule.close();
  });

  it('never hands over a removed connection, and keeps the others of its second', () => {
    const expired: string[] = [];
    const schedule = expirySchedule<string>((item) => expired.push(item));
    const at = Date.now() + 3_000;
    schedule.add('closed', at);
    schedule.add('open', at);
    schedule.remove('closed', at);
    vi.advanceTimersByTime(5_000);
    expect(expired).toEqual(['open']);
    schedule.remove('open', at); // already handed over: nothing to do
    schedule.close();
  });

  it('hands over at once a connection whose token expired before it was added', async () => {
    const expired: string[] = [];
    const schedule = expirySchedule<string>((item) => expired.push(item));
    schedule.add('late', Date.now() - 1);
    await Promise.resolve();
    expect(expired).toEqual(['late']);
    schedule.close();
  });

  it('catches up with every second it missed (a stalled event loop)', () => {
    const expired: string[] = [];
    const schedule = expirySchedule<string>((item) => expired.push(item));
    const start = Date.now();
    schedule.add('a', start + 1_500);
    schedule.add('b', start + 4_000);
    vi.setSystemTime(start + 10_000);
    vi.advanceTimersToNextTimer();
    expect(expired.sort()).toEqual(['a', 'b']);
    schedule.close();
  });
});
