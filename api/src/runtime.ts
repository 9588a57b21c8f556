import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AppDeps, HealthProbe } from './deps.js';
import { openDatabase, pingDatabase, withoutCredentials } from './db/open-database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Backend } from './infra/backend.js';
import { embeddedEphemeralStores, redisEphemeralStores } from './infra/ephemeral-stores.js';
import { connectNeo4j } from './infra/neo4j.js';
import { localSigningKey, signingKeyFromPem } from './auth/signing-key.js';
import { decoyHash } from './auth/passwords.js';
import { loginThrottle } from './auth/login-throttle.js';
import { verifiedTokens } from './auth/verified-tokens.js';
import { AUTH_REVOKED_CHANNEL, authRevokedEventSchema } from '@nexus/sdk/chat';
import { createPdfRenderer } from './pdf/pdf-renderer.js';
import { API_VERSION } from './openapi/document.js';
import { startCatalogueWorkers } from './catalogue/workers.js';
import { documentParseLimits, jobHandlers } from './services/jobs/job-handlers.js';
import { startResidentParser } from './parsing/resident-parser.js';
import { startJobRunner } from './services/jobs/job-runner.js';
import { startDocumentEventPublisher } from './services/documents/document-events.js';
import { startQuoteExpirySweep } from './services/quotes/index.js';
import { startQuoteAnnouncer } from './services/chat/quote-announcements.js';
import { startRetentionSweep } from './services/maintenance/retention.js';
import type { JobRunner } from './services/jobs/job-runner.js';
import { jobQueueDepth } from './repositories/jobs.js';
import { createApiMetrics } from './observability/metrics.js';
import { createLifecycle } from './observability/lifecycle.js';

/** Which backend serves a role, and where: printed at start (server.ts). */
export interface RoleBackend {
  role: string;
  backend: Backend | 'disabled';
  where: string;
}

export interface Runtime {
  deps: AppDeps;
  backends: RoleBackend[];
  /** Closes every connection; call after the HTTP server stopped accepting requests. */
  close(): Promise<void>;
}

/** Why the graph is off when NEO4J_URL is unset; shown by /api/health and at start. */
export const GRAPH_DISABLED_REASON =
  'NEO4J_URL is not set, so the graph features are off. `npm start` starts a local Neo4j when a JDK 17+ is installed; or set NEO4J_URL (+ NEO4J_USER, NEO4J_PASSWORD).';

/**
 * Connects to every datastore named by the configuration, applies pending
 * migrations and loads the signing key. Without DATABASE_URL the database is
 * PostgreSQL embedded in this process (PGlite under DATA_DIR/pglite); without
 * REDIS_URL the Redis roles are served in-process. Fails loudly when a
 * configured store is not reachable.
 */
