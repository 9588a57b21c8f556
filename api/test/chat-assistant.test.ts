import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAssistantRequest } from '../src/services/chat/assistant.js';
import { eventually } from './support/backends.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

type User = Awaited<ReturnType<TestApp['user']>>;
interface Message {
  id: string;
  seq: number;
  kind: string;
  text: string;
  references: { type: string; id: string; label: string }[];
}

let t: TestApp;
let sam: User;
let viv: User;
let ada: User;
let room: string;
let drill: { id: string; sku: string };
const SKU = `DRL-${randomUUID().slice(0, 6).toUpperCase()}`;

async function send(user: User, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return t.request(path, { method, headers: { ...JSON_HEADERS, ...user.auth, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}
async function json<T>(response: Response, status: number): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as T;
}

beforeAll(async () => {
  t = await startTestApp();
  sam = await t.user('sales', 'Sam Sales');
  viv = await t.user('viewer', 'Viv Viewer');
  ada = await t.user('admin', 'Ada Admin');
  drill = await json(
    await send(ada, 'POST', '/api/products', { sku: SKU, name: 'Cordless drill 18V', unitPriceMinor: 12_900, currency: 'SGD', stockQuantity: 14 }),
    201,
  );
  await json(await send(ada, 'POST', '/api/products', { sku: `${SKU}-BAT`, name: 'Battery pack 18V 5Ah', unitPriceMinor: 8_950, currency: 'SGD', stockQuantity: 0 }), 201);
  room = (await json<{ id: string }>(await send(sam, 'POST', '/api/conversations', { title: 'Assistant', memberIds: [viv.id] }), 201)).id;
});
afterAll(async () => t?.close());

/** Posts a question and waits for the assistant's answer to it. */
async function ask(user: User, text: string): Promise<Message> {
  const question = await json<Message>(await send(user, 'POST', `/api/conversations/${room}/messages`, { text, clientMessageId: randomUUID() }), 201);
  let answer: Message | undefined;
  await eventually(async () => {
    const page = (await (await send(user, 'GET', `/api/conversations/${room}/messages?after=${question.seq}`)).json()) as { items: Message[] };
    answer = page.items.find((m) => m.kind === 'assistant');
    return answer !== undefined;
  }, 20_000);
  return answer!;
}

describe('the assistant', () => {
  it('finds products with their price and stock, linked', async () => {
    const answer = await ask(viv, `@assistant price of ${SKU}?`);
    expect(answer.text).toContain(`${SKU} — Cordless drill 18V: SGD 129.00 per EA, 14 EA in stock`);
    expect(answer.references[0]).toEqual({ type: 'product', id: drill.id, label: `${SKU} Cordless drill 18V` });
    const batteries = await ask(viv, '@assistant do we have battery pack 18V');
    expect(batteries.text).toContain(`${SKU}-BAT — Battery pack 18V 5Ah: SGD 89.50 per EA, out of stock`);
  });

  it('says plainly when nothing matches, and what it can do', async () => {
    const answer = await ask(viv, '@assistant price of unobtainium flux capacitor');
    expect(answer.text).toMatch(/^No product in the catalogue matches "unobtainium flux capacitor"\. I can:/);
    expect(answer.references).toEqual([]);
  });

  it("gives a quote's status and total, and adds products to a draft for a sales user only", async () => {
    const customer = await json<{ id: string }>(await send(sam, 'POST', '/api/customers', { name: 'Marina Hotel' }), 201);
    const quote = await json<{ id: string; number: string }>(await send(sam, 'POST', '/api/quotes', { customerId: customer.id, title: 'Lobby' }), 201);

    const status = await ask(viv, `@assistant status of ${quote.number}`);
    expect(status.text).toContain(`${quote.number} "Lobby" for Marina Hotel: draft, 0 lines, total SGD 0.00`);
    expect(status.references).toEqual([{ type: 'quote', id: quote.id, label: quote.number }]);

    const refused = await ask(viv, `@assistant add 10 × ${SKU} to ${quote.number}`);
    expect(refused.text).toMatch(/Only admin and sales users may edit quotes; you are viewer/);

    const added = await ask(sam, `@assistant add 10 × ${SKU} to ${quote.number}`);
    expect(added.text).toContain(`Added 10 EA ${SKU} Cordless drill 18V to ${quote.number}; its total is now SGD 1,406.10`);
    const stored = await json<{ lines: { sku: string; quantity: string }[]; totalMinor: number }>(await send(sam, 'GET', `/api/quotes/${quote.id}`), 200);
    expect(stored.lines).toMatchObject([{ sku: SKU, quantity: '10' }]);
    expect(stored.totalMinor).toBe(140_610);

    const missing = await ask(sam, '@assistant status of Q-1999-999999');
    expect(missing.text).toBe('No quote numbered Q-1999-999999 exists.');
  });

  it('says the product graph is unavailable instead of answering graph questions without it', async () => {
    const asker = { id: sam.id, name: 'Sam Sales', role: 'sales' as const };
    const related = await answerAssistantRequest({ ...t.deps, graph: null }, asker, { id: randomUUID(), text: `@assistant accessories for ${SKU}` });
    expect(related.text).toMatch(/^The product graph is unavailable \(Neo4j is not configured on this server\)/);
    await json(await send(ada, 'POST', '/api/tasks', { name: `Drilling ${SKU}` }), 201);
    const kit = await answerAssistantRequest({ ...t.deps, graph: null }, asker, { id: randomUUID(), text: `@assistant kit for drilling ${SKU}` });
    expect(kit.text).toMatch(/^The product graph is unavailable/);
  });
});
