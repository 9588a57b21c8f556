// The upgrade: who may open the chat, and how refusals look (a real status and
// problem+json, never a bare 400), the subprotocol, readiness, and connections
// closed with 4401 when their credentials end.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHAT_SUBPROTOCOL } from '@nexus/sdk/chat';
import { decodeJwt, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, startChatGateway, type RunningApi, type RunningChatGateway, STARTUP_DEADLINE_MS } from '../../scripts/lib/test-stack.mjs';
import { admin, bearer, newPerson, type Person } from './support/people.js';
import { openSocket, refusedUpgrade } from './support/test-socket.js';

const ALLOWED_ORIGIN = 'http://localhost:3010';

let api: RunningApi;
let gateway: RunningChatGateway;
let ada: Person;

beforeAll(async () => {
  api = await startApi();
  gateway = await startChatGateway(api);
  ada = await admin(api);
}, 2 * STARTUP_DEADLINE_MS + 60_000);

afterAll(async () => {
  await gateway?.stop();
  await api?.stop();
});

async function ticketFor(person: Person, origin = ALLOWED_ORIGIN): Promise<string> {
  const { data } = await person.api.call('issueChatTicket', { headers: { origin } });
  return data.ticket;
}

/** An access token of `person`'s real session, signed with the API's real key, expiring in `seconds`. */
async function tokenExpiringIn(person: Person, seconds: number): Promise<string> {
  const pem = readFileSync(path.join(api.env.DATA_DIR!, 'keys', 'jwt-ed25519.pem'), 'utf8');
  const jwks = (await (await fetch(`${api.baseUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  const claims = decodeJwt(person.accessToken);
  return new SignJWT({ sid: claims['sid'], role: claims['role'] })
    .setProtectedHeader({ alg: 'EdDSA', kid: jwks.keys[0]!.kid, typ: 'JWT' })
    .setSubject(person.id)
    .setIssuer('nexus')
    .setAudience('nexus-api')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(await importPKCS8(pem, 'EdDSA'));
}

describe('the chat upgrade', () => {
  it('refuses a browser from a foreign Origin with 403 problem+json', async () => {
    const refused = await refusedUpgrade(gateway.url, { origin: 'http://evil.example', ...bearer(ada) });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 403, type: 'https://nexus.dev/problems/forbidden-origin' });
  });

  it('refuses an upgrade without credentials with 401 problem+json and WWW-Authenticate', async () => {
    const refused = await refusedUpgrade(gateway.url, { origin: ALLOWED_ORIGIN });
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('connects a browser with a one-time ticket from the allowed origin, and answers the same ticket again with 401', async () => {
    const ticket = await ticketFor(ada);
    const url = `${gateway.url}?ticket=${encodeURIComponent(ticket)}`;
    const socket = await openSocket(url, { headers: { origin: ALLOWED_ORIGIN }, protocols: [CHAT_SUBPROTOCOL] });
    expect(socket.ws.protocol).toBe(CHAT_SUBPROTOCOL);
    socket.send({ type: 'ping', ref: 'hello' });
    expect(await socket.next('pong')).toEqual({ type: 'pong', ref: 'hello' });
    socket.close();

    const reused = await refusedUpgrade(url, { origin: ALLOWED_ORIGIN });
    expect(reused.status).toBe(401);
    expect(reused.headers['content-type']).toBe('application/problem+json');
  });

  it('refuses a ticket presented from another allowed origin than the one it was issued for', async () => {
    const ticket = await ticketFor(ada, 'http://127.0.0.1:3010');
    const refused = await refusedUpgrade(`${gateway.url}?ticket=${encodeURIComponent(ticket)}`, { origin: ALLOWED_ORIGIN });
    expect(refused.status).toBe(401);
  });

  it('echoes the subprotocol when offered and requires none', async () => {
    const without = await openSocket(gateway.url, { headers: bearer(ada) });
    expect(without.ws.protocol).toBe('');
    without.close();
    const offered = await openSocket(gateway.url, { headers: bearer(ada), protocols: ['other.v0', CHAT_SUBPROTOCOL] });
    expect(offered.ws.protocol).toBe(CHAT_SUBPROTOCOL);
    offered.close();
  });

  it('refuses an expired token with 401 at the upgrade', async () => {
    const expired = await tokenExpiringIn(ada, -5);
    const refused = await refusedUpgrade(gateway.url, { authorization: `Bearer ${expired}` });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).detail).toMatch(/expired/);
  });

  it('closes a connection with 4401 when the token behind it expires', async () => {
    const socket = await openSocket(gateway.url, { headers: { authorization: `Bearer ${await tokenExpiringIn(ada, 2)}` } });
    const closed = await socket.closed;
    expect(closed.code).toBe(4401);
  });

  it('closes a connection with 4401 when its session logs out, and leaves the user’s other sessions open', async () => {
    const bob = await newPerson(api.baseUrl, ada, 'Bob');
    const other = await openSocket(gateway.url, { headers: bearer(ada) });
    const socket = await openSocket(gateway.url, { headers: bearer(bob) });
    await bob.api.call('logout');
    expect((await socket.closed).code).toBe(4401);
    other.send({ type: 'ping' });
    await other.next('pong');
    other.close();
  });

  it('closes every connection of a user with 4401 when the user is disabled', async () => {
    const carol = await newPerson(api.baseUrl, ada, 'Carol');
    const socket = await openSocket(gateway.url, { headers: bearer(carol) });
    const { etag } = await ada.api.call('getUser', { params: { path: { id: carol.id } } });
    await ada.api.call('updateUser', { params: { path: { id: carol.id }, header: { 'if-match': etag ?? '' } }, body: { disabled: true } });
    expect((await socket.closed).code).toBe(4401);
  });

  it('is ready only after a real WebSocket handshake, and answers plain HTTP on /ws with 426', async () => {
    const ready = await fetch(`${gateway.httpUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', handshakeMs: expect.any(Number) });
    const plain = await fetch(`${gateway.httpUrl}/ws`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get('content-type')).toBe('application/problem+json');
  });

  it('reaches the API only through the SDK: a gateway pointed at a stopped API refuses upgrades with 503, not 401', async () => {
    const stopped = await startApi();
    const orphan = await startChatGateway(stopped);
    await stopped.stop();
    const refused = await refusedUpgrade(orphan.url, bearer(ada));
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 503 });
    await orphan.stop();
  });
});
