// The gateway's use of the real Redis. (1) The order of a conversation's live messages: the API
// publishes each message after its commit, and two posts committed back to
// back can be published in the other order. The gateway puts them back in
// seq order once for all its members instead of each member reading the
// "gap" from the API (gateway/seq-order.ts; a room of 1,000 made 1,000 API
// calls per reordering). Events are published here straight on the Redis
// channel, as the API would, so the order is the test's to choose.
// (2) Presence when the gateway stops: its members leave before it exits.
import { randomUUID } from 'node:crypto';
import { connectRedis, redisPresence, redisPubSub, type PubSub } from '@nexus/realtime';
import { conversationChannel, type ChatMessage } from '@nexus/sdk/chat';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startApi, startChatGateway, type RunningApi, type RunningChatGateway, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { presenceRoom } from '../src/gateway/chat-connection.js';
import { admin, bearer, newPerson, type Person } from './support/people.js';
import { openSocket, type TestSocket } from './support/test-socket.js';

let api: RunningApi;
let gateway: RunningChatGateway;
let metricsUrl: string;
let redis: Redis;
let pubsub: PubSub;
let ada: Person;
let conversationId: string;
let template: ChatMessage;
let socket: TestSocket;

const metric = async (name: string) => {
  const text = await (await fetch(metricsUrl)).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
};
const gapFills = () => metric('nexus_chat_gap_fills_total');

/** A message event as the API publishes it, for a seq the test picks. */
const publishMessage = (seq: number) =>
  pubsub.publish(conversationChannel(conversationId), {
    type: 'message.created',
    message: { ...template, id: randomUUID(), clientMessageId: randomUUID(), seq, text: `seq ${seq}` },
  });

const receivedSeqs = () => socket.frames.flatMap((frame) => (frame.type === 'message' && frame.message.conversationId === conversationId ? [frame.message.seq] : []));

/** How often the API answered an operation (its Prometheus counter, all statuses). */
const apiCalls = async (operation: string) => {
  const text = await (await fetch(apiMetricsUrl)).text();
  return [...text.matchAll(new RegExp(`^nexus_http_requests_total\\{[^}]*operation="${operation}"[^}]*\\} (\\d+)`, 'gm'))].reduce((sum, match) => sum + Number(match[1]), 0);
};
let apiMetricsUrl: string;

beforeAll(async () => {
  const apiMetricsPort = await freePort();
  apiMetricsUrl = `http://127.0.0.1:${apiMetricsPort}/metrics`;
  api = await startApi({ env: { METRICS_PORT: String(apiMetricsPort) } });
  const metricsPort = await freePort();
  gateway = await startChatGateway(api, { env: { CHAT_METRICS_PORT: String(metricsPort) } });
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  redis = await connectRedis(api.env.REDIS_URL!, { keyPrefix: api.env.REDIS_KEY_PREFIX! });
  pubsub = redisPubSub(redis, { channelPrefix: api.env.REDIS_KEY_PREFIX! });
  ada = await admin(api);
  const { data: conversation } = await ada.api.call('createConversation', { body: { title: 'Warehouse racking', memberIds: [] } });
  conversationId = conversation.id;
  ({ data: template } = await ada.api.call('postMessage', { params: { path: { id: conversationId } }, body: { text: 'first', clientMessageId: randomUUID() } }));
  socket = await openSocket(gateway.url, { headers: bearer(ada) });
  socket.send({ type: 'join', conversationId });
  const joined = await socket.next('joined', (frame) => frame.conversationId === conversationId);
  expect(joined.lastSeq).toBe(template.seq);
  expect(joined.present).toEqual([ada.id]);
}, 2 * STARTUP_DEADLINE_MS + 60_000);

afterAll(async () => {
  socket?.ws.terminate();
  redis?.disconnect();
  await gateway?.stop();
  await api?.stop();
});

describe('live messages published out of seq order', () => {
  it('are delivered in seq order without reading the API', async () => {
    const base = template.seq;
    await publishMessage(base + 2);
    await publishMessage(base + 1);
    await socket.next('message', (frame) => frame.message.seq === base + 2);
    expect(receivedSeqs()).toEqual([base + 1, base + 2]);
    expect(await gapFills()).toBe(0);
  });

  it('are delivered after a gap that never fills, which the connection then reads from the API once', async () => {
    const base = template.seq + 2;
    // base + 1 is never published (a lost event): base + 2 waits for it, then goes out and the gap is read from the API.
    await publishMessage(base + 2);
    await socket.next('message', (frame) => frame.message.seq === base + 2);
    expect(receivedSeqs()).toEqual([template.seq + 1, template.seq + 2, base + 2]);
    expect(await gapFills()).toBe(1);
  });
});

