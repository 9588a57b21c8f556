import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/backends.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

type User = Awaited<ReturnType<TestApp['user']>>;
interface Message {
  id: string;
  conversationId: string;
  seq: number;
  kind: string;
  author: { id: string; displayName: string } | null;
  text: string;
  clientMessageId: string | null;
}
interface Conversation {
  id: string;
  title: string;
  lastSeq: number;
  members: { id: string; displayName: string; readSeq: number }[];
}

let t: TestApp;
let ann: User;
let bob: User;
let eve: User;

beforeAll(async () => {
  t = await startTestApp();
  ann = await t.user('sales', 'Ann Sales');
  bob = await t.user('viewer', 'Bob Viewer');
  eve = await t.user('sales', 'Eve Outsider');
});
afterAll(async () => t?.close());

const call = async (user: User, method: string, path: string, body?: unknown): Promise<Response> =>
  t.request(path, { method, headers: { ...JSON_HEADERS, ...user.auth }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function startConversation(by: User, memberIds: string[], extra: object = {}): Promise<Conversation> {
  const response = await call(by, 'POST', '/api/conversations', { title: `Room ${randomUUID().slice(0, 8)}`, memberIds, ...extra });
  expect(response.status).toBe(201);
  return (await response.json()) as Conversation;
}

const post = (by: User, conversationId: string, text: string, clientMessageId = randomUUID()) =>
  call(by, 'POST', `/api/conversations/${conversationId}/messages`, { text, clientMessageId });

async function messagesOf(by: User, conversationId: string, after = 0, limit = 200) {
  const response = await call(by, 'GET', `/api/conversations/${conversationId}/messages?after=${after}&limit=${limit}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { items: Message[]; nextAfter: number | null };
}

describe('conversations', () => {
  it('makes the creator a member and shows the conversation to members only', async () => {
    const room = await startConversation(ann, [bob.id]);
    expect(room.members.map((m) => m.id).sort()).toEqual([ann.id, bob.id].sort());
    expect((await call(bob, 'GET', `/api/conversations/${room.id}`)).status).toBe(200);

    const outsider = await call(eve, 'GET', `/api/conversations/${room.id}`);
    expect(outsider.status).toBe(404);
    const unknown = await call(eve, 'GET', `/api/conversations/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    // A non-member learns nothing: the same answer as for a conversation that does not exist.
    expect(((await outsider.json()) as { detail: string }).detail).toBe(((await unknown.json()) as { detail: string }).detail);
  });

  it('answers 404 to a non-member for every operation on a conversation', async () => {
    const room = await startConversation(ann, [bob.id]);
    const responses = await Promise.all([
      call(eve, 'GET', `/api/conversations/${room.id}/messages`),
      call(eve, 'GET', `/api/conversations/${room.id}/membership`),
      post(eve, room.id, 'let me in'),
      call(eve, 'PUT', `/api/conversations/${room.id}/read`, { seq: 0 }),
      call(eve, 'POST', `/api/conversations/${room.id}/members`, { userId: eve.id }),
      call(eve, 'DELETE', `/api/conversations/${room.id}/members/${ann.id}`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await messagesOf(ann, room.id)).items).toEqual([]);
    expect((await call(ann, 'GET', `/api/conversations/${room.id}`).then((r) => r.json()) as Conversation).members).toHaveLength(2);
  });

  it("answers a member's membership: the newest seq and the read marker, without the member list", async () => {
    const room = await startConversation(ann, [bob.id]);
    await post(ann, room.id, 'one');
    await post(ann, room.id, 'two');
    expect((await call(bob, 'PUT', `/api/conversations/${room.id}/read`, { seq: 1 })).status).toBe(204);
    const response = await call(bob, 'GET', `/api/conversations/${room.id}/membership`);
    expect(response.status).toBe(200);
    const membership = (await response.json()) as Record<string, unknown>;
    expect(membership).toMatchObject({ conversationId: room.id, lastSeq: 2, readSeq: 1 });
    expect(Object.keys(membership).sort()).toEqual(['conversationId', 'joinedAt', 'lastSeq', 'readSeq']);

    expect((await call(ann, 'DELETE', `/api/conversations/${room.id}/members/${bob.id}`)).status).toBe(204);
    expect((await call(bob, 'GET', `/api/conversations/${room.id}/membership`)).status).toBe(404);
    expect((await call(ann, 'GET', `/api/conversations/${randomUUID()}/membership`)).status).toBe(404);
  });

  it('refuses members, quotes and customers that do not exist with 404', async () => {
    expect((await call(ann, 'POST', '/api/conversations', { title: 'Ghost quote', memberIds: [], quoteId: randomUUID() })).status).toBe(404);
    const response = await call(ann, 'POST', '/api/conversations', { title: 'Ghosts', memberIds: [randomUUID()] });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/enabled user/);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('adds and removes members; a removed member loses access', async () => {
    const room = await startConversation(ann, []);
    const added = await call(ann, 'POST', `/api/conversations/${room.id}/members`, { userId: bob.id });
    expect(added.status).toBe(200);
    expect(((await added.json()) as Conversation).members.map((m) => m.displayName).sort()).toEqual(['Ann Sales', 'Bob Viewer']);
    expect((await call(bob, 'GET', `/api/conversations/${room.id}`)).status).toBe(200);

    expect((await call(ann, 'DELETE', `/api/conversations/${room.id}/members/${bob.id}`)).status).toBe(204);
    expect((await call(bob, 'GET', `/api/conversations/${room.id}`)).status).toBe(404);
    expect((await call(ann, 'DELETE', `/api/conversations/${room.id}/members/${bob.id}`)).status).toBe(404);
  });

  it('creates once per Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { title: 'Once', memberIds: [bob.id] };
    const send = () =>
      t.request('/api/conversations', { method: 'POST', headers: { ...JSON_HEADERS, ...ann.auth, 'idempotency-key': key }, body: JSON.stringify(body) });
    const first = (await (await send()).json()) as Conversation;
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(((await again.json()) as Conversation).id).toBe(first.id);
  });
});

describe('messages', () => {
  it('numbers 50 concurrent posts 1..50 without gaps or duplicates', async () => {
    const room = await startConversation(ann, [bob.id]);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(i % 2 === 0 ? ann : bob, room.id, `message ${i}`)),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const seqs = (await Promise.all(responses.map(async (r) => ((await r.json()) as Message).seq))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));

    const rows = await t.deps.db
      .selectFrom('messages')
      .select(['seq'])
      .where('conversation_id', '=', room.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((row) => row.seq)).toEqual(seqs);
    expect(((await call(ann, 'GET', `/api/conversations/${room.id}`).then((r) => r.json())) as Conversation).lastSeq).toBe(50);
  });

  it('returns the original message for a resend of the same clientMessageId, even concurrently', async () => {
    const room = await startConversation(ann, [bob.id]);
    const clientMessageId = randomUUID();
    const first = await post(ann, room.id, 'hello', clientMessageId);
    expect(first.status).toBe(201);
    const original = (await first.json()) as Message;
    expect(original).toMatchObject({ seq: 1, kind: 'user', text: 'hello', clientMessageId, author: { id: ann.id, displayName: 'Ann Sales' } });

    const resends = await Promise.all(Array.from({ length: 5 }, () => post(ann, room.id, 'hello', clientMessageId)));
    expect(resends.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const resend of resends) expect(await resend.json()).toMatchObject({ id: original.id, seq: 1 });

    // Another author's message with the same client id is a different message.
    const bobs = await post(bob, room.id, 'hello too', clientMessageId);
    expect(bobs.status).toBe(201);
    expect(((await bobs.json()) as Message).seq).toBe(2);
    expect((await messagesOf(ann, room.id)).items.map((m) => m.text)).toEqual(['hello', 'hello too']);
  });

  it('stores racing first sends of one clientMessageId once', async () => {
    const room = await startConversation(ann, []);
    const clientMessageId = randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(ann, room.id, 'racing', clientMessageId)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as Message).id)));
    expect(ids.size).toBe(1);
    expect((await messagesOf(ann, room.id)).items).toHaveLength(1);
  });

  it('pages through messages after a seq', async () => {
    const room = await startConversation(ann, []);
    for (let i = 1; i <= 5; i += 1) await post(ann, room.id, `m${i}`);
    const first = await messagesOf(ann, room.id, 0, 2);
    expect(first.items.map((m) => m.seq)).toEqual([1, 2]);
    expect(first.nextAfter).toBe(2);
    const rest = await messagesOf(ann, room.id, 2, 10);
    expect(rest.items.map((m) => m.text)).toEqual(['m3', 'm4', 'm5']);
    expect(rest.nextAfter).toBeNull();
  });

  it('refuses a blank message and an invalid clientMessageId with 400', async () => {
    const room = await startConversation(ann, []);
    expect((await post(ann, room.id, '   ')).status).toBe(400);
    expect((await call(ann, 'POST', `/api/conversations/${room.id}/messages`, { text: 'x', clientMessageId: 'nope' })).status).toBe(400);
  });
});

