/**
 * A token bucket per connection: `ratePerSecond` frames on average, `burst`
 * at once. `take()` says whether one more frame may be handled now.
 */
export function frameBudget(ratePerSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return {
    take(): boolean {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - last) / 1000) * ratePerSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
