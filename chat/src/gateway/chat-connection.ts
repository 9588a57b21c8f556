import type { Presence } from '@nexus/realtime';
import { isNexusError, type NexusClient } from '@nexus/sdk';
import {
  CHAT_CLOSE_CODES,
  clientFrameSchema,
  type ChatErrorCode,
  type ChatMessage,
  type ClientFrame,
  type ConversationChannelEvent,
  type ServerFrame,
} from '@nexus/sdk/chat';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { ChatConfig } from '../config.js';
import type { ChatMetricsHooks } from '../metrics.js';
import { callsAs, type ChatIdentity } from '../upgrade/authenticate.js';
import { classifyApiFailure } from './api-failure.js';
import type { ConversationHub } from './conversation-hub.js';
import { FrameBudget } from './frame-budget.js';
import type { PostBatcher } from './post-batcher.js';
import type { PresenceAnnouncer } from './presence-announcer.js';

/** Tries of a post whose connection to the API broke (network errors only). */
const POST_ATTEMPTS = 3;

/** Wait before reading a gap from the API again after that failed. */
const CATCH_UP_RETRY_MS = 1_000;

/** Replay pages: the API's largest. */
const REPLAY_PAGE = 200;

interface JoinedConversation {
  /** joining: buffering live events while the API is read; live: delivering; catching-up: filling a gap from the API. */
  state: 'joining' | 'live' | 'catching-up';
  /** The newest seq this client has been sent: nothing at or below it is sent again. */
  lastSeq: number;
  buffer: ChatMessage[];
  stop: () => Promise<void>;
}

export interface ConnectionDeps {
  config: ChatConfig;
  hub: ConversationHub;
  presence: Presence;
  /** Tells a conversation who is present, coalescing bursts of joins and leaves. */
  presenceAnnouncer: PresenceAnnouncer;
  /** Who is present in a conversation (presentUsersReader). */
  presentUsers: (conversationId: string) => Promise<string[]>;
  logger: Logger;
  /** The gateway's SDK client, shared by its connections: each call goes as its connection's user (callsAs). */
  api: NexusClient;
  /** Sends go to the API gathered with other connections' (postMessageBatch), each as its own user. */
  posts: PostBatcher;
  metrics?: ChatMetricsHooks | undefined;
}

/** Serialised frames by the event (or message) object they were made from; gone with it. */
const sharedFrames = new WeakMap<object, Buffer>();

export const presenceRoom = (conversationId: string) => `chat:${conversationId}`;

/**
 * Reads the users with at least one connection in a conversation, on any
 * instance. Reads of one conversation that overlap share one Redis read: the
 * list grows with the room, and a room of 2,000 opening would otherwise read
 * it 2,000 times (the square of its size). A shared read may have started
 * just before a joiner entered: the joiner adds itself, and those who entered
 * meanwhile come with the next presence event.
 */
export function presentUsersReader(presence: Presence): (conversationId: string) => Promise<string[]> {
  const reading = new Map<string, Promise<string[]>>();
  const read = async (conversationId: string) => {
    const members = await presence.members(presenceRoom(conversationId));
    return [...new Set(members.map((member) => member.slice(0, member.indexOf('/'))))].sort();
  };
  return (conversationId) => {
    let pending = reading.get(conversationId);
    if (!pending) {
      pending = read(conversationId).finally(() => reading.delete(conversationId));
      reading.set(conversationId, pending);
    }
    return pending;
  };
}

/**
 * One authenticated socket: validates its frames, joins it to conversations
 * (replay from the API, then live events, without gap or duplicate: events
 * are buffered from before the API is read and filtered by seq), forwards its
 * messages to the API and acknowledges them once stored.
 */
export class ChatConnection {
  readonly joined = new Map<string, JoinedConversation>();
  /** Answered the last WebSocket ping (heartbeat). */
  alive = true;
  private readonly budget: FrameBudget;
  private droppedInARow = 0;
  private closed = false;
  /** This connection in presence: `<userId>/<connectionId>`. */
  private readonly member: string;

  constructor(
    readonly socket: WebSocket,
    readonly identity: ChatIdentity,
    connectionId: string,
    private readonly deps: ConnectionDeps,
  ) {
    this.budget = new FrameBudget(deps.config.CHAT_RATE_PER_SECOND, deps.config.CHAT_RATE_BURST);
    this.member = `${identity.userId}/${connectionId}`;
  }

