// The gateway's sends gathered into postMessageBatch calls (gateway/post-batcher.ts), against the
// real API: how many calls it makes (counted on the way, the API answers them all), and that each
// post gets its own answer — stored, refused alone, or failed with the whole call.
import { randomUUID } from 'node:crypto';
import { createNexusClient, isNexusError, type Message } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { createPostBatcher, type Post } from '../src/gateway/post-batcher.js';
import { admin, newPerson, type Person } from './support/people.js';

let api: RunningApi;
let ada: Person;
let bo: Person;
let cy: Person;
let conversationId: string;
/** The operation of each request the batcher's client sent. */
let calls: string[] = [];
/** Requests wait for this before they go on to the API (a test holds them to have calls open). */
let held: Promise<void> = Promise.resolve();

const client = (baseUrl: string) =>
  createNexusClient({
    baseUrl,
    fetch: async (request: Request) => {
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      await held;
      return fetch(request);
    },
  });

const post = (person: Person, text: string, conversation = conversationId): Post => ({
  accessToken: person.accessToken,
  conversationId: conversation,
  text,
  clientMessageId: randomUUID(),
});

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const value = (result: PromiseSettledResult<Message> | undefined) => {
  if (result?.status !== 'fulfilled') throw new Error(`not stored: ${String(result?.status === 'rejected' ? result.reason : result)}`);
  return result.value;
};
const errorKind = (result: PromiseSettledResult<Message> | undefined) =>
  result?.status === 'rejected' && isNexusError(result.reason) ? result.reason.kind : `not an SDK error: ${JSON.stringify(result)}`;

beforeAll(async () => {
  api = await startApi();
  ada = await admin(api);
  bo = await newPerson(api.baseUrl, ada, 'Bo');
  cy = await newPerson(api.baseUrl, ada, 'Cy');
  const { data } = await ada.api.call('createConversation', { body: { title: 'Batching', memberIds: [bo.id] } });
  conversationId = data.id;
}, STARTUP_DEADLINE_MS + 30_000);
afterAll(async () => api?.stop());

