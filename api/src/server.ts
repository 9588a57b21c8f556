import { serve } from '@hono/node-server';
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
  const server = serve({ fetch: app.fetch, hostname: config.HOST, port: config.PORT }, (info) => {
    const base = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`;
    logger.info({ url: base, backends: runtime.backends }, 'api listening');
    const urls: [string, string][] = [
      ['API', `${base}/api`],
      ['Swagger UI', `${base}/docs`],
      ['OpenAPI', `${base}/openapi.json`],
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
    server.close(async () => {
      await runtime.close();
      clearTimeout(force);
      logger.info('stopped');
      process.exit(0);
    });
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
