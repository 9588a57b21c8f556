/**
 * How long a job waits before its next attempt after a passing failure:
 * base × 4^(attempt − 1), at most 15 minutes (5 s, 20 s, 80 s, … with a 5 s base).
 */
export function retryDelaySeconds(attempt: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 4 ** Math.max(0, attempt - 1), 15 * 60);
}
