import { CHAT_SUBPROTOCOL, serverFrameSchema, type ServerFrame } from './frames.js';

/** The minimal WebSocket the client needs: the browser's, or `ws`'s in Node (which also takes headers). */
export interface ChatWebSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type ChatWebSocketFactory = (url: string, protocols: string[], headers: Record<string, string>) => ChatWebSocket;

export interface ChatClientOptions {
  /** ws(s)://host:8001/ws, or a function (e.g. to rotate between instances on reconnect). */
  url: string | (() => string);
  /** Browsers: a one-time ticket (e.g. `(await api.call('issueChatTicket')).data.ticket`). Node: a Bearer access token. */
  credentials: { ticket: () => Promise<string> } | { token: () => string | Promise<string> };
  /** Default: `globalThis.WebSocket` (browsers; it cannot send headers, so use a ticket). In Node 20 pass one built on `ws`. */
  webSocket?: ChatWebSocketFactory;
  /** Reconnect backoff: full jitter up to min(maxMs, baseMs × 2^attempt). Default 250 ms … 10 s. */
  backoff?: { baseMs?: number; maxMs?: number };
}

type Handler = (frame: ServerFrame) => void;

/**
 * Where the connection is: `connecting` (the first attempt), `open` (the socket
 * is up; rejoins and resends have been written), `reconnecting` (it dropped;
 * trying again with backoff), `closed` (`close()` was called).
 */
export type ChatConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * A chat connection that survives disconnects: it reconnects with backoff and
 * jitter, rejoins every conversation with `since` = the last seq it delivered
 * (so nothing is missed and nothing is delivered twice), and resends
 * unacknowledged messages with their original `clientMessageId`.
 *
 * @example
 * const chat = createChatClient({ url: 'wss://chat.example.com/ws', credentials: { ticket: async () => (await api.call('issueChatTicket')).data.ticket } });
 * chat.on('message', (frame) => render(frame.message));
 * chat.join(conversationId);
 * const ack = await chat.send(conversationId, 'Hello');
 */
