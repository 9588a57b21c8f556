import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { AppDeps, HealthProbe } from './deps.js';
import { connectPostgres } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { connectRedis } from './infra/redis.js';
import { connectNeo4j } from './infra/neo4j.js';
import { localSigningKey, signingKeyFromPem } from './auth/signing-key.js';
import { decoyHash } from './auth/passwords.js';
import { redisLoginThrottle } from './auth/login-throttle.js';
import { API_VERSION } from './openapi/document.js';

export interface Runtime {
  deps: AppDeps;
  /** Closes every connection; call after the HTTP server stopped accepting requests. */
  close(): Promise<void>;
}

/**
 * Connects to every datastore named by the configuration, applies pending
 * migrations and loads the signing key. Fails loudly when a required store is
 * not configured or not reachable.
 */
export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  if (!config.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set. Run `npm start` (which starts local services) or set it to a PostgreSQL URL.');
  }
  if (!config.REDIS_URL) {
    throw new Error('REDIS_URL is not set. Run `npm start` (which starts local services) or set it to a Redis URL.');
  }
  const db = connectPostgres(config.DATABASE_URL, {
    poolMax: config.DATABASE_POOL_MAX,
    onError: (error) => logger.error({ err: error }, 'postgres: idle connection error'),
  });
  const closers: (() => Promise<unknown>)[] = [() => db.destroy()];
  try {
    await migrateToLatest(db);
    let redisDown = false;
    const redis = await connectRedis(config.REDIS_URL, {
      keyPrefix: config.REDIS_KEY_PREFIX,
      onError: (error) => {
        if (!redisDown) logger.error({ err: error }, 'redis: connection error');
        redisDown = true;
      },
    });
    redis.on('ready', () => {
      if (redisDown) logger.info('redis: reconnected');
      redisDown = false;
    });
    closers.push(() => redis.quit().catch(() => redis.disconnect()));

    const graph = config.NEO4J_URL ? connectNeo4j(config.NEO4J_URL, config.NEO4J_USER, config.NEO4J_PASSWORD) : null;
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
      { name: 'postgres', required: true, check: async () => void (await sql`select 1`.execute(db)) },
      { name: 'redis', required: true, check: async () => void (await redis.ping()) },
      graph
        ? { name: 'neo4j', required: false, check: async () => void (await graph.executeQuery('RETURN 1')) }
        : { name: 'neo4j', required: false, disabledReason: 'NEO4J_URL is not set; graph features are off.', check: async () => {} },
    ];

    const deps: AppDeps = {
      config,
      logger,
      db,
      redis,
      graph,
      signingKey,
      loginThrottle: redisLoginThrottle(redis, {
        perIp: config.LOGIN_LIMIT_PER_IP,
        perIpWindowSeconds: config.LOGIN_LIMIT_PER_IP_WINDOW_SECONDS,
        failuresPerAccount: config.LOGIN_LIMIT_FAILURES_PER_ACCOUNT,
        accountWindowSeconds: config.LOGIN_LIMIT_ACCOUNT_WINDOW_SECONDS,
      }),
      decoyPasswordHash: await decoyHash(config.BCRYPT_COST),
      healthProbes,
      startedAt: new Date(),
      version: API_VERSION,
    };
    return {
      deps,
      async close() {
        for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, 'close failed'));
      },
    };
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => {});
    throw error;
  }
}