  /** The API as this connection's user (a wrapper per call, so that an idle connection holds none). */
  private get api(): Pick<NexusClient, 'call'> {
    return callsAs(this.deps.api, this.identity);
  }

  /** Handles one frame from the client; never throws, never closes for a bad frame. */
  receive(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    if (!this.budget.take()) {
      this.droppedInARow += 1;
      this.deps.metrics?.frameDropped();
      if (this.droppedInARow >= this.deps.config.CHAT_FLOOD_CLOSE_AFTER) return this.close(CHAT_CLOSE_CODES.flooding, 'flooding');
      // One error frame per burst of drops, not one per dropped frame (which would flood back).
      if (this.droppedInARow === 1) this.error('rate_limited', 'Too many frames; this one and the next ones within the limit were dropped.');
      return;
    }
    this.droppedInARow = 0;
    let frame: ClientFrame;
    try {
      if (isBinary) throw new Error('binary frame');
      const parsed = clientFrameSchema.safeParse(JSON.parse(data.toString('utf8')));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return this.error('invalid_frame', `Invalid frame${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}.`, refOf(data));
      }
      frame = parsed.data;
    } catch {
      return this.error('invalid_frame', 'Frames are JSON text objects with a "type".');
    }
    void this.handle(frame).catch((error: unknown) => {
      this.deps.logger.error({ err: error, frame: frame.type }, 'chat: frame handling failed');
      this.error('unavailable', 'Something went wrong handling that frame; try again.');
    });
  }

  private async handle(frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case 'ping':
        return this.send({ type: 'pong', ...(frame.ref !== undefined ? { ref: frame.ref } : {}) });
      case 'join':
        return this.join(frame.conversationId, frame.since);
      case 'leave':
        await this.leave(frame.conversationId);
        return this.send({ type: 'left', conversationId: frame.conversationId, reason: 'requested' });
      case 'send':
        return this.post(frame.conversationId, frame.clientMessageId, frame.text);
      case 'typing': {
        if (!this.joined.has(frame.conversationId)) return this.error('not_joined', 'Join the conversation first.', frame.conversationId);
        await this.deps.hub.publish(frame.conversationId, { type: 'typing', conversationId: frame.conversationId, userId: this.identity.userId });
        return;
      }
      case 'read':
        try {
          await this.api.call('markConversationRead', { params: { path: { id: frame.conversationId } }, body: { seq: frame.seq } });
        } catch (error) {
          this.apiFailed(error, frame.conversationId);
        }
        return;
    }
  }

  private async join(conversationId: string, since: number | undefined): Promise<void> {
    if (this.joined.has(conversationId)) await this.leave(conversationId);
    const conversation: JoinedConversation = { state: 'joining', lastSeq: since ?? 0, buffer: [], stop: async () => {} };
    this.joined.set(conversationId, conversation);
    try {
      // Listen first, read the API second: whatever is stored meanwhile is both buffered and read, and seq de-duplicates it.
      conversation.stop = await this.deps.hub.listen(conversationId, (event) => this.onEvent(conversationId, event));
      // Membership and the newest seq only: the conversation's member list would make each join cost the room's size.
      const { data } = await this.api.call('getConversationMembership', { params: { path: { id: conversationId } } });
      if (this.joined.get(conversationId) !== conversation) return; // left meanwhile
      this.deps.hub.stored(conversationId, data.lastSeq);
      if (since === undefined) conversation.lastSeq = data.lastSeq;
      else {
        conversation.lastSeq = Math.min(since, data.lastSeq);
        // A client that missed nothing (most rejoins after a reconnect) costs no read of the messages.
        if (conversation.lastSeq < data.lastSeq) await this.replay(conversationId, conversation);
      }
      await this.deps.presence.enter(presenceRoom(conversationId), this.member, this.presenceTtlSeconds());
      const others = await this.deps.presentUsers(conversationId);
      const present = others.includes(this.identity.userId) ? others : [...others, this.identity.userId].sort();
      if (this.joined.get(conversationId) !== conversation || this.closed) return;
      this.send({ type: 'joined', conversationId, lastSeq: conversation.lastSeq, present });
      this.goLive(conversationId, conversation);
      this.deps.presenceAnnouncer.changed(conversationId);
    } catch (error) {
      if (this.joined.get(conversationId) === conversation) this.joined.delete(conversationId);
      await conversation.stop();
      this.apiFailed(error, conversationId);
    }
  }

  /** Sends every stored message after `conversation.lastSeq`, page by page, waiting for a slow reader rather than piling up. */
  private async replay(conversationId: string, conversation: JoinedConversation): Promise<void> {
    for (;;) {
      const { data } = await this.api.call('listMessages', { params: { path: { id: conversationId }, query: { after: conversation.lastSeq, limit: REPLAY_PAGE } } });
      if (this.joined.get(conversationId) !== conversation || this.closed) return;
      for (const message of data.items) this.sendMessage(conversation, message);
      if (data.nextAfter === null || data.items.length === 0) return;
      await this.drained();
    }
  }

  /**
   * Flushes what arrived while joining or catching up, in seq order, then delivers live.
   * After a catch-up (`afterCatchUp`), a gap the API did not fill is skipped rather than
   * read again in a loop. (Messages are published after their commit, so the API has
   * every message an event announced; this only guards against a loop.)
   */
  private goLive(conversationId: string, conversation: JoinedConversation, afterCatchUp = false): void {
    const buffered = conversation.buffer.sort((a, b) => a.seq - b.seq);
    conversation.buffer = [];
    conversation.state = 'live';
    for (const [index, message] of buffered.entries()) {
      if (message.seq <= conversation.lastSeq) continue;
      if (message.seq > conversation.lastSeq + 1 && !afterCatchUp) {
        // A gap (an event pub/sub did not deliver): read it from the API, keep the rest for after.
        conversation.buffer = buffered.slice(index);
        return void this.catchUp(conversationId, conversation);
      }
      this.sendMessage(conversation, message);
    }
  }

  private async catchUp(conversationId: string, conversation: JoinedConversation): Promise<void> {
    conversation.state = 'catching-up';
    this.deps.metrics?.gapFilled();
    try {
      await this.replay(conversationId, conversation);
    } catch (error) {
      // Live messages keep being buffered meanwhile; asking again at once would hammer an API that is failing.
      this.deps.logger.warn({ err: error, conversationId }, `chat: catching up a gap failed; trying again in ${CATCH_UP_RETRY_MS} ms`);
      setTimeout(() => {
        if (this.joined.get(conversationId) === conversation && !this.closed) void this.catchUp(conversationId, conversation);
      }, CATCH_UP_RETRY_MS).unref();
      return;
    }
    if (this.joined.get(conversationId) === conversation) this.goLive(conversationId, conversation, true);
  }

  private onEvent(conversationId: string, event: ConversationChannelEvent): void {
    const conversation = this.joined.get(conversationId);
    if (!conversation || this.closed) return;
    switch (event.type) {
      case 'message.created': {
        const { message } = event;
        if (message.seq <= conversation.lastSeq) return;
        if (conversation.state !== 'live') return void conversation.buffer.push(message);
        if (message.seq > conversation.lastSeq + 1) {
          conversation.buffer.push(message);
          return void this.catchUp(conversationId, conversation);
        }
        return this.sendMessage(conversation, message);
      }
      case 'read':
        return this.sendShared(event, () => ({ type: 'read', conversationId, userId: event.userId, seq: event.seq }));
      case 'typing':
        if (event.userId !== this.identity.userId) this.sendShared(event, () => ({ type: 'typing', conversationId, userId: event.userId }));
        return;
      case 'presence':
        return this.sendShared(event, () => ({ type: 'presence', conversationId, present: event.present }));
      case 'members.changed':
        if (event.memberIds.includes(this.identity.userId)) return;
        void this.leave(conversationId).then(() => this.send({ type: 'left', conversationId, reason: 'removed' }));
        return;
    }
  }

  private async post(conversationId: string, clientMessageId: string, text: string): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const data = await this.deps.posts.post({ accessToken: this.identity.accessToken, conversationId, text, clientMessageId });
        // Stored (a resend gets the original): only now is it acknowledged.
        return this.send({ type: 'ack', conversationId, clientMessageId, id: data.id, seq: data.seq });
      } catch (error) {
        // The connection to the API broke under the request (e.g. a keep-alive socket the API closed as it was reused).
        // The SDK retries only idempotent calls; this one is, by its clientMessageId: the API stores it at most once.
        if (attempt < POST_ATTEMPTS && isNexusError(error) && error.kind === 'network' && !this.closed) continue;
        return this.apiFailed(error, clientMessageId);
      }
    }
  }

  /** Leaves one conversation: no more events, out of its presence. */
  async leave(conversationId: string): Promise<void> {
    const conversation = this.joined.get(conversationId);
    if (!conversation) return;
    this.joined.delete(conversationId);
    await conversation.stop();
    try {
      await this.deps.presence.leave(presenceRoom(conversationId), this.member);
      this.deps.presenceAnnouncer.changed(conversationId);
    } catch (error) {
      this.deps.logger.warn({ err: error, conversationId }, 'chat: presence update failed on leave');
    }
  }

  /** Renews this connection's presence in every joined conversation (called on each heartbeat). */
  async renewPresence(): Promise<void> {
    for (const [conversationId, conversation] of this.joined) {
      if (conversation.state === 'joining') continue;
      await this.deps.presence.enter(presenceRoom(conversationId), this.member, this.presenceTtlSeconds());
    }
  }

  /** After the socket closed: leave everything. */
  async dispose(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.joined.keys()].map((conversationId) => this.leave(conversationId)));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.deps.metrics?.closed(code);
    if (code === CHAT_CLOSE_CODES.slowConsumer) this.deps.metrics?.sendBufferDropped();
    this.socket.close(code, reason);
    // A peer that never reads never completes the closing handshake either.
    setTimeout(() => this.socket.terminate(), 2_000).unref();
  }

  send(frame: ServerFrame): void {
    this.sendBytes(JSON.stringify(frame));
  }

  /** A frame every local member of the conversation gets alike: serialised once per event on this gateway, the same bytes for each socket. */
  private sendShared(event: object, frame: () => ServerFrame): void {
    let bytes = sharedFrames.get(event);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(frame()));
      sharedFrames.set(event, bytes);
    }
    this.sendBytes(bytes);
  }

  private sendBytes(data: string | Buffer): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.deps.config.CHAT_MAX_BUFFERED_BYTES) return this.close(CHAT_CLOSE_CODES.slowConsumer, 'slow consumer');
    // A text frame either way (a Buffer would go out as binary without `binary: false`).
    this.socket.send(data, { binary: false });
  }

  private sendMessage(conversation: JoinedConversation, message: ChatMessage): void {
    if (message.seq <= conversation.lastSeq) return;
    conversation.lastSeq = message.seq;
    // Live messages are one object for all local listeners (the hub parses each event once); replayed ones are per connection.
    this.sendShared(message, () => ({ type: 'message', message }));
  }

  private error(code: ChatErrorCode, message: string, ref?: string): void {
    this.send({ type: 'error', code, message, ...(ref !== undefined ? { ref } : {}) });
  }

  private apiFailed(error: unknown, ref: string): void {
    const failure = classifyApiFailure(error);
    if (failure === 'unauthorized') return this.close(CHAT_CLOSE_CODES.unauthorized, 'credentials no longer valid');
    if (failure.code === 'unavailable') this.deps.logger.error({ err: error }, 'chat: API call failed');
    this.error(failure.code, failure.message, ref);
  }

  private presenceTtlSeconds(): number {
    return this.deps.config.CHAT_HEARTBEAT_SECONDS * 2.5;
  }

  /** Resolves once the socket's send buffer is below half the limit (a replay waits for a slow reader instead of queueing it all). */
  private async drained(): Promise<void> {
    const limit = this.deps.config.CHAT_MAX_BUFFERED_BYTES / 2;
    const deadline = Date.now() + 10_000;
    while (!this.closed && this.socket.bufferedAmount > limit) {
      if (Date.now() > deadline) return this.close(CHAT_CLOSE_CODES.slowConsumer, 'slow consumer');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** The `clientMessageId` or `conversationId` of an invalid frame, when it has one, so the client knows which frame failed. */
function refOf(data: Buffer): string | undefined {
  try {
    const value = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    const ref = value['clientMessageId'] ?? value['conversationId'];
    return typeof ref === 'string' && ref.length <= 100 ? ref : undefined;
  } catch {
    return undefined;
  }
}