export function createChatClient(options: ChatClientOptions) {
  const handlers = new Map<string, Set<Handler>>();
  /** Conversation → the newest seq delivered (undefined: joined without history). */
  const joined = new Map<string, number | undefined>();
  const pending = new Map<string, { conversationId: string; text: string; resolve: (ack: Extract<ServerFrame, { type: 'ack' }>) => void; reject: (error: Error) => void }>();
  let socket: ChatWebSocket | undefined;
  let attempt = 0;
  let closed = false;
  let open = false;
  let state: ChatConnectionState = 'connecting';
  const stateHandlers = new Set<(state: ChatConnectionState) => void>();
  const setState = (next: ChatConnectionState) => {
    if (next === state) return;
    state = next;
    for (const handler of stateHandlers) handler(next);
  };

  const emit = (frame: ServerFrame) => {
    for (const handler of handlers.get(frame.type) ?? []) handler(frame);
    for (const handler of handlers.get('*') ?? []) handler(frame);
  };
  const write = (frame: unknown) => {
    if (open && socket) socket.send(JSON.stringify(frame));
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const base = typeof options.url === 'function' ? options.url() : options.url;
    const headers: Record<string, string> = {};
    let url = base;
    try {
      if ('ticket' in options.credentials) url = `${base}${base.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(await options.credentials.ticket())}`;
      else headers['authorization'] = `Bearer ${await options.credentials.token()}`;
    } catch {
      return reconnect();
    }
    if (closed) return; // closed while the credentials were on their way
    const factory = options.webSocket ?? ((target, protocols) => new (globalThis as unknown as { WebSocket: new (url: string, protocols: string[]) => ChatWebSocket }).WebSocket(target, protocols));
    const ws = factory(url, [CHAT_SUBPROTOCOL], headers);
    socket = ws;
    ws.onopen = () => {
      open = true;
      attempt = 0;
      for (const [conversationId, since] of joined) write({ type: 'join', conversationId, ...(since !== undefined ? { since } : {}) });
      for (const [clientMessageId, send] of pending) write({ type: 'send', conversationId: send.conversationId, clientMessageId, text: send.text });
      setState('open');
    };
    ws.onmessage = (event) => {
      const parsed = serverFrameSchema.safeParse(JSON.parse(String(event.data)));
      if (!parsed.success) return;
      const frame = parsed.data;
      if (frame.type === 'message') {
        const last = joined.get(frame.message.conversationId);
        if (last !== undefined && frame.message.seq <= last) return; // already delivered
        if (joined.has(frame.message.conversationId)) joined.set(frame.message.conversationId, frame.message.seq);
      }
      if (frame.type === 'joined' && joined.has(frame.conversationId) && joined.get(frame.conversationId) === undefined) joined.set(frame.conversationId, frame.lastSeq);
      if (frame.type === 'ack') {
        pending.get(frame.clientMessageId)?.resolve(frame);
        pending.delete(frame.clientMessageId);
      }
      if (frame.type === 'error' && frame.ref && pending.has(frame.ref) && frame.code !== 'unavailable' && frame.code !== 'rate_limited') {
        pending.get(frame.ref)!.reject(new Error(`${frame.code}: ${frame.message}`));
        pending.delete(frame.ref);
      }
      emit(frame);
    };
    ws.onerror = () => {};
    ws.onclose = () => {
      open = false;
      if (socket === ws) reconnect();
    };
  }

  function reconnect() {
    if (closed) return;
    setState('reconnecting');
    const { baseMs = 250, maxMs = 10_000 } = options.backoff ?? {};
    const delay = Math.random() * Math.min(maxMs, baseMs * 2 ** attempt);
    attempt += 1;
    setTimeout(() => void connect(), delay);
  }

  void connect();

  return {
    /** Receives frames of one type (`'*'`: all). Returns an unsubscribe function. */
    on<T extends ServerFrame['type'] | '*'>(type: T, handler: (frame: T extends '*' ? ServerFrame : Extract<ServerFrame, { type: T }>) => void): () => void {
      let set = handlers.get(type);
      if (!set) handlers.set(type, (set = new Set()));
      set.add(handler as Handler);
      return () => set.delete(handler as Handler);
    },
    /** Joins a conversation; `since` replays every later message first. Rejoined automatically after reconnects. */
    join(conversationId: string, since?: number) {
      joined.set(conversationId, since);
      write({ type: 'join', conversationId, ...(since !== undefined ? { since } : {}) });
    },
    leave(conversationId: string) {
      joined.delete(conversationId);
      write({ type: 'leave', conversationId });
    },
    /** Sends a message; resolves with its ack (stored id and seq), resending after reconnects until acknowledged. */
    send(conversationId: string, text: string, clientMessageId: string = crypto.randomUUID()) {
      return new Promise<Extract<ServerFrame, { type: 'ack' }>>((resolve, reject) => {
        pending.set(clientMessageId, { conversationId, text, resolve, reject });
        write({ type: 'send', conversationId, clientMessageId, text });
      });
    },
    typing(conversationId: string) {
      write({ type: 'typing', conversationId });
    },
    read(conversationId: string, seq: number) {
      write({ type: 'read', conversationId, seq });
    },
    /** Messages sent but not yet acknowledged. */
    unacknowledged: () => pending.size,
    /** The connection's state now. */
    state: () => state,
    /** Called on every change of the connection's state (e.g. to show "reconnecting…"). Returns an unsubscribe function. */
    onState(handler: (state: ChatConnectionState) => void): () => void {
      stateHandlers.add(handler);
      return () => stateHandlers.delete(handler);
    },
    close() {
      closed = true;
      setState('closed');
      socket?.close(1000, 'client closed');
    },
  };
}

export type ChatClient = ReturnType<typeof createChatClient>;
