import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceQuoteChanges } from '../src/services/chat/quote-announcements.js';
import { eventually } from './support/backends.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

type User = Awaited<ReturnType<TestApp['user']>>;
interface Message {
  id: string;
  seq: number;
  kind: string;
  author: unknown;
  text: string;
  references: { type: string; id: string; label: string }[];
}

let t: TestApp;
let sam: User;
let viv: User;

beforeAll(async () => {
  t = await startTestApp();
  sam = await t.user('sales', 'Sam Sales');
  viv = await t.user('viewer', 'Viv Viewer');
});
afterAll(async () => t?.close());

async function send(user: User, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.request(path, { method, headers: { ...JSON_HEADERS, ...user.auth, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

async function draftQuote() {
  const customer = await json<{ id: string }>(await send(sam, 'POST', '/api/customers', { name: `Marina Hotel ${randomUUID().slice(0, 6)}` }), 201);
  return json<{ id: string; number: string; version: number }>(await send(sam, 'POST', '/api/quotes', { customerId: customer.id, title: 'Lobby fit-out' }), 201);
}

async function messagesOf(conversationId: string) {
  return (await json<{ items: Message[] }>(await send(viv, 'GET', `/api/conversations/${conversationId}/messages?limit=200`), 200)).items;
}

describe("a quote's changes in its conversations", () => {
  it('are told as system messages, with a link to the quote, and published live', async () => {
    const quote = await draftQuote();
    const room = await json<{ id: string }>(await send(sam, 'POST', '/api/conversations', { title: 'Lobby', memberIds: [viv.id], quoteId: quote.id }), 201);
    const unrelated = await json<{ id: string }>(await send(sam, 'POST', '/api/conversations', { title: 'Other', memberIds: [viv.id] }), 201);
    const live: { type: string; message?: Message }[] = [];
    const unsubscribe = await t.deps.pubsub.subscribe(`chat.conversation.${room.id}`, (event) => live.push(event as (typeof live)[number]));
    try {
      await json(await send(sam, 'PATCH', `/api/quotes/${quote.id}`, { title: 'Lobby and bar fit-out' }, { 'if-match': `"${quote.version}"` }), 200);
      await json(
        await send(sam, 'POST', `/api/quotes/${quote.id}/lines`, { description: 'Pendant lamp', quantity: '4', unitPriceMinor: 12_500 }, { 'if-match': `"${quote.version + 1}"` }),
        201,
      );
      await json(await send(sam, 'POST', `/api/quotes/${quote.id}/transitions`, { to: 'sent' }, { 'if-match': `"${quote.version + 2}"` }), 200);

      let told: Message[] = [];
      await eventually(async () => {
        told = await messagesOf(room.id);
        return told.length >= 3;
      });
      expect(told.map((m) => m.kind)).toEqual(['system', 'system', 'system']);
      expect(told[0]).toMatchObject({ seq: 1, author: null, references: [{ type: 'quote', id: quote.id, label: quote.number }] });
      expect(told[0]!.text).toContain('Sam Sales');
      expect(told[0]!.text).toContain(quote.number);
      expect(told[1]!.text).toContain('Pendant lamp');
      expect(told[2]!.text).toMatch(/sent/i);
      await eventually(() => live.filter((e) => e.type === 'message.created').length >= 3);
      expect(live.map((e) => e.message?.id)).toEqual(told.map((m) => m.id));
      expect(await messagesOf(unrelated.id)).toEqual([]);
    } finally {
      await unsubscribe();
    }
  });

  it('tells each change once, however many rounds run at once, and not changes from before the link', async () => {
    const quote = await draftQuote();
    await json(await send(sam, 'PATCH', `/api/quotes/${quote.id}`, { title: 'Before the conversation' }, { 'if-match': `"${quote.version}"` }), 200);
    const room = await json<{ id: string }>(await send(sam, 'POST', '/api/conversations', { title: 'Late', memberIds: [viv.id], quoteId: quote.id }), 201);
    await json(await send(sam, 'PATCH', `/api/quotes/${quote.id}`, { title: 'After the conversation' }, { 'if-match': `"${quote.version + 1}"` }), 200);

    // Rounds racing each other (as two API instances would) plus the running worker.
    await Promise.all(Array.from({ length: 4 }, () => announceQuoteChanges(t.deps)));
    const told = await messagesOf(room.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.seq).toBe(1);
    const [newest] = await t.deps.db
      .selectFrom('activity')
      .select('id')
      .where('entity_id', '=', quote.id)
      .orderBy('created_at', 'desc')
      .limit(1)
      .execute();
    const stored = await t.deps.db.selectFrom('messages').select('source_activity_id').where('id', '=', told[0]!.id).executeTakeFirstOrThrow();
    expect(stored.source_activity_id).toBe(newest!.id);
  });
});