describe('read markers and unread counts', () => {
  async function summaryOf(user: User, id: string) {
    const page = (await call(user, 'GET', '/api/conversations?limit=100').then((r) => r.json())) as {
      items: { id: string; unreadCount: number; readSeq: number; lastSeq: number }[];
    };
    return page.items.find((item) => item.id === id);
  }

  it('counts the messages of others after the marker, and the marker never moves back', async () => {
    const room = await startConversation(ann, [bob.id]);
    for (let i = 0; i < 3; i += 1) await post(ann, room.id, `from ann ${i}`);
    await post(bob, room.id, 'from bob');
    expect(await summaryOf(bob, room.id)).toMatchObject({ unreadCount: 3, readSeq: 0, lastSeq: 4 });
    expect(await summaryOf(ann, room.id)).toMatchObject({ unreadCount: 1 });

    expect((await call(bob, 'PUT', `/api/conversations/${room.id}/read`, { seq: 2 })).status).toBe(204);
    expect(await summaryOf(bob, room.id)).toMatchObject({ unreadCount: 1, readSeq: 2 });
    expect((await call(bob, 'PUT', `/api/conversations/${room.id}/read`, { seq: 1 })).status).toBe(204);
    expect(await summaryOf(bob, room.id)).toMatchObject({ readSeq: 2 });

    const beyond = await call(bob, 'PUT', `/api/conversations/${room.id}/read`, { seq: 5 });
    expect(beyond.status).toBe(409);
    expect(await summaryOf(bob, room.id)).toMatchObject({ readSeq: 2 });
  });

  it("lists only the caller's conversations, most recently active first", async () => {
    const older = await startConversation(eve, []);
    const newer = await startConversation(eve, []);
    await post(eve, older.id, 'bump');
    const page = (await call(eve, 'GET', '/api/conversations?limit=1').then((r) => r.json())) as { items: { id: string }[]; nextCursor: string };
    expect(page.items.map((i) => i.id)).toEqual([older.id]);
    const next = (await call(eve, 'GET', `/api/conversations?limit=10&cursor=${page.nextCursor}`).then((r) => r.json())) as { items: { id: string }[] };
    expect(next.items.map((i) => i.id)).toContain(newer.id);
    const bobs = (await call(bob, 'GET', '/api/conversations?limit=100').then((r) => r.json())) as { items: { id: string }[] };
    expect(bobs.items.map((i) => i.id)).not.toContain(older.id);
  });
});

