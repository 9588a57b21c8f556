// A share of the benchmark's chat clients, in a process of its own (bench/chat/run.mjs forks a
// couple): Nexus clients speak nexus.chat.v1 on raw `ws` sockets, Socket.IO clients use
// socket.io-client 4.8. Both keep the same books: per conversation the newest seq seen and how
// often each seq arrived (storm), delivery latencies (the send time travels in the text), and
// unacknowledged sends that are resent with their clientMessageId after a reconnect.
//
// Commands arrive over IPC as { id, cmd, ...args } and are answered with { id, result | error }.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io as socketIo } from 'socket.io-client';
import WebSocket from 'ws';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {'nexus' | 'socketio'} */
let protocol;
/** @type {string[]} */
let urls = [];
/** @type {Client[]} */
let clients = [];
let padding = '';

// What the current phase records.
let recordLatency = false;
/** @type {number[]} */
let latencies = [];
let delivered = 0;
let lastDeliveryAt = 0;
let errorFrames = 0;
/** @type {Map<string, number>} */
const errorCodes = new Map();
let trackCounts = false;

/**
 * @typedef {{ lastSeq: number, joined: boolean, counts?: Map<number, number> }} Room
 * @typedef {{ conversationId: string, text: string, sentAt: number }} PendingSend
 */

class Client {
  constructor(index, user, urlIndex) {
    this.index = index;
    this.user = user;
    this.urlIndex = urlIndex;
    /** @type {Map<string, Room>} */
    this.rooms = new Map();
    /** @type {Map<string, PendingSend>} */
    this.pending = new Map();
    /** clientMessageId → resolve, for a sender waiting for its own message to come back. */
    this.echoWaiters = new Map();
    /** conversationId → resolve, for a join in progress. */
    this.joinWaiters = new Map();
    this.connected = false;
    this.reconnects = 0;
    this.recovered = 0;
    /** When every room was joined again after the last reconnect. */
    this.rejoinedAt = 0;
    this.disconnectedAt = 0;
    this.closing = false;
    this.socket = null;
  }

  onMessage(message) {
    const t = now();
    delivered += 1;
    lastDeliveryAt = t;
    const room = this.rooms.get(message.conversationId);
    if (room) {
      if (trackCounts && room.counts) room.counts.set(message.seq, (room.counts.get(message.seq) ?? 0) + 1);
      if (message.seq > room.lastSeq) room.lastSeq = message.seq;
    }
    if (recordLatency) {
      const sentAt = Number(message.text.slice(0, message.text.indexOf(' ')));
      if (sentAt > 0) latencies.push(t - sentAt);
    }
    if (message.clientMessageId && this.echoWaiters.size > 0) {
      const waiter = this.echoWaiters.get(message.clientMessageId);
      if (waiter) {
        this.echoWaiters.delete(message.clientMessageId);
        waiter();
      }
    }
  }

  onAck(clientMessageId) {
    this.pending.delete(clientMessageId);
  }

  onJoined(conversationId, lastSeq) {
    const room = this.rooms.get(conversationId);
    if (room) {
      room.joined = true;
      if (lastSeq > room.lastSeq) room.lastSeq = lastSeq;
    }
    const waiter = this.joinWaiters.get(conversationId);
    if (waiter) {
      this.joinWaiters.delete(conversationId);
      waiter();
    }
    if (this.reconnects > 0 && [...this.rooms.values()].every((r) => r.joined)) this.rejoinedAt = now();
  }

  onError(code) {
    errorFrames += 1;
    errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
  }

  /** A send refused (the server could not store it now): sent again with its clientMessageId after a second, as a client SDK does. */
  onSendFailed(clientMessageId, code) {
    this.onError(code);
    setTimeout(() => {
      const pending = this.pending.get(clientMessageId);
      if (pending && this.connected) this.sendFrame(pending.conversationId, clientMessageId, pending.text);
    }, 1000).unref();
  }

