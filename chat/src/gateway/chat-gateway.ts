import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Presence, PubSub } from '@nexus/realtime';
import { AUTH_REVOKED_CHANNEL, authRevokedEventSchema, CHAT_CLOSE_CODES, CHAT_SUBPROTOCOL, type AuthRevokedEvent } from '@nexus/sdk/chat';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChatConfig } from '../config.js';
import type { ChatMetricsHooks } from '../metrics.js';
import { createAuthenticator, userClient, type ChatIdentity } from '../upgrade/authenticate.js';
import { checkOrigin } from '../upgrade/origin-check.js';
import { refuseUpgrade } from '../upgrade/upgrade-refusal.js';
import { ChatConnection, presentUsersReader } from './chat-connection.js';
import { createConversationHub } from './conversation-hub.js';
import { expirySchedule } from './expiry-schedule.js';
import { createPostBatcher } from './post-batcher.js';
import { createPresenceAnnouncer } from './presence-announcer.js';

export const CHAT_PATH = '/ws';

/** Batches of sends waiting for the API at once (post-batcher.ts): more batches are smaller ones, each answered sooner. */
const POST_BATCHES_IN_FLIGHT = 2;
/** The API's most posts per postMessageBatch call (MESSAGE_BATCH_MAX_ITEMS). */
const POST_BATCH_ITEMS = 100;
/** Bytes of posts per call: a quarter of the API's default BODY_LIMIT_BYTES (a smaller limit there makes the posts go alone). */
const POST_BATCH_BYTES = 256 * 1024;

export interface ChatGatewayOptions {
  config: ChatConfig;
  pubsub: PubSub;
  presence: Presence;
  logger: Logger;
  /** How the SDK reaches the API; default: HTTP to API_URL. In single-machine mode, the in-process app. */
  fetch?: (request: Request) => Promise<Response>;
  /** Counters of closes and drops (the standalone gateway's Prometheus metrics). */
  metrics?: ChatMetricsHooks;
}

/**
 * The chat gateway, independent of the HTTP server it is attached to: give it
 * the `upgrade` events of a server (standalone, or the API's in single-machine
 * mode). Stateless beyond its sockets: fan-out and presence go through the
 * PubSub and Presence it is given, so any number of instances can run.
 */
