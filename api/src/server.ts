import { serve } from '@hono/node-server';
import { loadChatConfig, startChatServer } from '@nexus/chat';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { startRuntime } from './runtime.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { startupSummary } from './lib/startup-summary.js';
import { startOpsServer } from './observability/ops-server.js';
import type { Server } from 'node:http';
import type { Logger } from 'pino';

async function main() {
  const config = loadConfig();
  const logger = createLogger(config);
  // Ctrl-C while starting (say, during the embedded database's first initdb) must
  // not kill the process halfway through writing its files: note it, finish
  // starting, then close everything properly.
  let stopDuringStart: string | undefined;
  const noteStop = (signal: string) => (stopDuringStart = signal);
  process.on('SIGINT', noteStop);
  process.on('SIGTERM', noteStop);
  const runtime = await startRuntime(config, logger);
  if (config.NODE_ENV !== 'production' && config.NEXUS_ROLE !== 'worker') await ensureFirstAdmin(runtime.deps, (line) => process.stdout.write(`${line}\n`));
  process.off('SIGINT', noteStop);
  process.off('SIGTERM', noteStop);
  if (stopDuringStart) {
    logger.info({ signal: stopDuringStart }, 'stopped while starting');
    await runtime.close();
    process.exit(0);
  }
  const { deps } = runtime;
  // Prometheus metrics, liveness and readiness on their own port (the worker's only listener).
  const ops = config.METRICS_PORT !== undefined ? await startOpsServer(deps) : undefined;
  if (config.NEXUS_ROLE === 'worker') {
    logger.info({ metrics: ops?.url }, 'worker running: job queue, graph sync, quote expiry, quote announcements');
    process.stdout.write(`${startupSummary([['Worker', `health and metrics at ${ops?.url}/health, /ready, /metrics`]], runtime.backends)}\n`);
    return handleStop(logger, config.SHUTDOWN_TIMEOUT_SECONDS, async () => {
      deps.lifecycle.drain();
      await runtime.close();
      await ops?.close();
    });
  }
  const app = createApp(deps);
  // Single-machine mode (no REDIS_URL): pub/sub reaches only this process, so the chat gateway runs here,
  // on its own port, sharing it — and still calls the API through the SDK (here: the in-process app).
  const chat = config.REDIS_URL
    ? undefined
    : await startChatServer({
        config: loadChatConfig({
          ...process.env,
          HOST: config.HOST,
          API_URL: `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT}`,
          JWT_ISSUER: config.JWT_ISSUER,
          CORS_ORIGINS: config.CORS_ORIGINS.join(','),
        }),
        logger: logger.child({ service: 'chat' }),
        pubsub: deps.pubsub,
        presence: deps.presence,
        fetch: async (request) => app.fetch(request),
      });
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const base = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
    logger.info({ url: base, role: config.NEXUS_ROLE, backends: runtime.backends }, 'api listening');
    const urls: [string, string][] = [
      ['API', `${base}/api`],
      ['Swagger UI', `${base}/docs`],
      ['OpenAPI', `${base}/openapi.json`],
      ...(chat ? ([['Chat', chat.url]] as [string, string][]) : []),
      ...(ops ? ([['Metrics', `${ops.url}/metrics`]] as [string, string][]) : []),
    ];
    process.stdout.write(`${startupSummary(urls, runtime.backends)}\n`);
  }) as Server;

  handleStop(logger, config.SHUTDOWN_TIMEOUT_SECONDS, async () => {
    // Readiness turns 503 first; then chat sockets close with 1001 (reconnect elsewhere) while the pub/sub
    // they use is still open; then the listener stops accepting and requests in flight finish.
    deps.lifecycle.drain();
    await chat?.close();
    await closeHttpServer(server, config.SHUTDOWN_TIMEOUT_SECONDS * 1000, logger);
    // Background loops (running jobs get the same grace), then the pools.
    await runtime.close();
    await ops?.close();
  });
}

/**
 * Stops accepting connections and waits for the requests in flight, up to
 * `graceMs`; then drops what is left. Keep-alive sockets are closed as soon
 * as they are idle, so they do not hold the close open.
 */
function closeHttpServer(server: Server, graceMs: number, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const force = setTimeout(() => {
      logger.error({ graceMs }, 'shutdown: requests still in flight after the grace period; closing their connections');
      server.closeAllConnections();
    }, graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** SIGTERM/SIGINT run `shutdown` once, then exit 0; a shutdown that hangs past its bound exits 1. */
function handleStop(logger: Logger, timeoutSeconds: number, shutdown: () => Promise<void>) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs');
    // Requests and jobs each get timeoutSeconds; closing the stores after them gets a few more.
    const force = setTimeout(() => {
      logger.error(`shutdown took over ${2 * timeoutSeconds + 5} s; exiting`);
      process.exit(1);
    }, (2 * timeoutSeconds + 5) * 1000).unref();
    shutdown().then(
      () => {
        clearTimeout(force);
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
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Nexus API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