  join(conversationId) {
    if (!this.rooms.has(conversationId)) this.rooms.set(conversationId, { lastSeq: 0, joined: false });
    return new Promise((resolve) => {
      this.joinWaiters.set(conversationId, resolve);
      this.sendJoin(conversationId, undefined);
    });
  }

  send(conversationId, clientMessageId = randomUUID()) {
    const text = `${now()} ${padding}`;
    this.pending.set(clientMessageId, { conversationId, text, sentAt: now() });
    this.sendFrame(conversationId, clientMessageId, text);
    return clientMessageId;
  }

  /** After a reconnect: every room again with since, then the unacknowledged sends. */
  resume() {
    for (const room of this.rooms.values()) room.joined = false;
    if (this.rooms.size === 0) this.rejoinedAt = now();
    for (const [conversationId, room] of this.rooms) this.sendJoin(conversationId, room.lastSeq);
    for (const [clientMessageId, pending] of this.pending) this.sendFrame(pending.conversationId, clientMessageId, pending.text);
  }
}

class NexusClient extends Client {
  open() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(urls[this.urlIndex], 'nexus.chat.v1', { headers: { authorization: `Bearer ${this.user.token}` }, perMessageDeflate: false });
      this.socket = ws;
      let opened = false;
      ws.on('open', () => {
        opened = true;
        this.connected = true;
        resolve();
      });
      ws.on('message', (data) => this.receive(data));
      ws.on('error', (error) => {
        if (!opened) reject(error);
      });
      ws.on('close', () => {
        this.connected = false;
        if (!opened) return reject(new Error('closed before open'));
        if (!this.closing) void this.reconnect();
      });
    });
  }

  /** Another gateway (the next URL), after 0–1 s of jitter, doubling on failure: as a client SDK does. */
  async reconnect() {
    this.disconnectedAt = now();
    this.reconnects += 1;
    for (let attempt = 0; !this.closing; attempt += 1) {
      this.urlIndex = (this.urlIndex + 1) % urls.length;
      await sleep(Math.random() * 1000 * 2 ** Math.min(attempt, 3));
      try {
        await this.open();
        this.resume();
        return;
      } catch {
        // that one is down too: next
      }
    }
  }

  receive(data) {
    const frame = JSON.parse(data.toString());
    switch (frame.type) {
      case 'message':
        return this.onMessage(frame.message);
      case 'ack':
        return this.onAck(frame.clientMessageId);
      case 'joined':
        return this.onJoined(frame.conversationId, frame.lastSeq);
      case 'error':
        if (frame.ref !== undefined && this.pending.has(frame.ref)) return this.onSendFailed(frame.ref, frame.code);
        return this.onError(frame.code);
      default:
    }
  }

  sendJoin(conversationId, since) {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify({ type: 'join', conversationId, ...(since !== undefined ? { since } : {}) }));
  }

  leave(conversationId) {
    this.rooms.delete(conversationId);
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'leave', conversationId }));
  }

  sendFrame(conversationId, clientMessageId, text) {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.socket.send(JSON.stringify({ type: 'send', conversationId, clientMessageId, text }));
  }

  close() {
    this.closing = true;
    this.socket?.terminate();
  }
}

class SocketIoClient extends Client {
  open() {
    return new Promise((resolve, reject) => {
      const socket = socketIo(urls[this.urlIndex], {
        transports: ['websocket'],
        auth: { token: this.user.token },
        // The same reconnect policy as the Nexus clients: 0–1 s, doubling.
        reconnectionDelay: 500,
        randomizationFactor: 1,
        reconnectionDelayMax: 4000,
        forceNew: true,
      });
      this.socket = socket;
      let opened = false;
      socket.on('connect', () => {
        this.connected = true;
        if (!opened) {
          opened = true;
          return resolve();
        }
        if (socket.recovered) {
          // Connection-state recovery restored rooms and missed packets.
          this.recovered += 1;
          this.rejoinedAt = now();
          for (const [clientMessageId, pending] of this.pending) this.sendFrame(pending.conversationId, clientMessageId, pending.text);
          return;
        }
        this.resume();
      });
      socket.on('connect_error', (error) => {
        if (!opened) {
          socket.close();
          reject(error);
        }
      });
      socket.on('disconnect', () => {
        this.connected = false;
        if (this.closing) return;
        this.disconnectedAt = now();
        this.reconnects += 1;
        // No load balancer here: the client moves on to the other server itself, as the Nexus clients do.
        this.urlIndex = (this.urlIndex + 1) % urls.length;
        socket.io.uri = urls[this.urlIndex];
      });
      socket.on('message', (message) => this.onMessage(message));
    });
  }