export async function createChatGateway(options: ChatGatewayOptions) {
  const { config, logger } = options;
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    // The gateway keeps its own map of sockets; ws's would be a second entry and a close listener per socket.
    clientTracking: false,
    maxPayload: config.CHAT_MAX_FRAME_BYTES,
    // The subprotocol is answered when offered and never required.
    handleProtocols: (offered) => (offered.has(CHAT_SUBPROTOCOL) ? CHAT_SUBPROTOCOL : false),
  });
  const authenticate = createAuthenticator({ apiUrl: config.API_URL, issuer: config.JWT_ISSUER, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const hub = createConversationHub(options.pubsub, logger);
  // One SDK client for every connection; each call carries its connection's token (ChatConnection calls through callsAs).
  const api = userClient({ apiUrl: config.API_URL, ...(options.fetch ? { fetch: options.fetch } : {}) }, () => '');
  const posts = createPostBatcher(api, { maxInFlight: POST_BATCHES_IN_FLIGHT, maxItems: POST_BATCH_ITEMS, maxBytes: POST_BATCH_BYTES, onBatch: options.metrics?.postBatchSent });
  const presentUsers = presentUsersReader(options.presence);
  const presenceAnnouncer = createPresenceAnnouncer(hub, presentUsers, logger);
  // One for every connection: a connection holds only what is its own.
  const connectionDeps = { config, hub, presence: options.presence, presenceAnnouncer, presentUsers, logger, metrics: options.metrics, api, posts };
  /** Every open user socket and its connection (the socket events' shared handlers find theirs here). */
  const connections = new Map<WebSocket, ChatConnection>();
  /** Closed connections still leaving their conversations (presence, subscriptions): shutdown waits for them before the stores close. */
  const leaving = new Set<Promise<void>>();
  const expiries = expirySchedule<ChatConnection>((connection) => connection.close(CHAT_CLOSE_CODES.unauthorized, 'token expired'));
  let accepting = true;
  // The readiness probe's credential: random per process, never leaves it (see readinessProbe).
  const probeSecret = randomBytes(32).toString('base64url');

  const stopRevocations = await options.pubsub.subscribe(AUTH_REVOKED_CHANNEL, (payload) => {
    const parsed = authRevokedEventSchema.safeParse(payload);
    if (!parsed.success) return void logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'chat: ignored a malformed auth.revoked event');
    for (const connection of connections.values()) if (revokes(parsed.data, connection.identity)) connection.close(CHAT_CLOSE_CODES.unauthorized, 'credentials revoked');
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections.values()) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
      if (connection.socket.bufferedAmount > config.CHAT_MAX_BUFFERED_BYTES) connection.close(CHAT_CLOSE_CODES.slowConsumer, 'slow consumer');
      connection.renewPresence().catch((error: unknown) => logger.warn({ err: error }, 'chat: presence renewal failed'));
    }
  }, config.CHAT_HEARTBEAT_SECONDS * 1000);
  heartbeat.unref();

  // One set of socket event handlers for every connection (`this` is the socket), rather than four closures per socket.
  function onPong(this: WebSocket): void {
    const connection = connections.get(this);
    if (connection) connection.alive = true;
  }
  function onMessage(this: WebSocket, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    connections.get(this)?.receive(toBuffer(data), isBinary);
  }
  function onError(error: Error): void {
    logger.debug({ err: error }, 'chat: socket error');
  }
  function onClose(this: WebSocket): void {
    const connection = connections.get(this);
    if (!connection) return;
    connections.delete(this);
    expiries.remove(connection, connection.identity.expiresAt);
    const left = connection.dispose().finally(() => leaving.delete(left));
    leaving.add(left);
  }

  function accept(socket: WebSocket, identity: ChatIdentity): void {
    const connection = new ChatConnection(socket, identity, randomUUID(), connectionDeps);
    connections.set(socket, connection);
    socket.on('pong', onPong);
    socket.on('message', onMessage);
    socket.on('error', onError);
    socket.on('close', onClose);
    expiries.add(connection, identity.expiresAt);
  }

  return {
    /** Handles an HTTP upgrade request; anything not for CHAT_PATH is refused with 404. */
    async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      const instance = `${CHAT_PATH}#${randomUUID()}`;
      socket.on('error', destroyOnError);
      const url = new URL(request.url ?? '/', 'http://gateway.invalid');
      if (url.pathname !== CHAT_PATH) return refuseUpgrade(socket, { status: 404, slug: 'not-found', detail: `The chat WebSocket is at ${CHAT_PATH}.` }, instance);
      const probe = request.headers[PROBE_HEADER];
      if (typeof probe === 'string' && sameSecret(probe, probeSecret)) {
        // The readiness probe: a real handshake through this very path, answered with a pong, no user behind it.
        return wss.handleUpgrade(request, socket, head, (ws) => ws.on('message', () => ws.send(JSON.stringify({ type: 'pong', ref: 'ready' }))));
      }
      if (!accepting) return refuseUpgrade(socket, { status: 503, slug: 'shutting-down', detail: 'This chat instance is shutting down; connect again.', headers: { 'Retry-After': '1' } }, instance);
      const forbidden = checkOrigin(request.headers.origin, config.CORS_ORIGINS);
      if (forbidden) return refuseUpgrade(socket, forbidden, instance);
      let identity: ChatIdentity;
      try {
        const verdict = await authenticate(request, url);
        if (!verdict.ok) return refuseUpgrade(socket, verdict.refusal, instance);
        identity = verdict.identity;
      } catch (error) {
        logger.error({ err: error }, 'chat: authenticating an upgrade failed; the API is unreachable');
        return refuseUpgrade(socket, { status: 503, slug: 'dependency-unavailable', detail: 'The chat cannot reach the API to check credentials; try again.', headers: { 'Retry-After': '2' } }, instance);
      }
      let open = 0;
      for (const connection of connections.values()) if (connection.identity.userId === identity.userId) open += 1;
      if (open >= config.CHAT_MAX_CONNECTIONS_PER_USER) {
        return refuseUpgrade(socket, { status: 429, slug: 'too-many-connections', detail: `At most ${config.CHAT_MAX_CONNECTIONS_PER_USER} chat connections per user.`, headers: { 'Retry-After': '10' } }, instance);
      }
      if (socket.destroyed) return;
      wss.handleUpgrade(request, socket, head, (ws) => accept(ws, identity));
    },
    /** Header and value that let the readiness probe through the upgrade without a user. */
    probeCredential: () => ({ [PROBE_HEADER]: probeSecret }),
    accepting: () => accepting,
    connections: () => connections.size,
    conversations: () => hub.size(),
    /** Stops accepting, closes every socket with 1001 (going away) so clients reconnect elsewhere, and releases the subscriptions. */
    async close(): Promise<void> {
      accepting = false;
      clearInterval(heartbeat);
      expiries.close();
      const closing = [...connections.values()].map((connection) => new Promise<void>((resolve) => {
        connection.socket.once('close', () => resolve());
        connection.close(1001, 'gateway shutting down');
      }));
      await Promise.race([Promise.all(closing), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
      for (const connection of connections.values()) await connection.dispose();
      // Members leave presence now rather than when their entries expire, and no leave is sent after Redis is closed.
      await Promise.allSettled([...leaving]);
      presenceAnnouncer.close();
      await stopRevocations();
      wss.close();
    },
  };
}

export type ChatGateway = Awaited<ReturnType<typeof createChatGateway>>;

const PROBE_HEADER = 'x-nexus-readiness-probe';

/** One listener for every upgrading socket (a closure per socket stayed on it for the connection's life). */
function destroyOnError(this: Duplex): void {
  this.destroy();
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function revokes(event: AuthRevokedEvent, identity: ChatIdentity): boolean {
  return event.type === 'session.revoked' ? event.sessionId === identity.sessionId : event.userId === identity.userId;
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
