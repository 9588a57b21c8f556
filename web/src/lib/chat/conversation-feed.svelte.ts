// One conversation as the chat page shows it, live: the stored messages in seq
// order (each exactly once), the messages this page sent that are not stored
// yet, who is present and who is typing, and the connection's state. Built on
// the SDK's chat client (ticket through the SDK, reconnect with backoff, rejoin
// with `since`, resend by `clientMessageId`); the page never touches a socket.
import type { Message } from '@nexus/sdk';
import { createChatClient, type ChatClient, type ChatConnectionState } from '@nexus/sdk/chat';
import { browserApi } from '$lib/browser-api';
import { shownProblem, type ShownProblem } from '$lib/problem';

/** A message this page sent: `sending` until acknowledged, `stored` until it arrives as a message, or `failed`. */
export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  state: 'sending' | 'stored' | 'failed';
  error?: string;
}

/** How long a "typing" notice lasts without another one. */
const TYPING_SHOWN_MS = 5_000;
/** At most one typing frame per this many ms while the user types. */
const TYPING_SEND_EVERY_MS = 2_500;
/** An acknowledged message whose frame has not arrived after this long is read from the API instead. */
const ACK_FILL_AFTER_MS = 2_000;
const PAGE = 50;

export interface ConversationFeedOptions {
  /** The gateway, ws(s)://…/ws. */
  url: string;
  conversationId: string;
  /** The newest messages as the server rendered them (ascending seq). */
  initial: readonly Message[];
}

export class ConversationFeed {
  /** Stored messages, ascending by seq, no seq twice. */
  messages: Message[] = $state([]);
  outgoing: OutgoingMessage[] = $state([]);
  /** Users connected to this conversation now. */
  present: string[] = $state([]);
  /** User id → until when (epoch ms) they count as typing. */
  typing: Record<string, number> = $state({});
  connection: ChatConnectionState = $state('connecting');
  /** Joined and receiving live (false again while reconnecting). */
  live = $state(false);
  /** What went wrong that the page should say (a refused join, a failed catch-up). */
  problem: ShownProblem | null = $state(null);
  loadingEarlier = $state(false);