export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const closers: (() => Promise<unknown>)[] = [];
  // NEXUS_ROLE=api serves HTTP only; the background work (jobs, graph sync, expiry sweep, announcements) runs in a worker.
  const runsBackground = config.NEXUS_ROLE !== 'api';
  const metrics = createApiMetrics({ role: config.NEXUS_ROLE });
  try {
    const database = await openDatabase(config, {
      onIdleError: (error) => logger.error({ err: error }, 'postgres: idle connection error'),
    });
    const { db } = database;
    closers.push(() => database.close());
    if (database.poolStats) metrics.setPoolSource(database.poolStats);
    const backends: RoleBackend[] = [{ role: 'database', backend: database.backend, where: database.where }];
    await migrateToLatest(db);

    const ephemeral = config.REDIS_URL
      ? await redisEphemeralStores(config.REDIS_URL, config.REDIS_KEY_PREFIX, logger)
      : embeddedEphemeralStores(logger);
    closers.push(() => ephemeral.close());
    const ephemeralWhere = config.REDIS_URL ? `Redis ${withoutCredentials(config.REDIS_URL)}` : 'in-process (this instance only)';
    for (const role of ['rate limits', 'chat tickets', 'pub/sub', 'cache', 'presence']) {
      backends.push({ role, backend: ephemeral.backend, where: ephemeralWhere });
    }

    const graph = config.NEO4J_URL ? connectNeo4j(config.NEO4J_URL, config.NEO4J_USER, config.NEO4J_PASSWORD) : null;
    backends.push(
      config.NEO4J_URL
        ? { role: 'graph', backend: 'server', where: `Neo4j ${withoutCredentials(config.NEO4J_URL)}` }
        : { role: 'graph', backend: 'disabled', where: 'NEO4J_URL is not set: graph features answer 503' },
    );
    if (graph) {
      closers.push(() => graph.close());
      await graph.getServerInfo().catch((error: unknown) => logger.error({ err: error }, 'neo4j: not reachable at start; graph features answer 503 until it is'));
    }

    const signingKey = config.JWT_PRIVATE_KEY
      ? await signingKeyFromPem(config.JWT_PRIVATE_KEY)
      : await localSigningKey(config.DATA_DIR).then(({ key, created }) => {
          if (created) logger.warn({ dataDir: config.DATA_DIR }, 'generated a local token-signing key (development only)');
          return key;
        });

    const healthProbes: HealthProbe[] = [
      {
        name: 'postgres',
        required: true,
        ...(config.DATABASE_URL ? {} : { detail: 'embedded: PostgreSQL in this process (PGlite)' }),
        check: () => pingDatabase(db),
      },
      {
        name: 'redis',
        required: true,
        ...(ephemeral.backend === 'embedded' ? { detail: 'embedded: rate limits, tickets, pub/sub, cache and presence in this process' } : {}),
        check: () => ephemeral.ping(),
      },
      graph
        ? { name: 'neo4j', required: false, check: async () => void (await graph.executeQuery('RETURN 1')) }
        : { name: 'neo4j', required: false, disabledReason: GRAPH_DISABLED_REASON, check: async () => {} },
    ];

    // Revocations made by other instances reach this one's verified-token cache through pub/sub
    // (the instance that revokes forgets its own entries before it answers).
    const tokens = verifiedTokens({ maxEntries: config.AUTH_CACHE_MAX_ENTRIES, maxAgeSeconds: config.AUTH_CACHE_MAX_AGE_SECONDS });
    const stopRevocations = await ephemeral.pubsub.subscribe(AUTH_REVOKED_CHANNEL, (payload) => {
      const parsed = authRevokedEventSchema.safeParse(payload);
      if (parsed.success) tokens.forget(parsed.data);
      else logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'auth: ignored a malformed auth.revoked event');
    });
    closers.push(() => stopRevocations());

    const pdfRenderer = createPdfRenderer(
      {
        threads: config.PDF_RENDER_THREADS,
        maxQueued: config.PDF_RENDER_QUEUE,
        memoryLimitMb: config.PDF_RENDER_MEMORY_MB,
        timeoutMs: config.PDF_RENDER_TIMEOUT_MS,
      },
      logger,
    );
    closers.push(() => pdfRenderer.close());

    // document.processed / document.failed from their outbox (written with the document's status), in the
    // processes that run background work; stopped after the jobs (closers run in reverse).
    const documentEvents = runsBackground
      ? startDocumentEventPublisher({ db, pubsub: ephemeral.pubsub, logger: logger.child({ worker: 'document-events' }) })
      : undefined;
    if (documentEvents) closers.push(() => documentEvents.stop());

    // The one durable job queue (catalogue imports, RFQ documents); stopped before the stores close: running jobs get
    // SHUTDOWN_TIMEOUT_SECONDS to finish, the rest are handed back. An `api`-only process queues jobs and
    // leaves running them to the workers, which poll every JOBS_POLL_MS.
    // The RFQ documents' parser worker, kept for the next document (started now unless DOCUMENT_PARSER_START says otherwise); closed after the jobs.
    const documentParser = runsBackground ? startResidentParser('rfq-document', documentParseLimits(config), { startNow: config.DOCUMENT_PARSER_START === 'with-process' }) : undefined;
    if (documentParser) closers.push(() => documentParser.close());
    const jobs: JobRunner = runsBackground
      ? startJobRunner(
          { db, logger: logger.child({ worker: 'jobs' }) },
          jobHandlers({ db, logger, config }, { documentEnded: () => documentEvents?.wake(), ...(documentParser ? { documentParser } : {}) }),
          {
            pollMs: config.JOBS_POLL_MS,
            leaseSeconds: config.JOBS_LEASE_SECONDS,
            concurrency: config.JOBS_CONCURRENCY,
            retryBaseSeconds: config.JOBS_RETRY_BASE_SECONDS,
            shutdownGraceMs: config.SHUTDOWN_TIMEOUT_SECONDS * 1000,
            onJobEnded: (kind, outcome, seconds) => metrics.observeJob({ kind, outcome }, seconds),
          },
        )
      : { workerId: 'none (NEXUS_ROLE=api)', wake() {}, runNow: async () => undefined, stop: async () => {} };
    closers.push(() => jobs.stop());
    if (runsBackground) metrics.setJobQueueSource(() => jobQueueDepth(db));

    const deps: AppDeps = {
      config,
      logger,
      db,
      rateLimiters: ephemeral.rateLimiters,
      tickets: ephemeral.tickets,
      pubsub: ephemeral.pubsub,
      cache: ephemeral.cache,
      presence: ephemeral.presence,
      graph,
      signingKey,
      verifiedTokens: tokens,
      loginThrottle: loginThrottle(ephemeral.rateLimiters, {
        perAddress: config.LOGIN_LIMIT_PER_IP,
        perAddressWindowSeconds: config.LOGIN_LIMIT_PER_IP_WINDOW_SECONDS,
        failuresPerAccount: config.LOGIN_LIMIT_FAILURES_PER_ACCOUNT,
        accountWindowSeconds: config.LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS,
        maxLockoutSeconds: config.LOGIN_LOCKOUT_MAX_SECONDS,
      }),
      pdfRenderer,
      jobs,
      decoyPasswordHash: await decoyHash(config.BCRYPT_COST),
      healthProbes,
      metrics,
      lifecycle: createLifecycle(),
      startedAt: new Date(),
      version: API_VERSION,
    };
    if (runsBackground) {
      // The graph outbox sync; stopped before the stores close.
      closers.push(startCatalogueWorkers(deps));
      // Quotes past their validity date become expired (reads expire them too); stopped before the stores close.
      const quoteExpiry = startQuoteExpirySweep(deps, config.QUOTE_EXPIRY_SWEEP_SECONDS);
      closers.push(() => quoteExpiry.stop());
      // Expired idempotency keys, sessions and finished jobs are removed; stopped before the stores close.
      const retention = startRetentionSweep(deps);
      closers.push(() => retention.stop());
      // Quote changes told in the conversations linked to the quote; stopped before the stores close.
      const quoteAnnouncer = await startQuoteAnnouncer(deps);
      closers.push(() => quoteAnnouncer.stop());
    }
    return {
      deps,
      backends,
      async close() {
        for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, 'close failed'));
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});
    throw error;
  }
}
