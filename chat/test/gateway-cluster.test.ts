// Two gateway processes and two API processes (each gateway calls its own) on
// the real Redis and PostgreSQL: fan-out across instances, REST posts reaching
// live sockets, and a gateway SIGKILLed mid-conversation losing and
// duplicating nothing (issue 13's scale-out, chat part).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, restartApi, startApi, startChatGateway, type RunningApi, type RunningChatGateway, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { admin, bearer, newPerson, type Person } from './support/people.js';
import { openSocket, type TestSocket } from './support/test-socket.js';

let api: RunningApi;
/** A second API process on the same database, Redis and signing key: gateway B calls it. */
let api2: Awaited<ReturnType<typeof restartApi>>;
let gatewayA: RunningChatGateway;
let gatewayB: RunningChatGateway;
let ada: Person;
let bob: Person;
let conversationId: string;
const sockets: TestSocket[] = [];

async function connect(gateway: RunningChatGateway, person: Person) {
  const socket = await openSocket(gateway.url, { headers: bearer(person) });
  sockets.push(socket);
  return socket;
}

async function join(socket: TestSocket, since?: number) {
  socket.send({ type: 'join', conversationId, ...(since !== undefined ? { since } : {}) });
  return socket.next('joined', (frame) => frame.conversationId === conversationId);
}

beforeAll(async () => {
  api = await startApi();
  api2 = await restartApi({ ...api.env, PORT: String(await freePort()) });
  [gatewayA, gatewayB] = await Promise.all([startChatGateway(api), startChatGateway({ ...api, baseUrl: api2.baseUrl })]);
  ada = await admin(api);
  bob = await newPerson(api.baseUrl, ada, 'Bob');
  const { data } = await ada.api.call('createConversation', { body: { title: 'Hotel Marina fit-out', memberIds: [bob.id] } });
  conversationId = data.id;
}, 3 * STARTUP_DEADLINE_MS + 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.ws.terminate();
  await Promise.all([gatewayA?.stop(), gatewayB?.stop()]);
  await api2?.stop();
  await api?.stop();
});

