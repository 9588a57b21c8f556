import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_REVOKED_CHANNEL } from '../src/services/chat/chat-events.js';
import { eventually, sleep } from './support/backends.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

type User = Awaited<ReturnType<TestApp['user']>>;

const DASHBOARD = 'http://localhost:3010';

let t: TestApp;
let ann: User;

// The configured lifetime (the default): long enough that a ticket is redeemed before it expires however
// slow the machine. Expiry is proven on an app of its own with a one-second lifetime (below).
const TTL_SECONDS = 30;

beforeAll(async () => {
  t = await startTestApp({ CORS_ORIGINS: DASHBOARD, CHAT_TICKET_TTL_SECONDS: String(TTL_SECONDS) });
  ann = await t.user('sales', 'Ann Sales');
});
afterAll(async () => t?.close());

async function issue(user: User, origin?: string): Promise<Response> {
  return t.request('/api/chat/tickets', { method: 'POST', headers: { ...user.auth, ...(origin ? { origin } : {}) } });
}

async function ticketFor(user: User, origin?: string): Promise<string> {
  const response = await issue(user, origin);
  expect(response.status).toBe(201);
  return ((await response.json()) as { ticket: string }).ticket;
}

async function redeem(ticket: string, origin: string | null): Promise<Response> {
  return t.request('/api/chat/tickets/redeem', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ ticket, origin }) });
}

describe('chat tickets', () => {
  it("redeems once, from the ticket's origin, for an access token of the same session", async () => {
    const response = await issue(ann, DASHBOARD);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = (await response.json()) as { ticket: string; expiresAt: string };
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeLessThanOrEqual(TTL_SECONDS * 1_000);
    expect(Date.parse(issued.expiresAt)).toBeGreaterThan(Date.now());

    const redeemed = await redeem(issued.ticket, DASHBOARD);
    expect(redeemed.status).toBe(200);
    const body = (await redeemed.json()) as { accessToken: string; user: { id: string; displayName: string; role: string } };
    expect(body.user).toMatchObject({ id: ann.id, displayName: 'Ann Sales', role: 'sales' });

    const me = await t.request('/api/auth/me', { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(ann.id);

    const again = await redeem(issued.ticket, DASHBOARD);
    expect(again.status).toBe(401);
    expect(again.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses a ticket redeemed from another origin, and spends it', async () => {
    const ticket = await ticketFor(ann, DASHBOARD);
    expect((await redeem(ticket, 'https://evil.example')).status).toBe(401);
    expect((await redeem(ticket, DASHBOARD)).status).toBe(401);
  });

  it('binds a ticket asked for without Origin to connections without Origin', async () => {
    const ticket = await ticketFor(ann);
    expect((await redeem(ticket, DASHBOARD)).status).toBe(401);
    const other = await ticketFor(ann);
    expect((await redeem(other, null)).status).toBe(200);
  });

  it('refuses to issue a ticket to a foreign origin with 403', async () => {
    const response = await issue(ann, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses a ticket whose session has ended', async () => {
    const user = await t.user('viewer', 'Leaving Soon');
    const ticket = await ticketFor(user, DASHBOARD);
    expect((await t.request('/api/auth/logout', { method: 'POST', headers: user.auth })).status).toBe(204);
    expect((await redeem(ticket, DASHBOARD)).status).toBe(401);
  });
});

describe('chat tickets with a one-second lifetime', () => {
  let short: TestApp;
  beforeAll(async () => {
    short = await startTestApp({ CORS_ORIGINS: DASHBOARD, CHAT_TICKET_TTL_SECONDS: '1' });
  });
  afterAll(async () => short?.close());

  it('refuses an expired ticket', async () => {
    const user = await short.user('sales', 'Slow Sam');
    const issued = await short.request('/api/chat/tickets', { method: 'POST', headers: { ...user.auth, origin: DASHBOARD } });
    expect(issued.status).toBe(201);
    const { ticket, expiresAt } = (await issued.json()) as { ticket: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(1_000);
    await sleep(1_300);
    const redeemed = await short.request('/api/chat/tickets/redeem', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ ticket, origin: DASHBOARD }) });
    expect(redeemed.status).toBe(401);
  });
});

describe('auth.revoked events', () => {
  it('announces logout, refresh-token reuse, disabling and role changes', async () => {
    const admin = await t.user('admin', 'Ada Admin');
    const events: unknown[] = [];
    const unsubscribe = await t.deps.pubsub.subscribe(AUTH_REVOKED_CHANNEL, (event) => events.push(event));
    try {
      const leaving = await t.user('sales', 'Leaving');
      await t.request('/api/auth/logout', { method: 'POST', headers: leaving.auth });

      const copied = await t.user('sales', 'Copied Token');
      const refresh = (refreshToken: string) =>
        t.request('/api/auth/refresh', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ refreshToken }) });
      expect((await refresh(copied.refreshToken)).status).toBe(200);
      expect((await refresh(copied.refreshToken)).status).toBe(401);

      const disabled = await t.user('sales', 'To Disable');
      const promoted = await t.user('viewer', 'To Promote');
      const patch = (id: string, body: object) =>
        t.request(`/api/users/${id}`, { method: 'PATCH', headers: { ...JSON_HEADERS, ...admin.auth, 'if-match': '*' }, body: JSON.stringify(body) });
      expect((await patch(disabled.id, { disabled: true })).status).toBe(200);
      expect((await patch(promoted.id, { role: 'sales' })).status).toBe(200);

      await eventually(() => events.length >= 4);
      const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
      expect(events).toEqual([
        { type: 'session.revoked', sessionId: sessionOf(leaving.accessToken) },
        { type: 'session.revoked', sessionId: sessionOf(copied.accessToken) },
        { type: 'user.disabled', userId: disabled.id },
        { type: 'user.role_changed', userId: promoted.id },
      ]);
    } finally {
      await unsubscribe();
    }
  });
});
