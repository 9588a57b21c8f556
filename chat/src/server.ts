import { connectRedis, memoryPresence, memoryPubSub, redisPresence, redisPubSub } from '@nexus/realtime';
import { pino } from 'pino';
import { apiFetch } from './api-fetch.js';
import { ChatConfigError, loadChatConfig } from './config.js';
import { startChatServer } from './chat-server.js';
import { createChatMetrics, type ChatMetrics } from './metrics.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The standalone gateway process (`pnpm --filter @nexus/chat start`): fan-out
 * and presence in Redis when REDIS_URL is set (any number of instances), else
 * in this process — then it hears only itself, which is why `npm start`
 * without Redis runs the gateway inside the API process instead.
 */
async function main() {
  const config = loadChatConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'chat' } });
  let closeStores = async () => {};
  let stores;
  if (config.REDIS_URL) {
    const redis = await connectRedis(config.REDIS_URL, { keyPrefix: config.REDIS_KEY_PREFIX, onError: (error) => logger.error({ err: error }, 'redis: connection error') });
    const pubsub = redisPubSub(redis, { channelPrefix: config.REDIS_KEY_PREFIX, onHandlerError: (error, channel) => logger.error({ err: error, channel }, 'pub/sub handler failed') });
    stores = { pubsub, presence: redisPresence(redis) };
    closeStores = async () => {
      await pubsub.close();
      await redis.quit().catch(() => redis.disconnect());
    };
  } else {
    logger.warn('REDIS_URL is not set: this gateway fans out only to its own clients and hears no API events from another process');
    stores = { pubsub: memoryPubSub(), presence: memoryPresence() };
  }
  const metrics = createChatMetrics();
  // The API over keep-alive node:http sockets (api-fetch.ts), not the global fetch.
  const chat = await startChatServer({ config, logger, ...stores, metrics, fetch: apiFetch() });
  metrics.setSources({ connections: () => chat.gateway.connections(), conversations: () => chat.gateway.conversations() });
  process.stdout.write(`  Chat         ${chat.url}\n`);
  const metricsServer = config.CHAT_METRICS_PORT === undefined ? undefined : await serveMetrics(metrics, config.HOST, config.CHAT_METRICS_PORT);
  if (metricsServer) {
    logger.info({ url: `${metricsServer.url}/metrics` }, 'metrics listening');
    process.stdout.write(`  Metrics      ${metricsServer.url}/metrics\n`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: closing sockets with 1001');
    setTimeout(() => {
      logger.error(`shutdown took over ${config.SHUTDOWN_TIMEOUT_SECONDS} s; exiting`);
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_SECONDS * 1000).unref();
    chat
      .close()
      .then(closeStores)
      .then(() => metricsServer?.close())
      .then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ChatConfigError ? `${error.message}\n` : `Nexus chat failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/** Prometheus `GET /metrics` on its own port (never behind the public proxy). */
async function serveMetrics(metrics: ChatMetrics, host: string, port: number) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics.invalid').pathname;
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('GET /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).end(text),
      () => response.writeHead(500, { 'Content-Type': 'text/plain' }).end('failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { address, port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${bound}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
