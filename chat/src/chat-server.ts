import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Presence, PubSub } from '@nexus/realtime';
import type { Logger } from 'pino';
import type { ChatConfig } from './config.js';
import { CHAT_PATH, createChatGateway } from './gateway/chat-gateway.js';
import { probeReadiness } from './readiness.js';
import type { ChatMetricsHooks } from './metrics.js';

export interface ChatServerOptions {
  config: ChatConfig;
  pubsub: PubSub;
  presence: Presence;
  logger: Logger;
  /** How the SDK reaches the API (the in-process app in single-machine mode). */
  fetch?: (request: Request) => Promise<Response>;
  /** Counters of closes and drops (the standalone gateway's Prometheus metrics). */
  metrics?: ChatMetricsHooks;
}

/**
 * The gateway on its own HTTP server (CHAT_PORT): WebSocket upgrades at /ws,
 * `GET /ready` (a real handshake to itself), and problem+json 404 for the rest.
 */
export async function startChatServer(options: ChatServerOptions) {
  const { config, logger } = options;
  const gateway = await createChatGateway(options);
  let wsUrl = '';

  const server = createServer((request, response) => void answer(request, response));
  async function answer(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://gateway.invalid').pathname;
    if (request.method === 'GET' && path === '/ready') {
      const result = gateway.accepting() ? await probeReadiness(wsUrl, gateway.probeCredential()) : { ok: false as const, reason: 'shutting down' };
      if (result.ok) return json(response, 200, 'application/json', { status: 'ready', handshakeMs: result.ms, connections: gateway.connections() });
      logger.error({ reason: result.reason }, 'chat: readiness probe failed');
      return json(response, 503, 'application/problem+json', { type: 'https://nexus.dev/problems/not-ready', title: 'Service Unavailable', status: 503, detail: `The WebSocket handshake to ${CHAT_PATH} failed: ${result.reason}` });
    }
    if (path === CHAT_PATH) {
      return json(response, 426, 'application/problem+json', { type: 'https://nexus.dev/problems/upgrade-required', title: 'Upgrade Required', status: 426, detail: `${CHAT_PATH} is a WebSocket endpoint.` }, { Upgrade: 'websocket' });
    }
    json(response, 404, 'application/problem+json', { type: 'https://nexus.dev/problems/not-found', title: 'Not Found', status: 404, detail: `The chat gateway serves ${CHAT_PATH} (WebSocket) and /ready.` });
  }
  server.on('upgrade', (request, socket, head) => {
    gateway.handleUpgrade(request, socket, head).catch((error: unknown) => {
      logger.error({ err: error }, 'chat: upgrade failed');
      socket.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.CHAT_PORT, config.HOST, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  wsUrl = `ws://${host}:${port}${CHAT_PATH}`;
  logger.info({ url: wsUrl }, 'chat gateway listening');

  return {
    gateway,
    port,
    /** ws://host:port/ws */
    url: wsUrl,
    /** Closes every socket with 1001, then the server. */
    async close(): Promise<void> {
      await gateway.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(response: ServerResponse, status: number, type: string, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}
