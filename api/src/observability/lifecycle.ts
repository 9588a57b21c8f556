/**
 * Where this process is in its life: readiness (`/api/health/ready`, the
 * operations listener's `/ready`) answers 503 once it is draining, so a load
 * balancer stops sending it work while requests in flight finish.
 */
export interface Lifecycle {
  readonly draining: boolean;
  /** Called first on SIGTERM/SIGINT. */
  drain(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
    },
  };
}
