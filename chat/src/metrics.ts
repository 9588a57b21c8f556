import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

/** What the gateway reports as it runs (all optional: the gateway inside the API process has none). */
export interface ChatMetricsHooks {
  /** A connection was closed by the gateway with this code. */
  closed(code: number): void;
  /** A client frame was dropped by the rate limit. */
  frameDropped(): void;
  /** A connection's send buffer passed CHAT_MAX_BUFFERED_BYTES: what was queued for it is dropped with the connection (4408). */
  sendBufferDropped(): void;
  /** A connection saw a gap in a conversation's live messages and read the missing ones from the API. */
  gapFilled(): void;
  /** A postMessageBatch call went to the API with this many posts. */
  postBatchSent(posts: number): void;
}

export interface ChatMetrics extends ChatMetricsHooks {
  registry: Registry;
  /** Read at each scrape. */
  setSources(sources: { connections: () => number; conversations: () => number }): void;
}

/** The standalone gateway's Prometheus metrics (prom-client), served on CHAT_METRICS_PORT. */
export function createChatMetrics(): ChatMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'nexus-chat' });
  collectDefaultMetrics({ register: registry, prefix: 'nexus_chat_' });
  let sources: { connections: () => number; conversations: () => number } | undefined;
  new Gauge({
    name: 'nexus_chat_connections',
    help: 'Open WebSocket connections on this gateway.',
    registers: [registry],
    collect() {
      if (sources) this.set(sources.connections());
    },
  });
  new Gauge({
    name: 'nexus_chat_conversations',
    help: 'Conversations with at least one member on this gateway.',
    registers: [registry],
    collect() {
      if (sources) this.set(sources.conversations());
    },
  });
  const closes = new Counter({
    name: 'nexus_chat_closes_total',
    help: 'Connections closed by the gateway, by close code (1001 shutdown, 4401 credentials, 4408 slow consumer, 4429 flooding, 1009 too large).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const drops = new Counter({
    name: 'nexus_chat_send_buffer_drops_total',
    help: 'Connections dropped because their send buffer passed CHAT_MAX_BUFFERED_BYTES (the client did not read).',
    registers: [registry],
  });
  const dropped = new Counter({
    name: 'nexus_chat_frames_dropped_total',
    help: 'Client frames dropped by the per-connection rate limit.',
    registers: [registry],
  });
  const gapFills = new Counter({
    name: 'nexus_chat_gap_fills_total',
    help: "Gaps in a conversation's live messages that a connection filled from the API (a message pub/sub lost, or one still missing after the reordering wait).",
    registers: [registry],
  });
  const postBatches = new Counter({
    name: 'nexus_chat_post_batches_total',
    help: 'postMessageBatch calls to the API (nexus_chat_posts_total / this = posts per call).',
    registers: [registry],
  });
  const posts = new Counter({
    name: 'nexus_chat_posts_total',
    help: "Users' sends posted to the API in postMessageBatch calls.",
    registers: [registry],
  });
  return {
    registry,
    setSources(value) {
      sources = value;
    },
    closed: (code) => closes.inc({ code: String(code) }),
    frameDropped: () => dropped.inc(),
    sendBufferDropped: () => drops.inc(),
    gapFilled: () => gapFills.inc(),
    postBatchSent: (count) => {
      postBatches.inc();
      posts.inc(count);
    },
  };
}
