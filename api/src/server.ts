import { serve } from '@hono/node-server';
import { loadChatConfig, startChatServer } from '@nexus/chat';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { startRuntime } from './runtime.js';
import { ensureFirstAdmin } from './auth/first-admin.js';
import { startupSummary } from './lib/startup-summary.js';

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
  if (config.NODE_ENV !== 'production') await ensureFirstAdmin(runtime.deps, (line) => process.stdout.write(`${line}\n`));
  process.off('SIGINT', noteStop);
  process.off('SIGTERM', noteStop);
  if (stopDuringStart) {
    logger.info({ signal: stopDuringStart }, 'stopped while starting');
    await runtime.close();
    process.exit(0);
  }
  const app = createApp(runtime.deps);
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
        pubsub: runtime.deps.pubsub,
        presence: runtime.deps.presence,
        fetch: async (request) => app.fetch(request),
      });
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const base = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
    logger.info({ url: base, backends: runtime.backends }, 'api listening');
    const urls: [string, string][] = [
      ['API', `${base}/api`],
      ['Swagger UI', `${base}/docs`],
      ['OpenAPI', `${base}/openapi.json`],
      ...(chat ? ([['Chat', chat.url]] as [string, string][]) : []),
    ];
    process.stdout.write(`${startupSummary(urls, runtime.backends)}\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    // Chat sockets first (1001: reconnect elsewhere), while the pub/sub they use is still open.
    void (chat?.close() ?? Promise.resolve()).then(() => server.close(async () => {
      await runtime.close();
      clearTimeout(force);
      logger.info('stopped');
      process.exit(0);
    }));
    // Idle keep-alive sockets would hold close() open.
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
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
