import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { isValidTimeZone } from './domain/quotes/calendar.js';

/**
 * The API's configuration: read from the environment once, validated, typed.
 * Nothing else in the API reads `process.env`.
 */

const csv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url().optional());

/**
 * A number from the environment. An empty value (`PORT=` in an env file) counts as unset and
 * takes the default: `z.coerce.number()` alone would read it as 0.
 */
function envNumber(schema: z.ZodNumber): z.ZodType<number | undefined, string | undefined>;
function envNumber(schema: z.ZodNumber, fallback: number): z.ZodType<number, string | undefined>;
function envNumber(schema: z.ZodNumber, fallback?: number): z.ZodType<number | undefined, string | undefined> {
  return z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? fallback : Number(value)))
    .pipe(fallback === undefined ? schema.optional() : schema);
}

/** Free text that counts as unset when empty. */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

/** `<repo>/.data` (this file is api/src/config.ts). */
const REPO_DATA_DIR = fileURLToPath(new URL('../../.data', import.meta.url));

/** Values that are placeholders, never real secrets. Production refuses them. */
const PLACEHOLDER_SECRETS = new Set(['', 'changeme', 'change-me', 'secret', 'password', 'example', 'xxx']);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: envNumber(z.number().int().min(0).max(65535), 8002),
  /** The URL clients use to reach the API; advertised in the OpenAPI `servers`. */
  PUBLIC_API_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * What this process runs. `all`: the HTTP API and the background work (job queue, graph sync,
   * quote expiry sweep, quote announcements in chat) — one process, as `npm start` runs it.
   * `api`: the HTTP API only (scale it out; run a `worker` beside it). `worker`: the background
   * work only, no HTTP API; its health and metrics are on METRICS_PORT.
   */
  NEXUS_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  /**
   * Port of the operations listener: Prometheus `/metrics`, `/health` (liveness) and `/ready`
   * (readiness). Apart from PORT so the reverse proxy never exposes it. Unset: off (required for
   * NEXUS_ROLE=worker). 0 picks a free port.
   */
  METRICS_PORT: envNumber(z.number().int().min(0).max(65535)),
  /** Address of the operations listener (default: HOST). */
  METRICS_HOST: optionalText,
  /**
   * On SIGTERM/SIGINT: seconds to finish requests in flight and running jobs after the listeners
   * stopped accepting. Jobs still running then are interrupted and handed back to the queue.
   */
  SHUTDOWN_TIMEOUT_SECONDS: envNumber(z.number().int().min(1).max(600), 10),
  /**
   * Where single-machine state (generated dev keys, the embedded database) lives.
   * Default: the repository's `.data/`, wherever the process runs from, so that
   * `npm start`, `pnpm --filter @nexus/api start` and the CLIs share one database.
   */
  DATA_DIR: z.string().default(REPO_DATA_DIR),

  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: envNumber(z.number().int().min(1).max(200), 10),
  REDIS_URL: optionalUrl,
  /** Prefix for every Redis key this process writes; lets several deployments share one Redis. */
  REDIS_KEY_PREFIX: z.string().default('nexus:'),
  NEO4J_URL: optionalUrl,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),

  /** PKCS#8 PEM of the Ed25519 key that signs access tokens. Required in production. */
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('nexus'),
  ACCESS_TOKEN_TTL_SECONDS: envNumber(z.number().int().min(30).max(3600), 900),
  REFRESH_TOKEN_TTL_SECONDS: envNumber(z.number().int().min(300), 60 * 60 * 24 * 30),
  BCRYPT_COST: envNumber(z.number().int().min(4).max(15), 12),

  /**
   * Verified access tokens remembered per process (auth/verified-tokens.ts): at most this many (LRU);
   * 0 verifies the signature and reads the session on every request. Revocations remove entries at once.
   */
  AUTH_CACHE_MAX_ENTRIES: envNumber(z.number().int().min(0).max(1_000_000), 10_000),
  /** Longest an entry is kept (also never past the token's expiry): bounds how long a renamed user's old name is seen. */
  AUTH_CACHE_MAX_AGE_SECONDS: envNumber(z.number().int().min(1).max(3600), 60),
  /**
   * GET /api/dashboard and /api/metrics: their aggregates are computed at most once per this many seconds
   * (shared through the cache role) and recomputed after any write through the API; 0 computes every time.
   */
  PUBLIC_STATS_CACHE_SECONDS: envNumber(z.number().min(0).max(300), 5),
  /** Requests per client address per window to GET /api/dashboard and /api/metrics (each its own budget); more → 429. */
  PUBLIC_STATS_RATE_LIMIT: envNumber(z.number().int().min(1), 120),
  PUBLIC_STATS_RATE_WINDOW_SECONDS: envNumber(z.number().int().min(1), 60),

  LOGIN_LIMIT_PER_IP: envNumber(z.number().int().min(1), 30),
  LOGIN_LIMIT_PER_IP_WINDOW_SECONDS: envNumber(z.number().int().min(1), 60),
  /** Failed logins allowed per account *and client address* in one window (a stranger cannot lock out the owner). */
  LOGIN_LIMIT_FAILURES_PER_ACCOUNT: envNumber(z.number().int().min(1), 5),
  LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS: envNumber(z.number().int().min(1), 15 * 60),
  /** Each further lockout of the same account and address lasts twice as long, up to this. */
  LOGIN_LOCKOUT_MAX_SECONDS: envNumber(z.number().int().min(1), 24 * 60 * 60),
  /**
   * How many proxies of yours stand between clients and the API, each appending
   * to X-Forwarded-For (the dashboard's server is one). The client address is
   * the entry that many hops from the right; entries further left are written
   * by the client and ignored. 0: the socket's address, X-Forwarded-For unread.
   */
  TRUSTED_PROXY_HOPS: envNumber(z.number().int().min(0).max(10), 0),
  /** Replaced by TRUSTED_PROXY_HOPS; refused so that an old setting is not silently ignored. */
  TRUST_PROXY: z
    .undefined({ error: 'TRUST_PROXY was replaced by TRUSTED_PROXY_HOPS (the number of proxies in front of the API, e.g. 1)' })
    .optional(),

  /** Origins allowed by CORS and by the chat gateway's Origin check. */
  CORS_ORIGINS: csv.default(['http://localhost:3010', 'http://127.0.0.1:3010']),
  BODY_LIMIT_BYTES: envNumber(z.number().int().min(1024), 1024 * 1024),
  /** Lifetime of a one-time chat ticket (`POST /api/chat/tickets`): long enough to open a WebSocket, no longer. */
  CHAT_TICKET_TTL_SECONDS: envNumber(z.number().int().min(1).max(300), 30),

  /** Tax rate of a new quote, in basis points (9% GST = 900). */
  QUOTE_DEFAULT_TAX_RATE_BP: envNumber(z.number().int().min(0).max(10_000), 900),
  /** ISO 4217 currency of a new quote. */
  QUOTE_DEFAULT_CURRENCY: z.string().trim().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as SGD').default('SGD'),
  /** Days a new quote (or revision) stays valid when no validity date is given. */
  QUOTE_VALIDITY_DAYS: envNumber(z.number().int().min(1).max(3650), 30),
  /** IANA time zone whose calendar decides quote dates, validity and the year of the number. */
  QUOTE_TIME_ZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Singapore'),
  /** Name of the tax on quote PDFs, shown with the quote's real rate ("GST 9%"). */
  QUOTE_TAX_LABEL: z.string().trim().min(1).max(40).default('GST'),
  /** Seconds between sweeps that expire quotes past their validity date; 0 turns the sweep off (reads still expire them). */
  QUOTE_EXPIRY_SWEEP_SECONDS: envNumber(z.number().int().min(0).max(86_400), 60),
  /**
   * Data retention (docs/operations.md "Data retention"). An Idempotency-Key is honoured this many hours
   * after its first use; a retry later than that is a new request. Swept every RETENTION_SWEEP_SECONDS.
   */
  IDEMPOTENCY_KEY_TTL_HOURS: envNumber(z.number().int().min(1).max(24 * 365), 24),
  /** Days ended sessions (revoked, or whose refresh tokens all expired) and expired refresh tokens are kept. */
  SESSION_RETENTION_DAYS: envNumber(z.number().int().min(1).max(3650), 7),
  /** Days finished jobs (done, failed, cancelled) stay on the queue; the imports they ran keep their own records. */
  JOBS_RETENTION_DAYS: envNumber(z.number().int().min(1).max(3650), 14),
  /** Seconds between retention sweeps; 0 turns the sweep off. */
  RETENTION_SWEEP_SECONDS: envNumber(z.number().int().min(0).max(86_400), 900),
  /** Company header of quote PDFs. Unset lines are left out; nothing is invented. */
  COMPANY_NAME: optionalText,
  /** Lines separated by newlines or a literal `\n`. */
  COMPANY_ADDRESS: optionalText.transform((value) => value?.split(/\r?\n|\\n/).map((line) => line.trim()).filter(Boolean)),
  COMPANY_PHONE: optionalText,
  COMPANY_EMAIL: optionalText,
  /** e.g. "GST Reg. No. M2-1234567-8". */
  COMPANY_TAX_ID: optionalText,

  /** Quote PDFs rendering at once, each on its own worker thread (never on the thread that answers requests). */
  PDF_RENDER_THREADS: envNumber(z.number().int().min(1).max(16), 1),
  /** PDFs waiting for a thread; beyond this `GET /api/quotes/{id}/pdf` answers 503 with Retry-After. */
  PDF_RENDER_QUEUE: envNumber(z.number().int().min(0).max(1000), 16),
  /** Heap limit of a rendering thread; a PDF that needs more fails (503) instead of taking the API down. */
  PDF_RENDER_MEMORY_MB: envNumber(z.number().int().min(32).max(4096), 256),
  /** Time limit of one PDF; its thread is ended when it runs over. */
  PDF_RENDER_TIMEOUT_MS: envNumber(z.number().int().min(1000), 60_000),
  /** How long a rendered PDF is kept (per quote version, in the cache role); 0 renders every time. */
  PDF_CACHE_SECONDS: envNumber(z.number().int().min(0).max(86_400), 600),

  /** Largest catalogue file `POST /api/imports` accepts (the other operations keep BODY_LIMIT_BYTES). */
  IMPORT_MAX_BYTES: envNumber(z.number().int().min(1024), 50 * 1024 * 1024),
  /** Largest RFQ document `POST /api/documents` accepts (413 beyond it). */
  DOCUMENT_MAX_BYTES: envNumber(z.number().int().min(1024).max(1024 * 1024 * 1024), 25 * 1024 * 1024),
  /** Heap of the worker thread that reads one RFQ document (pdf.js needs more than PARSE_MAX_HEAP_MB's default). */
  DOCUMENT_PARSE_MAX_HEAP_MB: envNumber(z.number().int().min(16).max(4096), 256),
  /**
   * When a background process starts the worker thread that reads RFQ documents (kept for the next ones):
   * with the process, so the first document does not wait ~1–2 s for it; or with the first document
   * (lighter for processes that seldom read one, such as the tests' in-process servers).
   */
  DOCUMENT_PARSER_START: z.enum(['with-process', 'first-document']).default('with-process'),
  /** The job queue (catalogue imports, RFQ documents): how often an idle worker looks for due jobs. */
  JOBS_POLL_MS: envNumber(z.number().int().min(50), 1000),
  /** A claimed job's lease, renewed while it runs; when its process dies, the job is claimable again this long after. */
  JOBS_LEASE_SECONDS: envNumber(z.number().int().min(2).max(3600), 60),
  /** Jobs this process runs at once (each file parse may use PARSE_MAX_HEAP_MB). */
  JOBS_CONCURRENCY: envNumber(z.number().int().min(1).max(32), 1),
  /** First back-off of a job retried after a passing failure (then ×4 per attempt, at most 15 min). */
  JOBS_RETRY_BASE_SECONDS: envNumber(z.number().int().min(1), 5),
  /**
   * Limits of every parser of uploaded files (catalogue imports, RFQ documents): each runs in a worker
   * thread with this much heap (MB) and time, and refuses files past the row, column, cell, text and
   * archive limits with a reason. See api/src/parsing/limits.ts.
   */
  PARSE_MAX_HEAP_MB: envNumber(z.number().int().min(16).max(4096), 96),
  PARSE_TIMEOUT_SECONDS: envNumber(z.number().int().min(1).max(3600), 120),
  PARSE_MAX_ROWS: envNumber(z.number().int().min(1), 250_000),
  PARSE_MAX_COLUMNS: envNumber(z.number().int().min(1).max(16_384), 256),
  PARSE_MAX_CELL_CHARS: envNumber(z.number().int().min(1), 32_767),
  PARSE_MAX_EXTRACTED_BYTES: envNumber(z.number().int().min(1024), 64 * 1024 * 1024),
  PARSE_MAX_UNZIPPED_BYTES: envNumber(z.number().int().min(1024), 256 * 1024 * 1024),
  PARSE_MAX_ARCHIVE_ENTRIES: envNumber(z.number().int().min(1), 10_000),
  PARSE_MAX_COMPRESSION_RATIO: envNumber(z.number().int().min(2), 200),
  /** Currency of imported prices when the file has no currency column. */
  CATALOGUE_DEFAULT_CURRENCY: z.string().regex(/^[A-Z]{3}$/).default('SGD'),
  /** How often the graph sync worker drains the outbox to Neo4j. */
  GRAPH_SYNC_INTERVAL_MS: envNumber(z.number().int().min(50), 1000),
  /** Partition of the shared Neo4j this deployment writes (default: the PostgreSQL database name). */
  GRAPH_SCOPE: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((value) => (value === '' ? undefined : value)),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (defaults to `process.env`). Throws {@link ConfigError} listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NEXUS_ROLE === 'worker' && config.METRICS_PORT === undefined) {
    throw new ConfigError('Invalid configuration:\n  METRICS_PORT: required with NEXUS_ROLE=worker (its health and metrics listener; the worker serves no HTTP API)');
  }
  if (config.NODE_ENV === 'production') {
    const problems: string[] = [];
    if (!config.JWT_PRIVATE_KEY || PLACEHOLDER_SECRETS.has(config.JWT_PRIVATE_KEY.trim().toLowerCase())) {
      problems.push('JWT_PRIVATE_KEY must be set to a real Ed25519 PKCS#8 PEM key in production');
    }
    if (!config.DATABASE_URL) problems.push('DATABASE_URL must be set in production');
    if (!config.REDIS_URL) problems.push('REDIS_URL must be set in production');
    for (const [name, url] of [
      ['DATABASE_URL', config.DATABASE_URL],
      ['REDIS_URL', config.REDIS_URL],
    ] as const) {
      const password = url ? decodeURIComponent(new URL(url).password) : '';
      if (url && PLACEHOLDER_SECRETS.has(password.toLowerCase()) && password !== '') {
        problems.push(`${name} uses a placeholder password`);
      }
    }
    if (config.NEO4J_URL && PLACEHOLDER_SECRETS.has((config.NEO4J_PASSWORD ?? '').toLowerCase())) {
      problems.push('NEO4J_PASSWORD must be set to a real password in production');
    }
    if (problems.length > 0) {
      throw new ConfigError(`Refusing to start in production:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    }
  }
  return config;
}
