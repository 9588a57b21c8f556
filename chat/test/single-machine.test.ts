// `npm start` with nothing configured: the gateway runs inside the API process
// (in-process pub/sub and presence, embedded PostgreSQL) and the startup table
// prints its URL; it still reaches the API only through the SDK.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedApi, type RunningApi, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { admin, bearer, newPerson, type Person } from './support/people.js';
import { openSocket } from './support/test-socket.js';

let api: RunningApi;
let chatUrl: string;
let ada: Person;

beforeAll(async () => {
  api = await startEmbeddedApi();
  const printed = /Chat\s+(ws:\/\/\S+)/.exec(api.output());
  if (!printed) throw new Error(`the startup table shows no chat URL:\n${api.output()}`);
  chatUrl = printed[1]!;
  ada = await admin(api);
}, STARTUP_DEADLINE_MS + 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('the gateway in single-machine mode', () => {
  it('prints its URL in the startup table and delivers a message between two members with an ack', async () => {
    const bob = await newPerson(api.baseUrl, ada, 'Bob');
    const { data: conversation } = await ada.api.call('createConversation', { body: { title: 'On one machine', memberIds: [bob.id] } });
    const a = await openSocket(chatUrl, { headers: bearer(ada) });
    const b = await openSocket(chatUrl, { headers: bearer(bob) });
    for (const socket of [a, b]) {
      socket.send({ type: 'join', conversationId: conversation.id });
      await socket.next('joined');
    }
    const presence = await a.next('presence', (frame) => frame.present.length === 2);
    expect(presence.present.sort()).toEqual([ada.id, bob.id].sort());

    b.send({ type: 'typing', conversationId: conversation.id });
    expect(await a.next('typing')).toEqual({ type: 'typing', conversationId: conversation.id, userId: bob.id });

    const clientMessageId = randomUUID();
    a.send({ type: 'send', conversationId: conversation.id, clientMessageId, text: 'hello from one machine' });
    const ack = await a.next('ack');
    const received = await b.next('message');
    expect(received.message).toMatchObject({ id: ack.id, seq: 1, clientMessageId, text: 'hello from one machine' });
    a.close();
    b.close();
  });

  it('closes its sockets with 1001 when the API process is asked to stop', async () => {
    const socket = await openSocket(chatUrl, { headers: bearer(ada) });
    const closed = socket.closed;
    await api.stop('SIGTERM');
    expect((await closed).code).toBe(1001);
  });
});