describe('published events', () => {
  it('publishes each stored message, read marker and member change on the conversation channel', async () => {
    const room = await startConversation(ann, [bob.id]);
    const events: { type: string; message?: Message; seq?: number; memberIds?: string[] }[] = [];
    const unsubscribe = await t.deps.pubsub.subscribe(`chat.conversation.${room.id}`, (event) => events.push(event as (typeof events)[number]));
    try {
      const clientMessageId = randomUUID();
      const stored = (await (await post(ann, room.id, 'live', clientMessageId)).json()) as Message;
      await post(ann, room.id, 'live', clientMessageId); // a resend is not published again
      await call(bob, 'PUT', `/api/conversations/${room.id}/read`, { seq: 1 });
      await call(ann, 'POST', `/api/conversations/${room.id}/members`, { userId: eve.id });
      await eventually(() => events.length >= 3);
      expect(events[0]).toEqual({ type: 'message.created', message: stored });
      expect(events[1]).toEqual({ type: 'read', conversationId: room.id, userId: bob.id, seq: 1 });
      expect(events[2]).toMatchObject({ type: 'members.changed', conversationId: room.id });
      expect(events[2]?.memberIds?.sort()).toEqual([ann.id, bob.id, eve.id].sort());
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(events).toHaveLength(3);
    } finally {
      await unsubscribe();
    }
  });
});

describe('schema guarantees', () => {
  it('refuses a second message with the same seq in a conversation at the database', async () => {
    const room = await startConversation(ann, []);
    await post(ann, room.id, 'one');
    await expect(
      sql`insert into messages (conversation_id, seq, kind, text) values (${room.id}, 1, 'system', 'dup')`.execute(t.deps.db),
    ).rejects.toThrow(/messages_seq_key/);
  });
});
