import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from '../deps.js';
import { checkReadiness } from '../services/system/health.js';

/**
 * The operations listener (METRICS_PORT): Prometheus `GET /metrics`, liveness
 * `GET /health` (the process answers; no dependency is checked) and readiness
 * `GET /ready` (not draining, PostgreSQL and Redis up). Kept off the API port
 * so the reverse proxy never exposes it; the only listener of a worker.
 */
export async function startOpsServer(deps: Pick<AppDeps, 'metrics' | 'lifecycle' | 'healthProbes' | 'version' | 'startedAt' | 'config' | 'logger'>) {
  const server: Server = createServer((request, response) => void answer(request, response));
  async function answer(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://ops.invalid').pathname;
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'GET only\n', { Allow: 'GET, HEAD' });
      if (path === '/metrics') return send(response, 200, deps.metrics.registry.contentType, await deps.metrics.registry.metrics());
      if (path === '/health') return send(response, 200, 'application/json', JSON.stringify({ status: 'ok', role: deps.config.NEXUS_ROLE, version: deps.version }));
      if (path === '/ready') {
        const readiness = await checkReadiness(deps);
        return send(response, readiness.ready ? 200 : 503, 'application/json', JSON.stringify({ role: deps.config.NEXUS_ROLE, ...readiness.body }));
      }
      send(response, 404, 'text/plain', 'not found: /metrics, /health, /ready\n');
    } catch (error) {
      deps.logger.error({ err: error }, 'ops listener: request failed');
      send(response, 500, 'text/plain', 'failed\n');
    }
  }
  const host = deps.config.METRICS_HOST ?? deps.config.HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.config.METRICS_PORT ?? 0, host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  deps.logger.info({ url: `${url}/metrics` }, 'metrics listening');
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}
