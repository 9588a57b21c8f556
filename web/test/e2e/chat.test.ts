// The chat page in Chromium against the real API and chat gateway: a ticket from
// the dashboard's origin opens the socket; messages sent on the page, posted over
// REST by another member, and the product assistant's answers appear live; who is
// here is shown; a page on another origin is refused (403) and a spent ticket too
// (401); and a gateway crash loses and doubles nothing on screen.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNexusClient, type NexusClient } from '@nexus/sdk';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, connectBrowser, expectClean, openPage, screenshot, signIn, stack, unique } from './support';

let browser: Browser;
let admin: NexusClient;
let bob: { id: string; email: string; password: string; name: string; api: NexusClient };
let adminId: string;
let adminName: string;
const tag = unique();
const productName = `Rotary Hammer ${tag}`;
let productId: string;

beforeAll(async () => {
  browser = await connectBrowser();
  admin = await adminClient();
  ({ id: adminId, name: adminName } = (await admin.call('getCurrentUser')).data);
  const email = `bob-${tag}@example.com`;
  const password = `chat-${tag}-password`;
  const name = `Bob ${tag}`;
  const { data: created } = await admin.call('createUser', { body: { email, name, role: 'sales', password } });
  const { data: tokens } = await createNexusClient({ baseUrl: stack.apiUrl }).call('login', { body: { email, password } });
  bob = { id: created.id, email, password, name, api: createNexusClient({ baseUrl: stack.apiUrl, token: tokens.accessToken }) };
  const { data: product } = await admin.call('createProduct', {
    body: { sku: `RH-${tag}`.toUpperCase(), name: productName, brand: 'Bosch', category: 'Power Tools', unitPriceMinor: 31_900, currency: 'SGD', stockQuantity: 7 },
  });
  productId = product.id;
});
afterAll(async () => {
  await browser?.close();
});

async function newConversation(title: string) {
  return (await admin.call('createConversation', { body: { title, memberIds: [bob.id] } })).data;
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Live|Connecting|Reconnecting|Closed|Not live/ });
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
const member = (page: Page, name: string) => page.getByRole('region', { name: 'Members' }).getByRole('listitem').filter({ hasText: name });
/** The seqs of the stored messages on screen, in screen order. */
const seqsOnScreen = (page: Page) => messages(page).locator(':scope > li[data-seq]').evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));

async function storedSeqs(conversationId: string): Promise<number[]> {
  const { data } = await admin.call('listMessages', { params: { path: { id: conversationId }, query: { after: 0, limit: 200 } } });
  return data.items.map((message) => message.seq);
}

/**
 * Opens a WebSocket from `page` and tells how the upgrade was answered: 101 when it
 * opened; otherwise the status Chromium reports for the refused handshake (pages
 * only see "failed"; the browser logs "Unexpected response code: 403").
 */
async function upgradeStatus(page: Page, url: string): Promise<number> {
  const report = page
    .waitForEvent('console', { predicate: (message) => message.type() === 'error' && message.text().startsWith(`WebSocket connection to '${url}' failed`), timeout: 10_000 })
    .then((message) => message.text());
  const opened = await page.evaluate(
    (target) =>
      new Promise<boolean>((resolve) => {
        const socket = new WebSocket(target, 'nexus.chat.v1');
        socket.onopen = () => {
          socket.close();
          resolve(true);
        };
        socket.onclose = () => resolve(false);
      }),
    url,
  );
  if (opened) {
    void report.catch(() => undefined);
    return 101;
  }
  const text = await report;
  // A 401 carrying WWW-Authenticate is reported as an authentication failure, other refusals with their code.
  if (text.endsWith('failed: HTTP Authentication failed; no valid credentials available')) return 401;
  const status = /Unexpected response code: (\d{3})/.exec(text)?.[1];
  if (!status) throw new Error(`the upgrade failed without a status: ${text}`);
  return Number(status);
}

