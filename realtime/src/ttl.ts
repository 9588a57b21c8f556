/** Seconds (fractions allowed) as the whole milliseconds Redis and timers take; never 0, which would mean "no expiry". */
export const ttlMilliseconds = (ttlSeconds: number) => Math.max(1, Math.round(ttlSeconds * 1000));
