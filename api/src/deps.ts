import type { Presence, PubSub } from '@nexus/realtime';
import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { SigningKey } from './auth/signing-key.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { PdfRenderer } from './pdf/pdf-renderer.js';
import type { JobRunner } from './services/jobs/job-runner.js';
import type { Cache } from './infra/cache/cache.js';
import type { RateLimiters } from './infra/rate-limits/rate-limiter.js';
import type { TicketStore } from './infra/tickets/ticket-store.js';
import type { VerifiedTokens } from './auth/verified-tokens.js';
import type { ApiMetrics } from './observability/metrics.js';
import type { Lifecycle } from './observability/lifecycle.js';

/** A dependency's liveness check, shown by /api/health. */
export interface HealthProbe {
  name: 'postgres' | 'redis' | 'neo4j';
  /** A required dependency being down makes the API unhealthy (503). */
  required: boolean;
  /** Why the probe is not configured, when it is disabled. */
  disabledReason?: string;
  /** Shown with an `up` result, e.g. that the dependency is embedded in this process. */
  detail?: string;
  check: () => Promise<void>;
}

/** Everything the routes need, built once by the server (see runtime.ts) or by a test. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Db;
  /** The Redis roles, each served by Redis or in-process (see infra/ephemeral-stores.ts). */
  rateLimiters: RateLimiters;
  tickets: TicketStore;
  pubsub: PubSub;
  cache: Cache;
  presence: Presence;
  graph: Driver | null;
  signingKey: SigningKey;
  loginThrottle: LoginThrottle;
  /** Access tokens this process verified, until they expire or are revoked (auth/verified-tokens.ts). */
  verifiedTokens: VerifiedTokens;
  /** Quote PDFs, rendered on worker threads. */
  pdfRenderer: PdfRenderer;
  /** The durable job queue's runner in this process: `wake()` after queueing work. */
  jobs: JobRunner;
  /** bcrypt hash compared against for unknown emails, so timing does not reveal accounts. */
  decoyPasswordHash: string;
  healthProbes: HealthProbe[];
  /** Prometheus metrics of this process (served on METRICS_PORT). */
  metrics: ApiMetrics;
  /** Draining after SIGTERM: readiness answers 503. */
  lifecycle: Lifecycle;
  startedAt: Date;
  version: string;
}