describe('post batcher', () => {
  it("gathers several users' posts into calls of at most maxItems, each post answered with its stored message", async () => {
    const batcher = createPostBatcher(client(api.baseUrl), { maxInFlight: 1, maxItems: 3, maxBytes: 1_000_000 });
    calls = [];
    const posts = Array.from({ length: 7 }, (_, i) => post(i % 2 ? bo : ada, `m${i}`));
    const results = await settle(posts.map((p) => batcher.post(p)));
    expect(calls).toEqual(Array.from({ length: 3 }, () => 'POST /api/chat/message-batches'));
    const stored = results.map(value);
    expect(stored.map((message) => message.text)).toEqual(posts.map((p) => p.text));
    expect(stored.map((message) => message.clientMessageId)).toEqual(posts.map((p) => p.clientMessageId));
    expect(stored.map((message) => message.author?.id)).toEqual(posts.map((_, i) => (i % 2 ? bo.id : ada.id)));
    // One conversation: consecutive seqs in the order the posts were made.
    expect(stored.map((message) => message.seq - stored[0]!.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    // A resend is answered with the original.
    const again = await batcher.post(posts[3]!);
    expect(again).toEqual(stored[3]);
  });

  it('sends a lone post at once, and keeps at most maxInFlight calls open', async () => {
    const batcher = createPostBatcher(client(api.baseUrl), { maxInFlight: 2, maxItems: 100, maxBytes: 1_000_000 });
    calls = [];
    expect((await batcher.post(post(ada, 'alone'))).text).toBe('alone');
    expect(calls).toHaveLength(1);
    calls = [];
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    const first = batcher.post(post(ada, 'first'));
    await new Promise((resolve) => setImmediate(resolve));
    const second = batcher.post(post(bo, 'second'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(2);
    // Two calls are out: these three wait for one of them and go together.
    const rest = [batcher.post(post(ada, 'third')), batcher.post(post(bo, 'fourth')), batcher.post(post(ada, 'fifth'))];
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toHaveLength(2);
    release();
    held = Promise.resolve();
    const stored = await Promise.all([first, second, ...rest]);
    expect(stored.map((message) => message.text)).toEqual(['first', 'second', 'third', 'fourth', 'fifth']);
    expect(calls).toHaveLength(3);
  });

  it('refuses a post as postMessage would, alone: the others in its call are stored', async () => {
    const batcher = createPostBatcher(client(api.baseUrl), { maxInFlight: 1, maxItems: 100, maxBytes: 1_000_000 });
    calls = [];
    const results = await settle([
      batcher.post(post(ada, 'kept')),
      batcher.post(post(cy, 'cy is not a member')),
      batcher.post({ ...post(bo, 'forged'), accessToken: 'abc.def.ghi' }),
      batcher.post(post(bo, 'nowhere', randomUUID())),
      batcher.post(post(bo, 'kept too')),
    ]);
    expect(calls).toHaveLength(1);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value.text : errorKind(result)))).toEqual([
      'kept',
      'not-found',
      'unauthorized',
      'not-found',
      'kept too',
    ]);
  });

  it('posts each alone when the whole call fails validation, so that only the invalid one is refused', async () => {
    const batcher = createPostBatcher(client(api.baseUrl), { maxInFlight: 1, maxItems: 100, maxBytes: 1_000_000 });
    calls = [];
    // A frame's text may be blanks; the API refuses that (400) for the whole batch.
    const results = await settle([batcher.post(post(ada, 'fine')), batcher.post(post(bo, '   ')), batcher.post(post(bo, 'fine too'))]);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value.text : errorKind(result)))).toEqual(['fine', 'validation', 'fine too']);
    expect(calls[0]).toBe('POST /api/chat/message-batches');
    expect(calls.slice(1).sort()).toEqual(Array.from({ length: 3 }, () => `POST /api/conversations/${conversationId}/messages`));
  });

  it('keeps a call under maxBytes, and posts each alone when the API finds the call too large (413)', async () => {
    const sized = createPostBatcher(client(api.baseUrl), { maxInFlight: 1, maxItems: 100, maxBytes: 2 * Buffer.byteLength(JSON.stringify(post(ada, 'x'.repeat(100)))) });
    calls = [];
    const texts = Array.from({ length: 5 }, (_, i) => `${i}`.padEnd(100, '.'));
    expect((await Promise.all(texts.map((text) => sized.post(post(ada, text))))).map((message) => message.text)).toEqual(texts);
    expect(calls).toHaveLength(3); // 2 + 2 + 1

    const small = await startApi({ env: { BODY_LIMIT_BYTES: '2048' } });
    try {
      const owner = await admin(small);
      const { data: room } = await owner.api.call('createConversation', { body: { title: 'Small bodies', memberIds: [] } });
      const unbounded = createPostBatcher(client(small.baseUrl), { maxInFlight: 1, maxItems: 100, maxBytes: 1_000_000 });
      calls = [];
      const stored = await Promise.all(texts.map((text) => unbounded.post(post(owner, text, room.id))));
      expect(stored.map((message) => message.text)).toEqual(texts);
      expect(calls[0]).toBe('POST /api/chat/message-batches');
      expect(calls.slice(1)).toEqual(texts.map(() => `POST /api/conversations/${room.id}/messages`));
    } finally {
      await small.stop();
    }
  }, STARTUP_DEADLINE_MS + 30_000);

  it('fails every post of a call that gets no answer, with the error the client would see', async () => {
    const batcher = createPostBatcher(createNexusClient({ baseUrl: 'http://127.0.0.1:9', retry: false }), { maxInFlight: 1, maxItems: 100, maxBytes: 1_000_000 });
    const results = await settle([batcher.post(post(ada, 'lost 1')), batcher.post(post(bo, 'lost 2'))]);
    expect(results.map(errorKind)).toEqual(['network', 'network']);
  });
});