describe('sends', () => {
  it("reach the API in postMessageBatch calls, counted in the gateway's metrics", async () => {
    const before = [await metric('nexus_chat_post_batches_total'), await metric('nexus_chat_posts_total')];
    const clientMessageIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const clientMessageId of clientMessageIds) socket.send({ type: 'send', conversationId, clientMessageId, text: `batched ${clientMessageId}` });
    const acks = await Promise.all(clientMessageIds.map((id) => socket.next('ack', (frame) => frame.clientMessageId === id)));
    const { data } = await ada.api.call('listMessages', { params: { path: { id: conversationId }, query: { after: acks[0]!.seq - 1, limit: 10 } } });
    expect(data.items.map((message) => message.clientMessageId)).toEqual(clientMessageIds);
    const batches = (await metric('nexus_chat_post_batches_total')) - before[0]!;
    expect((await metric('nexus_chat_posts_total')) - before[1]!).toBe(3);
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(3);
  });
});

describe('a join with since', () => {
  it('reads the messages from the API only when the client missed some', async () => {
    const { data: room } = await ada.api.call('createConversation', { body: { title: 'Loading bay', memberIds: [] } });
    for (const text of ['one', 'two']) await ada.api.call('postMessage', { params: { path: { id: room.id } }, body: { text, clientMessageId: randomUUID() } });
    const reads = await apiCalls('listMessages');
    const rejoin = await openSocket(gateway.url, { headers: bearer(ada) });
    try {
      rejoin.send({ type: 'join', conversationId: room.id, since: 2 });
      expect((await rejoin.next('joined', (frame) => frame.conversationId === room.id)).lastSeq).toBe(2);
      expect(await apiCalls('listMessages')).toBe(reads);
      rejoin.send({ type: 'leave', conversationId: room.id });
      rejoin.send({ type: 'join', conversationId: room.id, since: 1 });
      const replayed = await rejoin.next('message', (frame) => frame.message.conversationId === room.id);
      expect(replayed.message).toMatchObject({ seq: 2, text: 'two' });
      expect(await apiCalls('listMessages')).toBe(reads + 1);
    } finally {
      rejoin.ws.terminate();
    }
  });
});

describe('presence', () => {
  it('lists each of many members joining at once as present in its own joined frame, and then everyone in a presence event', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => newPerson(api.baseUrl, ada, `Fitter${i + 1}`)));
    const { data: room } = await ada.api.call('createConversation', { body: { title: 'Site induction', memberIds: people.map((person) => person.id) } });
    const sockets = await Promise.all(people.map((person) => openSocket(gateway.url, { headers: bearer(person) })));
    try {
      for (const member of sockets) member.send({ type: 'join', conversationId: room.id });
      const joined = await Promise.all(sockets.map((member) => member.next('joined', (frame) => frame.conversationId === room.id)));
      joined.forEach((frame, i) => expect(frame.present).toContain(people[i]!.id));
      const everyone = people.map((person) => person.id).sort();
      await sockets[0]!.next('presence', (frame) => frame.conversationId === room.id && frame.present.length === everyone.length);
      expect(sockets[0]!.frames.findLast((frame) => frame.type === 'presence')).toMatchObject({ present: everyone });
    } finally {
      for (const member of sockets) member.ws.terminate();
    }
  });
});

describe('a gateway asked to stop', () => {
  it('takes its members out of presence before it exits, rather than leaving them to expire', async () => {
    const presence = redisPresence(redis);
    const rooms: string[] = [];
    for (const title of ['Level 2 lighting', 'Level 3 lighting', 'Car park signage']) {
      const { data } = await ada.api.call('createConversation', { body: { title, memberIds: [] } });
      rooms.push(data.id);
      socket.send({ type: 'join', conversationId: data.id });
      await socket.next('joined', (frame) => frame.conversationId === data.id);
    }
    const present = async () => (await Promise.all([conversationId, ...rooms].map((id) => presence.members(presenceRoom(id))))).flat();
    expect(await present()).toHaveLength(4);

    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
    await gateway.stop();
    expect(await closed).toBe(1001);
    expect(await present()).toEqual([]);
    expect(gateway.output()).not.toMatch(/EPIPE|Connection is closed/);
  });
});
