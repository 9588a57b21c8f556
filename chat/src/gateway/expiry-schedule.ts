/**
 * When connections' access tokens expire, on one timer for the whole gateway:
 * each connection sits in the bucket of the second its token expires, and a
 * tick every second hands over those whose second has come. A `setTimeout`
 * per connection (a Timeout, its closure and their place in the timer lists)
 * cost ~0.3 KB of heap for every idle socket (bench/README.md, bench:chat).
 *
 * A connection is handed over within a second after its `expiresAt`, never
 * before; one whose `expiresAt` has already passed when it is added, in a
 * microtask.
 */
export function expirySchedule<T>(onExpired: (item: T) => void, now: () => number = Date.now) {
  const buckets = new Map<number, Set<T>>();
  /** Every second up to this one has been handed over. */
  let swept = Math.floor(now() / 1000);
  const bucketOf = (expiresAt: number) => Math.ceil(expiresAt / 1000);

  const timer = setInterval(() => {
    const second = Math.floor(now() / 1000);
    while (swept < second) {
      swept += 1;
      const due = buckets.get(swept);
      if (!due) continue;
      buckets.delete(swept);
      for (const item of due) onExpired(item);
    }
  }, 1000);
  timer.unref();

  return {
    add(item: T, expiresAt: number): void {
      const second = bucketOf(expiresAt);
      if (second <= swept) return queueMicrotask(() => onExpired(item));
      let bucket = buckets.get(second);
      if (!bucket) buckets.set(second, (bucket = new Set()));
      bucket.add(item);
    },
    /** Takes `item` out (its socket closed first; nothing if it was handed over); `expiresAt` as given to `add`. */
    remove(item: T, expiresAt: number): void {
      const second = bucketOf(expiresAt);
      const bucket = buckets.get(second);
      if (bucket?.delete(item) && bucket.size === 0) buckets.delete(second);
    },
    close(): void {
      clearInterval(timer);
      buckets.clear();
    },
  };
}

export type ExpirySchedule<T> = ReturnType<typeof expirySchedule<T>>;