  sendJoin(conversationId) {
    if (!this.socket?.connected) return;
    this.socket.emit('join', { conversationId }, (answer) => {
      if (answer?.error) return this.onError(answer.error);
      this.onJoined(conversationId, answer.lastSeq);
    });
  }

  leave(conversationId) {
    this.rooms.delete(conversationId);
    if (this.socket?.connected) this.socket.emit('leave', { conversationId });
  }

  sendFrame(conversationId, clientMessageId, text) {
    if (!this.socket?.connected) return;
    this.socket.emit('send', { conversationId, clientMessageId, text }, (answer) => {
      if (answer?.error) return this.onSendFailed(clientMessageId, answer.error);
      this.onAck(clientMessageId);
    });
  }

  close() {
    this.closing = true;
    this.socket?.close();
  }
}

/** Runs `task` over `items` with at most `limit` at once. */
async function pool(items, limit, task) {
  let next = 0;
  const failures = [];
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++];
        try {
          await task(item);
        } catch (error) {
          failures.push(String(error?.message ?? error));
        }
      }
    }),
  );
  return failures;
}

/** A sender: sends, waits for its own message to come back through the fan-out, sends again. */
async function echoLoop(client, conversationId, until) {
  let sent = 0;
  let timeouts = 0;
  while (now() < until) {
    let resolve;
    const echoed = new Promise((r) => (resolve = r));
    const clientMessageId = randomUUID();
    client.echoWaiters.set(clientMessageId, resolve);
    client.send(conversationId, clientMessageId);
    sent += 1;
    const timer = sleep(10_000).then(() => 'timeout');
    if ((await Promise.race([echoed, timer])) === 'timeout') {
      timeouts += 1;
      client.echoWaiters.delete(clientMessageId);
    }
  }
  return { sent, timeouts };
}