describe('two gateway instances, each on its own API instance', () => {
  it('delivers a message sent on instance A to a member connected to instance B, after acknowledging it', async () => {
    const onA = await connect(gatewayA, ada);
    const onB = await connect(gatewayB, bob);
    await join(onA);
    await join(onB);

    const clientMessageId = randomUUID();
    onA.send({ type: 'send', conversationId, clientMessageId, text: 'Drills for level 3?' });
    const ack = await onA.next('ack', (frame) => frame.clientMessageId === clientMessageId);
    const received = await onB.next('message', (frame) => frame.message.clientMessageId === clientMessageId);

    expect(received.message).toMatchObject({ id: ack.id, seq: ack.seq, text: 'Drills for level 3?', kind: 'user', author: { id: ada.id } });
    onA.close();
    onB.close();
  });

  it('acknowledges a resent clientMessageId with the original id and seq, storing it once', async () => {
    const socket = await connect(gatewayA, ada);
    const clientMessageId = randomUUID();
    socket.send({ type: 'send', conversationId, clientMessageId, text: 'once' });
    const first = await socket.next('ack', (frame) => frame.clientMessageId === clientMessageId);
    socket.send({ type: 'send', conversationId, clientMessageId, text: 'once' });
    await socket.next('ack', (frame) => frame.clientMessageId === clientMessageId && socket.frames.filter((f) => f.type === 'ack').length === 2);
    const acks = socket.frames.filter((frame) => frame.type === 'ack' && frame.clientMessageId === clientMessageId);
    expect(acks).toEqual([first, first]);
    expect(await storedCount(clientMessageId)).toBe(1);
    socket.close();
  });

  it('delivers a message posted through the REST API to sockets on both instances', async () => {
    const onA = await connect(gatewayA, bob);
    const onB = await connect(gatewayB, bob);
    await join(onA);
    await join(onB);
    const { data: posted } = await ada.api.call('postMessage', { params: { path: { id: conversationId } }, body: { text: 'posted over REST', clientMessageId: randomUUID() } });
    const [a, b] = await Promise.all([
      onA.next('message', (frame) => frame.message.id === posted.id),
      onB.next('message', (frame) => frame.message.id === posted.id),
    ]);
    expect(a.message).toEqual(posted);
    expect(b.message).toEqual(posted);
    onA.close();
    onB.close();
  });

  it('replays what a member missed when it joins with since, then goes live, in seq order without duplicates', async () => {
    const { data: before } = await ada.api.call('getConversation', { params: { path: { id: conversationId } } });
    for (let i = 0; i < 3; i += 1) {
      await ada.api.call('postMessage', { params: { path: { id: conversationId } }, body: { text: `missed ${i}`, clientMessageId: randomUUID() } });
    }
    const socket = await connect(gatewayB, bob);
    const joined = await join(socket, before.lastSeq);
    expect(joined.lastSeq).toBe(before.lastSeq + 3);
    const replayed = socket.frames.flatMap((frame) => (frame.type === 'message' ? [frame.message.seq] : []));
    expect(replayed).toEqual([before.lastSeq + 1, before.lastSeq + 2, before.lastSeq + 3]);
    // The join frame comes after the replay (presence, coalesced on a timer, may come before or between them).
    const order = socket.frames.map((frame) => frame.type).filter((type) => type === 'message' || type === 'joined');
    expect(order).toEqual(['message', 'message', 'message', 'joined']);
    socket.close();
  });

  it('loses no acknowledged message and duplicates none when gateway A is SIGKILLed mid-conversation and the client reconnects to B', async () => {
    const sender = await connect(gatewayB, bob);
    await join(sender);
    let reader = await connect(gatewayA, ada);
    const { lastSeq: startSeq } = await join(reader, (await ada.api.call('getConversation', { params: { path: { id: conversationId } } })).data.lastSeq);

    // The reader sends on A while bob sends on B; A is killed halfway.
    const sentByReader = new Map<string, string>();
    const acked = new Map<string, number>();
    const total = 40;
    for (let i = 0; i < total; i += 1) {
      sender.send({ type: 'send', conversationId, clientMessageId: randomUUID(), text: `from B ${i}` });
      if (i < 20) {
        const clientMessageId = randomUUID();
        sentByReader.set(clientMessageId, `from A ${i}`);
        reader.send({ type: 'send', conversationId, clientMessageId, text: `from A ${i}` });
      }
      if (i === 20) await gatewayA.stop('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    for (const frame of reader.frames) if (frame.type === 'ack') acked.set(frame.clientMessageId, frame.seq);
    const seenBefore = reader.frames.flatMap((frame) => (frame.type === 'message' ? [frame.message] : []));
    const lastSeen = seenBefore.reduce((max, message) => Math.max(max, message.seq), startSeq);
    expect((await reader.closed).code).toBe(1006);

    // Reconnect to B: rejoin with since, and resend what was never acknowledged (same clientMessageId).
    reader = await connect(gatewayB, ada);
    await join(reader, lastSeen);
    const unacked = [...sentByReader].filter(([clientMessageId]) => !acked.has(clientMessageId));
    for (const [clientMessageId, text] of unacked) reader.send({ type: 'send', conversationId, clientMessageId, text });
    for (const [clientMessageId] of unacked) {
      const ack = await reader.next('ack', (frame) => frame.clientMessageId === clientMessageId);
      acked.set(clientMessageId, ack.seq);
    }
    await sender.next('ack', () => sender.frames.filter((frame) => frame.type === 'ack').length === total, 20_000);

    const stored = await storedSince(startSeq);
    // Wait until the reader has seen everything PostgreSQL has.
    const lastStored = stored.at(-1)!.seq;
    await reader.next('message', (frame) => frame.message.seq === lastStored, 20_000).catch(() => undefined);
    const seen = [...seenBefore, ...reader.frames.flatMap((frame) => (frame.type === 'message' ? [frame.message] : []))].map((message) => message.seq);

    expect(stored.map((row) => row.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => startSeq + 1 + i));
    expect(stored).toHaveLength(total + sentByReader.size);
    expect(seen).toEqual(stored.map((row) => row.seq));
    for (const [clientMessageId, seq] of acked) expect(stored.find((row) => row.client_message_id === clientMessageId)?.seq).toBe(seq);
    expect(new Set(stored.map((row) => row.client_message_id)).size).toBe(stored.length);
  }, 90_000);
});

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: api.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function storedCount(clientMessageId: string): Promise<number> {
  const rows = await query<{ count: string }>('select count(*) from messages where client_message_id = $1', [clientMessageId]);
  return Number(rows[0]!.count);
}

async function storedSince(seq: number) {
  return query<{ seq: number; client_message_id: string }>('select seq, client_message_id from messages where conversation_id = $1 and seq > $2 order by seq', [conversationId, seq]);
}