/** The same upgrade from Node, with the Origin a browser sends: the status and problem+json body the browser cannot show. */
function upgradeFromNode(url: string, origin: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url.replace(/^ws:/, 'http:'), {
      headers: { connection: 'Upgrade', upgrade: 'websocket', origin, 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64') },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, type: undefined, body: '' });
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: response.headers['content-type'], body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('chat', () => {
  it('connects with a ticket from the dashboard, sends, receives a REST post, shows presence, typing and the assistant', async () => {
    const conversation = await newConversation(`Site visit ${tag}`);
    const { context, page, log } = await openPage(browser);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await signIn(page, stack.admin.email, stack.admin.password);

    // From the navigation to the list, then the conversation.
    await Promise.all([page.waitForURL('**/chat'), page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Chat' }).click()]);
    await Promise.all([page.waitForURL(`**/chat/${conversation.id}`), page.getByRole('link', { name: new RegExp(`Site visit ${tag}`) }).click()]);
    await expect.poll(() => status(page).textContent()).toContain('Live');
    // One socket, to the gateway, opened with a one-time ticket (never a token).
    expect(sockets).toHaveLength(1);
    const socketUrl = new URL(sockets[0]!);
    expect(`${socketUrl.origin}${socketUrl.pathname}`).toBe(stack.chatUrl);
    expect(socketUrl.searchParams.get('ticket')).toBeTruthy();
    expect(await member(page, bob.name).getAttribute('data-present')).toBe('false');

    // Bob opens the same conversation in his own browser: both see each other here.
    const other = await openPage(browser);
    await signIn(other.page, bob.email, bob.password);
    await other.page.goto(`/chat/${conversation.id}`);
    await expect.poll(() => status(other.page).textContent()).toContain('Live');
    await expect.poll(() => member(page, bob.name).getAttribute('data-present')).toBe('true');
    expect(await member(page, bob.name).textContent()).toContain('online');
    expect(await member(other.page, adminName).getAttribute('data-present')).toBe('true');

    // Sent from the page: stored, then shown on both pages, once.
    const composer = page.getByLabel('Message', { exact: true });
    await composer.fill(`Hello from the dashboard ${tag}`);
    await composer.press('Enter');
    await expect.poll(() => messages(other.page).getByText(`Hello from the dashboard ${tag}`).count()).toBe(1);
    await expect.poll(() => messages(page).locator('li[data-seq]').getByText(`Hello from the dashboard ${tag}`).count()).toBe(1);
    expect(await messages(page).locator('li.outgoing').count()).toBe(0);

    // Bob types: the admin sees it; then he posts over REST (through the SDK): it arrives live.
    await other.page.getByLabel('Message', { exact: true }).pressSequentially('on my way');
    await expect.poll(() => page.locator('.typing').textContent()).toContain(`${bob.name} is typing…`);
    await bob.api.call('postMessage', { params: { path: { id: conversation.id } }, body: { text: `Posted over REST ${tag}`, clientMessageId: randomUUID() } });
    await expect.poll(() => messages(page).getByText(`Posted over REST ${tag}`).count()).toBe(1);

    // The product assistant answers from the catalogue, with a link to the product.
    await composer.fill(`@assistant ${productName}`);
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = messages(page).locator('li.assistant');
    await expect.poll(() => answer.count(), { timeout: 15_000 }).toBe(1);
    expect(await answer.locator('.author').textContent()).toBe('Assistant');
    expect(await answer.locator('.text').textContent()).toContain(productName);
    expect(await answer.getByRole('link', { name: new RegExp(productName) }).getAttribute('href')).toBe(`/products/${productId}`);
    await screenshot(page, 'chat');

    // On screen exactly what PostgreSQL holds, in order, on both pages.
    const stored = await storedSeqs(conversation.id);
    expect(stored).toEqual([1, 2, 3, 4]);
    await expect.poll(() => seqsOnScreen(page)).toEqual(stored);
    await expect.poll(() => seqsOnScreen(other.page)).toEqual(stored);

    // Bob leaves: he is no longer shown as here.
    await expectClean(other.log);
    await other.context.close();
    await expect.poll(() => member(page, bob.name).getAttribute('data-present')).toBe('false');

    // The read marker followed what the admin saw.
    await expect.poll(async () => (await admin.call('getConversation', { params: { path: { id: conversation.id } } })).data.members.find((m) => m.id === adminId)?.readSeq).toBe(4);
    await expectClean(log);
    await context.close();
  });

  it('starts a conversation from the chat page; the other member sees it with its unread count', async () => {
    const title = `Tender ${tag}`;
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/chat');
    const form = page.getByRole('region', { name: 'New conversation' });
    await form.getByLabel('Title').fill(title);
    await form.getByRole('checkbox', { name: new RegExp(bob.name) }).check();
    await Promise.all([page.waitForURL(/\/chat\/[0-9a-f-]{36}$/), form.getByRole('button', { name: 'Start conversation' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await expect.poll(() => status(page).textContent()).toContain('Live');
    const composer = page.getByLabel('Message', { exact: true });
    for (const text of ['First question', 'Second question']) {
      await composer.fill(`${text} ${tag}`);
      await composer.press('Enter');
    }
    await expect.poll(() => seqsOnScreen(page)).toEqual([1, 2]);
    await expectClean(log);
    await context.close();

    // Bob (sales: no member picker, he starts conversations alone) finds it with 2 unread.
    const other = await openPage(browser);
    await signIn(other.page, bob.email, bob.password);
    await other.page.goto('/chat');
    expect(await other.page.getByText('You start it alone; an admin can add members.').count()).toBe(1);
    const entry = other.page.getByRole('region', { name: 'Conversations' }).getByRole('link', { name: new RegExp(title) });
    expect(await entry.getByLabel('2 unread').textContent()).toBe('2');
    await screenshot(other.page, 'chat-list');
    await Promise.all([other.page.waitForURL(/\/chat\/[0-9a-f-]{36}$/), entry.click()]);
    await expect.poll(() => seqsOnScreen(other.page)).toEqual([1, 2]);
    await expectClean(other.log);
    await other.context.close();
  });

  it("opens a quote's conversation from the quote page, where the quote's changes appear as they happen", async () => {
    const { data: customer } = await admin.call('createCustomer', { body: { name: `Chat customer ${tag}`, email: `chat-${tag}@example.com` } });
    const { data: quote } = await admin.call('createQuote', { body: { customerId: customer.id, title: `Fit-out ${tag}` } });
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto(`/quotes/${quote.id}`);
    const panel = page.getByRole('region', { name: 'Conversation' });
    await Promise.all([page.waitForURL(/\/chat\/[0-9a-f-]{36}$/), panel.getByRole('button', { name: 'Discuss in chat' }).click()]);
    const conversationId = page.url().split('/').at(-1)!;
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${quote.number} · Fit-out ${tag}`);
    expect(await page.getByRole('link', { name: 'this quote' }).getAttribute('href')).toBe(`/quotes/${quote.id}`);
    await expect.poll(() => status(page).textContent()).toContain('Live');

    // Someone changes the quote (here through the SDK): the change is told here, live, linking to the quote.
    const { data: current, etag } = await admin.call('getQuote', { params: { path: { id: quote.id } } });
    await admin.call('updateQuote', { params: { path: { id: current.id }, header: { 'if-match': etag } }, body: { title: `Fit-out ${tag}, level 3` } });
    const told = messages(page).locator('li.system');
    await expect.poll(() => told.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await told.last().locator('.author').textContent()).toBe('Nexus');
    expect(await told.last().getByRole('link').getAttribute('href')).toBe(`/quotes/${quote.id}`);
    await screenshot(page, 'chat-quote');

    // Back on the quote, the panel leads to that conversation.
    await page.goto(`/quotes/${quote.id}`);
    expect(await panel.getByRole('link').getAttribute('href')).toBe(`/chat/${conversationId}`);
    await expectClean(log);
    await context.close();
  });

  it('refuses a page on a foreign origin with 403 at the upgrade, and a reused ticket with 401', async () => {
    const conversation = await newConversation(`Tickets ${tag}`);
    const { context, page, log } = await openPage(browser);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto(`/chat/${conversation.id}`);
    await expect.poll(() => status(page).textContent()).toContain('Live');
    const spent = sockets[0]!;

    // A fresh ticket of the admin (as if it leaked), used by a page on another origin: 403, before the ticket is looked at.
    // (That site is on loopback too, on another port: Chromium would block a public site from loopback anyway.)
    const { ticket } = await page.evaluate(async () => (await fetch('/api/chat/tickets', { method: 'POST' })).json() as Promise<{ ticket: string }>);
    const leaked = `${stack.chatUrl}?ticket=${encodeURIComponent(ticket)}`;
    const site = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title><p>Another site</p>'));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const foreign = await browser.newContext();
    try {
      const foreignPage = await foreign.newPage();
      await foreignPage.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
      expect(await upgradeStatus(foreignPage, leaked)).toBe(403);
    } finally {
      await foreign.close();
      site.close();
    }

    // The ticket the dashboard's own socket used, tried again from the dashboard's origin: 401.
    const tab = await context.newPage();
    await tab.goto('/favicon.svg');
    expect(await upgradeStatus(tab, spent)).toBe(401);
    const answer = await upgradeFromNode(spent, stack.webUrl);
    expect(answer.status).toBe(401);
    expect(answer.type).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 401 });
    // The leaked ticket was not spent by the refused page: from the right origin it opens the chat, once.
    expect(await upgradeStatus(tab, leaked)).toBe(101);
    expect(await upgradeStatus(tab, leaked)).toBe(401);
    await tab.close();

    // The dashboard's page itself stayed clean throughout.
    await expectClean(log);
    await context.close();
  });

  it('survives the gateway being killed: reconnects, resends, and shows every message once', async () => {
    const conversation = await newConversation(`Crash ${tag}`);
    for (let i = 1; i <= 3; i += 1) {
      await bob.api.call('postMessage', { params: { path: { id: conversation.id } }, body: { text: `before ${i}`, clientMessageId: randomUUID() } });
    }
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto(`/chat/${conversation.id}`);
    await expect.poll(() => status(page).textContent()).toContain('Live');
    expect(await seqsOnScreen(page)).toEqual([1, 2, 3]);

    // SIGKILL: no goodbye frame; the supervisor in global-setup starts it again on its port.
    process.kill(Number(readFileSync(stack.chatPidFile, 'utf8')), 'SIGKILL');
    await expect.poll(() => status(page).textContent()).toContain('Reconnecting');

    // While it is down: Bob posts over REST, the admin sends from the page (kept until acknowledged).
    for (let i = 1; i <= 3; i += 1) {
      await bob.api.call('postMessage', { params: { path: { id: conversation.id } }, body: { text: `while down ${i}`, clientMessageId: randomUUID() } });
    }
    const composer = page.getByLabel('Message', { exact: true });
    await composer.fill(`sent while down ${tag}`);
    await composer.press('Enter');
    expect(await messages(page).locator('li.outgoing').getAttribute('data-state')).toBe('sending');

    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toContain('Live');
    await expect.poll(() => messages(page).locator('li.outgoing').count(), { timeout: 10_000 }).toBe(0);
    const stored = await storedSeqs(conversation.id);
    expect(stored).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await expect.poll(() => seqsOnScreen(page)).toEqual(stored);
    expect(await messages(page).getByText(`sent while down ${tag}`).count()).toBe(1);
    await screenshot(page, 'chat-resumed');

    // Live again after the restart: a new REST post arrives.
    await bob.api.call('postMessage', { params: { path: { id: conversation.id } }, body: { text: `after restart ${tag}`, clientMessageId: randomUUID() } });
    await expect.poll(() => seqsOnScreen(page)).toEqual([...stored, 8]);

    // Chromium reports each refused reconnect attempt while the gateway was down as a console error; nothing else may be.
    const refused = log.consoleErrors.filter((line) => /^WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws\?ticket=[^']+' failed/.test(line));
    log.consoleErrors.splice(0, log.consoleErrors.length, ...log.consoleErrors.filter((line) => !refused.includes(line)));
    await expectClean(log);
    await context.close();
  });
});
