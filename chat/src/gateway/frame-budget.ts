/**
 * A token bucket per connection: `ratePerSecond` frames on average, `burst`
 * at once. `take()` says whether one more frame may be handled now.
 *
 * A class rather than a closure: every idle socket holds one, and an object
 * with its numbers in fields is about a third of a closure, its context and
 * the object around it.
 */
export class FrameBudget {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((at - this.last) / 1000) * this.ratePerSecond);
    this.last = at;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
