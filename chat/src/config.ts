import { z } from 'zod';

/**
 * The gateway's configuration: read from the environment once, validated,
 * typed. Nothing else in the gateway reads `process.env`. Names shared with
 * the API (CORS_ORIGINS, REDIS_URL, REDIS_KEY_PREFIX, JWT_ISSUER) mean the
 * same thing there, so one environment file serves both.
 */

const csv = z.string().transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

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

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  CHAT_PORT: envNumber(z.number().int().min(0).max(65535), 8001),
  /** Port of the Prometheus `/metrics` listener (connections, closes by code, send-buffer drops), apart from CHAT_PORT. Unset: off. */
  CHAT_METRICS_PORT: envNumber(z.number().int().min(0).max(65535)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the gateway reaches the API (through @nexus/sdk), and its JWKS for verifying Bearer tokens. */
  API_URL: z.url().default('http://127.0.0.1:8002'),
  /** Must equal the API's JWT_ISSUER: tokens from another issuer are refused. */
  JWT_ISSUER: z.string().default('nexus'),
  /** The same allowlist as the API's CORS: browsers from other origins are refused at the upgrade (403). */
  CORS_ORIGINS: csv.default(['http://localhost:3010', 'http://127.0.0.1:3010']),
  /** Fan-out and presence across instances. Unset: in this process only (one instance: the single-machine mode). */
  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().default('nexus:'),

  /** Largest frame a client may send; a larger one closes the connection with 1009. */
  CHAT_MAX_FRAME_BYTES: envNumber(z.number().int().min(1024).max(1024 * 1024), 16 * 1024),
  /** Frames a connection may send per second on average… */
  CHAT_RATE_PER_SECOND: envNumber(z.number().min(0.1).max(10_000), 10),
  /** …and at once after a quiet spell. Frames beyond are dropped with a `rate_limited` error frame. */
  CHAT_RATE_BURST: envNumber(z.number().int().min(1).max(100_000), 40),
  /** Dropped frames in a row after which the connection is closed (4429). */
  CHAT_FLOOD_CLOSE_AFTER: envNumber(z.number().int().min(1), 200),
  /** Bytes queued for a client that does not read; beyond this it is closed (4408) instead of growing memory. */
  CHAT_MAX_BUFFERED_BYTES: envNumber(z.number().int().min(16 * 1024), 1024 * 1024),
  /** Seconds between WebSocket pings; a peer that has not answered the previous one is terminated. */
  CHAT_HEARTBEAT_SECONDS: envNumber(z.number().min(0.2).max(300), 30),
  /** Open connections one user may hold on this instance; more are refused at the upgrade (429). */
  CHAT_MAX_CONNECTIONS_PER_USER: envNumber(z.number().int().min(1), 20),
  /**
   * On SIGTERM/SIGINT: seconds for the shutdown (sockets closed with 1001, their closing handshakes,
   * Redis released) before the process exits 1 anyway. The same name and default as the API's.
   */
  SHUTDOWN_TIMEOUT_SECONDS: envNumber(z.number().int().min(1).max(600), 10),
});

export type ChatConfig = z.infer<typeof schema>;

export class ChatConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid chat gateway configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ChatConfigError';
  }
}

export function loadChatConfig(env: Record<string, string | undefined> = process.env): ChatConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ChatConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.REDIS_URL) {
    // Without Redis each instance hears only its own clients: messages would silently not reach members on other instances.
    throw new ChatConfigError(['REDIS_URL: required in production (fan-out and presence across gateway instances)']);
  }
  return config;
}