  readonly conversationId: string;
  readonly #url: string;
  #client: ChatClient | undefined;
  #lastTypingSent = 0;
  #lastReadSent = 0;
  #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: ConversationFeedOptions) {
    this.conversationId = options.conversationId;
    this.#url = options.url;
    this.messages = [...options.initial];
  }

  /** The newest stored seq on screen (0: none). */
  get lastSeq(): number {
    return this.messages.at(-1)?.seq ?? 0;
  }

  /** Whether messages before the first one shown exist. */
  get hasEarlier(): boolean {
    return (this.messages[0]?.seq ?? 1) > 1;
  }

  /** Connects (browser only). Returns the function that disconnects. */
  start(): () => void {
    const client = createChatClient({
      url: this.#url,
      credentials: { ticket: async () => (await browserApi.call('issueChatTicket')).data.ticket },
    });
    this.#client = client;
    const id = this.conversationId;
    const off = [
      client.onState((state) => {
        this.connection = state;
        if (state !== 'open') this.live = false;
      }),
      client.on('joined', (frame) => {
        if (frame.conversationId !== id) return;
        this.live = true;
        this.problem = null;
        this.present = frame.present;
        // Replayed messages came before this frame; anything still missing is read from the API.
        if (frame.lastSeq > this.lastSeq) void this.#fill();
        this.#markRead();
      }),
      client.on('message', ({ message }) => {
        if (message.conversationId !== id) return;
        const gap = message.seq > this.lastSeq + 1;
        this.#merge([message]);
        if (gap) void this.#fill();
        this.#markRead();
      }),
      client.on('presence', (frame) => {
        if (frame.conversationId === id) this.present = frame.present;
      }),
      client.on('typing', (frame) => {
        if (frame.conversationId !== id) return;
        this.typing = { ...this.typing, [frame.userId]: Date.now() + TYPING_SHOWN_MS };
        this.#later(() => this.#expireTyping(), TYPING_SHOWN_MS + 50);
      }),
      client.on('left', (frame) => {
        if (frame.conversationId !== id) return;
        this.live = false;
        if (frame.reason === 'removed') this.problem = { status: 404, title: 'You were removed from this conversation', errors: [] };
      }),
      client.on('error', (frame) => {
        if (frame.ref !== id) return;
        this.problem = { status: frame.code === 'not_found' ? 404 : 409, title: 'The chat refused this conversation', detail: frame.message, errors: [] };
      }),
    ];
    const visible = () => this.#markRead();
    document.addEventListener('visibilitychange', visible);
    client.join(id, this.lastSeq);
    return () => {
      for (const stop of off) stop();
      document.removeEventListener('visibilitychange', visible);
      for (const timer of this.#timers) clearTimeout(timer);
      this.#timers.clear();
      client.close();
      this.#client = undefined;
    };
  }

  /** Sends `text`; it shows as "sending" until stored, and is resent after reconnects until it is. */
  send(text: string): void {
    const client = this.#client;
    if (!client) return;
    const clientMessageId = crypto.randomUUID();
    this.outgoing = [...this.outgoing, { clientMessageId, text, state: 'sending' }];
    client.send(this.conversationId, text, clientMessageId).then(
      (ack) => {
        if (!this.outgoing.some((o) => o.clientMessageId === clientMessageId)) return; // its message came first
        this.#updateOutgoing(clientMessageId, { state: 'stored' });
        this.#later(() => {
          if (!this.messages.some((m) => m.seq === ack.seq)) void this.#fill();
        }, ACK_FILL_AFTER_MS);
      },
      (error: unknown) => this.#updateOutgoing(clientMessageId, { state: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Forgets a failed message (the user can copy its text back first). */
  discard(clientMessageId: string): void {
    this.outgoing = this.outgoing.filter((o) => o.clientMessageId !== clientMessageId);
  }

  /** Tells the others this user is typing (throttled). */
  typingNow(): void {
    const now = Date.now();
    if (!this.#client || now - this.#lastTypingSent < TYPING_SEND_EVERY_MS) return;
    this.#lastTypingSent = now;
    this.#client.typing(this.conversationId);
  }

  /** Reads the page of messages before the first one shown. */
  async loadEarlier(): Promise<void> {
    const first = this.messages[0]?.seq;
    if (first === undefined || first <= 1 || this.loadingEarlier) return;
    this.loadingEarlier = true;
    try {
      const after = Math.max(0, first - 1 - PAGE);
      const { data } = await browserApi.call('listMessages', { params: { path: { id: this.conversationId }, query: { after, limit: first - 1 - after } } });
      this.#merge(data.items);
    } catch (cause) {
      this.problem = shownProblem(cause);
    } finally {
      this.loadingEarlier = false;
    }
  }

  #merge(incoming: readonly Message[]): void {
    const bySeq = new Map(this.messages.map((m) => [m.seq, m]));
    let added = false;
    for (const message of incoming) {
      if (bySeq.has(message.seq)) continue;
      bySeq.set(message.seq, message);
      added = true;
    }
    if (!added) return;
    this.messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    const arrived = new Set(incoming.map((m) => m.clientMessageId).filter((id) => id !== null));
    if (this.outgoing.some((o) => arrived.has(o.clientMessageId))) this.outgoing = this.outgoing.filter((o) => !arrived.has(o.clientMessageId));
  }

  /** Reads what is missing after the newest message on screen from the API (pages of up to 200). */
  async #fill(): Promise<void> {
    try {
      for (;;) {
        const { data } = await browserApi.call('listMessages', { params: { path: { id: this.conversationId }, query: { after: this.lastSeq, limit: 200 } } });
        this.#merge(data.items);
        if (data.items.length < 200) break;
      }
      this.#markRead();
    } catch (cause) {
      this.problem = shownProblem(cause);
    }
  }

  #markRead(): void {
    const seq = this.lastSeq;
    if (!this.#client || !this.live || seq <= this.#lastReadSent || document.visibilityState !== 'visible') return;
    this.#lastReadSent = seq;
    this.#client.read(this.conversationId, seq);
  }

  #expireTyping(): void {
    const now = Date.now();
    const still = Object.entries(this.typing).filter(([, until]) => until > now);
    if (still.length !== Object.keys(this.typing).length) this.typing = Object.fromEntries(still);
  }

  #updateOutgoing(clientMessageId: string, change: Partial<OutgoingMessage>): void {
    this.outgoing = this.outgoing.map((o) => (o.clientMessageId === clientMessageId ? { ...o, ...change } : o));
  }

  #later(work: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      work();
    }, ms);
    this.#timers.add(timer);
  }
}
