import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/backends.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

// POST /api/chat/message-batches: several authors' posts in one call, each answered as postMessage answers it alone.

type User = Awaited<ReturnType<TestApp['user']>>;
interface Message {
  id: string;
  conversationId: string;
  seq: number;
  text: string;
  clientMessageId: string | null;
  author: { id: string; displayName: string } | null;
}
type Result = { status: 200 | 201; message: Message } | { status: number; problem: { status: number; type: string; detail?: string; instance?: string } };
interface Item {
  accessToken: string;
  conversationId: string;
  text: string;
  clientMessageId: string;
}

let t: TestApp;
let ann: User;
let bob: User;
let eve: User;

beforeAll(async () => {
  t = await startTestApp();
  ann = await t.user('sales', 'Ann Batch');
  bob = await t.user('viewer', 'Bob Batch');
  eve = await t.user('sales', 'Eve Batch');
});
afterAll(async () => t?.close());

async function startConversation(memberIds: string[]): Promise<string> {
  const response = await t.request('/api/conversations', {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...ann.auth },
    body: JSON.stringify({ title: `Batch ${randomUUID().slice(0, 8)}`, memberIds }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const item = (by: User, conversationId: string, text: string, clientMessageId = randomUUID()): Item => ({
  accessToken: by.accessToken,
  conversationId,
  text,
  clientMessageId,
});

const batch = (items: unknown[], headers: Record<string, string> = {}) =>
  t.request('/api/chat/message-batches', { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify({ items }) });

async function results(items: Item[]): Promise<Result[]> {
  const response = await batch(items);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { results: Result[] };
  expect(body.results).toHaveLength(items.length);
  return body.results;
}

const stored = (result: Result | undefined): Message => {
  if (!result || !('message' in result)) throw new Error(`not stored: ${JSON.stringify(result)}`);
  return result.message;
};

async function seqsInDatabase(conversationId: string) {
  const rows = await t.deps.db.selectFrom('messages').select(['seq', 'text']).where('conversation_id', '=', conversationId).orderBy('seq').execute();
  return rows.map((row) => `${row.seq}:${row.text}`);
}

describe('postMessageBatch', () => {
  it("stores several authors' posts to several conversations, each conversation's in the items' order", async () => {
    const one = await startConversation([bob.id]);
    const two = await startConversation([bob.id]);
    const items = [item(ann, one, 'a1'), item(bob, two, 'b1'), item(bob, one, 'b2'), item(ann, two, 'a2'), item(ann, one, 'a3')];
    const answered = await results(items);
    expect(answered.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answered.map((r) => `${stored(r).conversationId === one ? 'one' : 'two'}:${stored(r).seq}:${stored(r).text}`)).toEqual([
      'one:1:a1',
      'two:1:b1',
      'one:2:b2',
      'two:2:a2',
      'one:3:a3',
    ]);
    expect(stored(answered[2])).toMatchObject({ author: { id: bob.id, displayName: 'Bob Batch' }, clientMessageId: items[2]!.clientMessageId });
    expect(await seqsInDatabase(one)).toEqual(['1:a1', '2:b2', '3:a3']);
    expect(await seqsInDatabase(two)).toEqual(['1:b1', '2:a2']);
    const conversation = await t.deps.db.selectFrom('conversations').select('last_seq').where('id', '=', one).executeTakeFirstOrThrow();
    expect(conversation.last_seq).toBe(3);
  });

  it('refuses an item as postMessage would refuse it alone, and stores the others', async () => {
    const room = await startConversation([bob.id]);
    const loggedOut = await t.user('sales', 'Logged Out');
    expect((await t.request('/api/auth/logout', { method: 'POST', headers: loggedOut.auth })).status).toBe(204);
    const answered = await results([
      item(ann, room, 'kept 1'),
      { ...item(ann, room, 'forged'), accessToken: 'abc.def.ghi' },
      item(eve, room, 'not a member'),
      item(loggedOut, room, 'after logout'),
      item(ann, randomUUID(), 'no such conversation'),
      item(bob, room, 'kept 2'),
    ]);
    expect(answered.map((r) => r.status)).toEqual([201, 401, 404, 401, 404, 201]);
    const refused = answered[2] as Extract<Result, { problem: unknown }>;
    expect(refused.problem).toMatchObject({ status: 404, type: 'https://nexus.dev/problems/not-found', instance: '/api/chat/message-batches#/items/2' });
    expect((answered[1] as Extract<Result, { problem: unknown }>).problem.detail).toBe('The access token is not valid.');
    expect((answered[3] as Extract<Result, { problem: unknown }>).problem.detail).toBe('The session has ended; log in again.');
    expect(await seqsInDatabase(room)).toEqual(['1:kept 1', '2:kept 2']);
  });

  it('answers a stored clientMessageId with the original (200), within one batch too, and stores it once', async () => {
    const room = await startConversation([bob.id]);
    const key = randomUUID();
    const first = await results([item(ann, room, 'hello', key)]);
    expect(first[0]?.status).toBe(201);
    const again = await results([item(ann, room, 'hello', key), item(bob, room, 'hello', key), item(bob, room, 'hello twice', key)]);
    expect(again.map((r) => r.status)).toEqual([200, 201, 200]);
    expect(stored(again[0])).toEqual(stored(first[0]));
    // Another author's message with the same key is another message; its repeat in the same batch is its resend.
    expect(stored(again[1]).seq).toBe(2);
    expect(stored(again[2])).toEqual(stored(again[1]));
    expect(await seqsInDatabase(room)).toEqual(['1:hello', '2:hello']);
  });

  it('stores a key once when batches and single posts of it race', async () => {
    const room = await startConversation([]);
    const key = randomUUID();
    const single = () =>
      t.request(`/api/conversations/${room}/messages`, { method: 'POST', headers: { ...JSON_HEADERS, ...ann.auth }, body: JSON.stringify({ text: 'race', clientMessageId: key }) });
    const [batches, singles] = await Promise.all([
      Promise.all(Array.from({ length: 5 }, () => results([item(ann, room, 'race', key)]))),
      Promise.all(Array.from({ length: 5 }, single)),
    ]);
    const statuses = [...batches.map((answered) => answered[0]!.status), ...singles.map((response) => response.status)];
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(9);
    expect(new Set(batches.map((answered) => stored(answered[0]).id)).size).toBe(1);
    expect(await seqsInDatabase(room)).toEqual(['1:race']);
  });

  it('numbers concurrent batches over the same conversations gap-free, whatever their order (no deadlock)', async () => {
    const rooms = await Promise.all(Array.from({ length: 4 }, () => startConversation([bob.id])));
    const batches = Array.from({ length: 12 }, (_, b) => {
      const order = b % 2 === 0 ? rooms : [...rooms].reverse();
      return order.flatMap((room, i) => [item(i % 2 ? ann : bob, room, `b${b}-${i}-x`), item(ann, room, `b${b}-${i}-y`)]);
    });
    const answered = await Promise.all(batches.map(results));
    expect(answered.flat().every((r) => r.status === 201)).toBe(true);
    for (const room of rooms) {
      const seqs = (await seqsInDatabase(room)).map((entry) => Number(entry.split(':')[0]));
      expect(seqs).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    }
    // Within a batch, one conversation's two posts are consecutive and in order.
    for (const [b, batchResults] of answered.entries()) {
      for (let i = 0; i < batchResults.length; i += 2) {
        expect(stored(batchResults[i + 1]).seq, `batch ${b}`).toBe(stored(batchResults[i]).seq + 1);
      }
    }
  });

  it('publishes each stored message once, in seq order', async () => {
    const room = await startConversation([bob.id]);
    const events: { type: string; message?: Message }[] = [];
    const unsubscribe = await t.deps.pubsub.subscribe(`chat.conversation.${room}`, (event) => events.push(event as (typeof events)[number]));
    try {
      const key = randomUUID();
      const answered = await results([item(ann, room, 'p1', key), item(bob, room, 'p2'), item(ann, room, 'p1', key), { ...item(ann, room, 'x'), accessToken: 'abc.def.ghi' }]);
      await eventually(() => events.length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events).toEqual([
        { type: 'message.created', message: stored(answered[0]) },
        { type: 'message.created', message: stored(answered[1]) },
      ]);
    } finally {
      await unsubscribe();
    }
  });

  it('validates the whole request: no items, too many, a blank text or a bad key is 400', async () => {
    const room = await startConversation([]);
    expect((await batch([])).status).toBe(400);
    expect((await batch(Array.from({ length: 101 }, () => item(ann, room, 'x')))).status).toBe(400);
    expect((await batch([item(ann, room, 'ok'), item(ann, room, '   ')])).status).toBe(400);
    expect((await batch([{ ...item(ann, room, 'ok'), clientMessageId: 'nope' }])).status).toBe(400);
    expect(await seqsInDatabase(room)).toEqual([]);
  });

  it('needs no Authorization header and does not act on one: each item is its own credential', async () => {
    const room = await startConversation([bob.id]);
    const response = await batch([item(bob, room, 'as bob')], ann.auth);
    expect(response.status).toBe(200);
    const [result] = ((await response.json()) as { results: Result[] }).results;
    expect(stored(result).author?.id).toBe(bob.id);
  });
});