const commands = {
  init({ protocol: p, urls: u, users, textBytes }) {
    protocol = p;
    urls = u;
    padding = 'x'.repeat(Math.max(0, textBytes - 20));
    const Kind = protocol === 'nexus' ? NexusClient : SocketIoClient;
    clients = users.map((user) => new Kind(user.index, user, user.urlIndex));
    return { clients: clients.length };
  },

  /** Connects the clients whose index is in [from, to). */
  async connect({ concurrency, from = 0, to = Infinity }) {
    const started = now();
    const failures = await pool(clients.filter((client) => client.index >= from && client.index < to), concurrency, (client) => client.open());
    return { ms: now() - started, failures: failures.length, firstFailures: failures.slice(0, 3) };
  },

  /** memberships: [clientIndex, conversationId][] */
  async join({ memberships, concurrency }) {
    const byIndex = new Map(clients.map((client) => [client.index, client]));
    const started = now();
    const failures = await pool(memberships, concurrency, ([index, conversationId]) =>
      Promise.race([byIndex.get(index).join(conversationId), sleep(30_000).then(() => Promise.reject(new Error(`join of ${conversationId} timed out`)))]),
    );
    return { ms: now() - started, failures: failures.length, firstFailures: failures.slice(0, 3) };
  },

  leave({ conversationIds }) {
    for (const client of clients) for (const id of conversationIds) if (client.rooms.has(id)) client.leave(id);
    return {};
  },

  /** senders: [clientIndex, conversationId][]: each sends, waits for its echo, repeats, for `seconds`. */
  async echo({ senders, seconds }) {
    const byIndex = new Map(clients.map((client) => [client.index, client]));
    const until = now() + seconds * 1000;
    const results = await Promise.all(senders.map(([index, conversationId]) => echoLoop(byIndex.get(index), conversationId, until)));
    return { sent: results.reduce((s, r) => s + r.sent, 0), timeouts: results.reduce((s, r) => s + r.timeouts, 0) };
  },

  record({ latency, counts }) {
    recordLatency = latency;
    latencies = [];
    delivered = 0;
    lastDeliveryAt = 0;
    errorFrames = 0;
    errorCodes.clear();
    trackCounts = counts;
    if (counts) for (const client of clients) for (const room of client.rooms.values()) room.counts = new Map();
    return {};
  },

  stats() {
    return {
      delivered,
      lastDeliveryAt,
      pending: clients.reduce((sum, client) => sum + client.pending.size, 0),
      disconnected: clients.filter((client) => !client.connected).length,
      notRejoined: clients.filter((client) => !client.connected || [...client.rooms.values()].some((room) => !room.joined)).length,
    };
  },

  collect() {
    const samples = Float64Array.from(latencies);
    latencies = [];
    recordLatency = false;
    return { samples, delivered, lastDeliveryAt, errorFrames, errorCodes: Object.fromEntries(errorCodes) };
  },

  /** Open-loop sending for the storm: each sender sends one message every `intervalMs` until `stop`. */
  flow({ senders, intervalMs }) {
    const byIndex = new Map(clients.map((client) => [client.index, client]));
    let sent = 0;
    const timers = senders.map(([index, conversationId], i) => {
      const client = byIndex.get(index);
      let timer;
      const tick = () => {
        // A disconnected sender queues it (pending) and resends after its reconnect.
        if (client.connected) client.send(conversationId);
        else client.pending.set(randomUUID(), { conversationId, text: `${now()} ${padding}`, sentAt: now() });
        sent += 1;
      };
      // Spread the senders over the interval.
      const start = setTimeout(() => {
        tick();
        timer = setInterval(tick, intervalMs);
      }, (intervalMs * i) / senders.length);
      return () => {
        clearTimeout(start);
        clearInterval(timer);
      };
    });
    flowStop = () => {
      for (const stop of timers) stop();
      return sent;
    };
    return {};
  },

  stopFlow() {
    return { sent: flowStop?.() ?? 0 };
  },

  /** Storm books: lost and duplicated against the stored seqs (`from` exclusive → `to` inclusive per conversation). */
  storm({ ranges, killedAt }) {
    let expected = 0;
    let received = 0;
    let lost = 0;
    let duplicated = 0;
    let affected = 0;
    let lastRejoinMs = 0;
    let recovered = 0;
    const lostExamples = [];
    for (const client of clients) {
      if (client.reconnects > 0) {
        affected += 1;
        recovered += client.recovered;
        lastRejoinMs = Math.max(lastRejoinMs, client.rejoinedAt ? client.rejoinedAt - killedAt : Infinity);
      }
      for (const [conversationId, room] of client.rooms) {
        const range = ranges[conversationId];
        if (!range || !room.counts) continue;
        for (let seq = range.from + 1; seq <= range.to; seq += 1) {
          expected += 1;
          const count = room.counts.get(seq) ?? 0;
          received += count;
          if (count === 0) {
            lost += 1;
            if (lostExamples.length < 3) lostExamples.push({ conversationId, seq, client: client.index, reconnects: client.reconnects });
          }
          if (count > 1) duplicated += count - 1;
        }
      }
    }
    return { expected, received, lost, duplicated, affected, recovered, lastRejoinMs, lostExamples };
  },

  close() {
    for (const client of clients) client.close();
    return {};
  },
};

let flowStop;

process.on('message', async ({ id, cmd, ...args }) => {
  try {
    const result = await commands[cmd](args);
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.stack ?? error) });
  }
});
