// Issue 10, finding 8: "a copied refresh cookie replayed within the 30 s rotation
// grace gets live tokens without tripping reuse detection". The dashboard's
// rotation grace (src/lib/server/session.ts) is bound to the client that rotated:
// its binding cookie, address and User-Agent. These tests speak HTTP to the built
// dashboard server and check the outcome on the real API.
import { createNexusClient, UnauthorizedError } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb } from './global-setup';
import { stack } from './support';

// A dashboard server that reads the browser's address from X-Forwarded-For, as
// behind a load balancer, so each client here can come from its own address.
let web: Awaited<ReturnType<typeof startWeb>>;
beforeAll(async () => {
  web = await startWeb(stack.apiUrl, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});
afterAll(async () => {
  if (web && web.child.exitCode === null) {
    const exited = new Promise((resolve) => web.child.once('exit', resolve));
    web.child.kill('SIGTERM');
    await exited;
  }
});

type Jar = Record<string, string>;
interface Client {
  address: string;
  userAgent: string;
}

const VICTIM: Client = { address: '198.51.100.10', userAgent: 'Mozilla/5.0 (victim) Chrome/131.0' };

/** The cookies an answer sets (a deleted cookie comes back as ''). */
function setCookies(response: Response): Jar {
  const jar: Jar = {};
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    jar[pair!.slice(0, at)] = decodeURIComponent(pair!.slice(at + 1));
  }
  return jar;
}

function send(client: Client, jar: Jar, path: string, init: RequestInit = {}): Promise<Response> {
  const cookie = Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return fetch(`${web.url}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { 'x-forwarded-for': client.address, 'user-agent': client.userAgent, ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
  });
}

/** Signs in through the dashboard's login form, as a browser without JavaScript does. */
async function signIn(client: Client): Promise<Jar> {
  const answer = await send(client, {}, '/login', {
    method: 'POST',
    headers: { origin: web.url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: stack.admin.email, password: stack.admin.password }).toString(),
  });
  expect(answer.status, await answer.text()).toBe(303);
  const jar = setCookies(answer);
  expect(Object.keys(jar).sort()).toEqual(['nexus_access', 'nexus_binding', 'nexus_refresh']);
  return jar;
}

/**
 * A request whose access cookie is gone (expired in the browser), so the
 * dashboard rotates the refresh token first; through the API proxy to getCurrentUser.
 */
async function withoutAccess(client: Client, jar: Jar): Promise<{ status: number; cookies: Jar }> {
  const rest = { ...jar };
  delete rest['nexus_access'];
  const answer = await send(client, rest, '/api/auth/me');
  await answer.body?.cancel();
  return { status: answer.status, cookies: setCookies(answer) };
}

/** Whether the API still honours these tokens (asked directly, not through the dashboard). */
async function liveAtApi(tokens: { access: string; refresh?: string }): Promise<{ access: boolean; refresh?: boolean }> {
  const api = createNexusClient({ baseUrl: stack.apiUrl, token: tokens.access });
  const works = (call: Promise<unknown>) =>
    call.then(
      () => true,
      (error: unknown) => {
        if (error instanceof UnauthorizedError) return false;
        throw error;
      },
    );
  const access = await works(api.call('getCurrentUser'));
  if (tokens.refresh === undefined) return { access };
  // Asked last: using the refresh token rotates it.
  const refresh = await works(createNexusClient({ baseUrl: stack.apiUrl }).call('refreshToken', { body: { refreshToken: tokens.refresh } }));
  return { access, refresh };
}

describe('the rotation grace of the dashboard session', () => {
  it("gives the browser's requests that still carry the old refresh cookie the same new pair, and the session lives on", async () => {
    const signedIn = await signIn(VICTIM);
    const first = await withoutAccess(VICTIM, signedIn);
    expect(first.status).toBe(200);
    expect(first.cookies['nexus_refresh']).toMatch(/\./);
    expect(first.cookies['nexus_refresh']).not.toBe(signedIn['nexus_refresh']);
    expect(first.cookies['nexus_binding']).toBe(signedIn['nexus_binding']);

    // A request the browser sent before the first answer arrived, so with the old cookies.
    const late = await withoutAccess(VICTIM, signedIn);
    expect(late.status).toBe(200);
    expect(late.cookies['nexus_refresh']).toBe(first.cookies['nexus_refresh']);
    expect(late.cookies['nexus_access']).toBe(first.cookies['nexus_access']);

    // No reuse was seen: the pair the browser holds still works.
    expect(await liveAtApi({ access: first.cookies['nexus_access']!, refresh: first.cookies['nexus_refresh']! })).toEqual({ access: true, refresh: true });
  });

  const ELSEWHERE: [string, (jar: Jar) => { client: Client; jar: Jar }][] = [
    ['the refresh cookie alone, from another address', (jar) => ({ client: { address: '203.0.113.66', userAgent: VICTIM.userAgent }, jar: { nexus_refresh: jar['nexus_refresh']! } })],
    ['the refresh cookie alone, from the same address and User-Agent', (jar) => ({ client: VICTIM, jar: { nexus_refresh: jar['nexus_refresh']! } })],
    ['every cookie, from another address', (jar) => ({ client: { address: '203.0.113.67', userAgent: VICTIM.userAgent }, jar })],
    ['every cookie, from the same address with another User-Agent', (jar) => ({ client: { address: VICTIM.address, userAgent: 'curl/8.11.0' }, jar })],
  ];

  it.each(ELSEWHERE)(
    'hands a copy (%s) replayed within the grace no tokens, and the reuse revokes the session',
    async (_, copyOf) => {
      const signedIn = await signIn(VICTIM);
      const rotated = await withoutAccess(VICTIM, signedIn);
      expect(rotated.status).toBe(200);

      const copy = copyOf(signedIn);
      const replay = await withoutAccess(copy.client, copy.jar);
      expect(replay.status).toBe(401);
      expect(replay.cookies['nexus_access'] ?? '').toBe('');
      expect(replay.cookies['nexus_refresh'] ?? '').toBe('');

      // The API saw the old token come back: the whole session is revoked, the victim's new pair included.
      expect(await liveAtApi({ access: rotated.cookies['nexus_access']!, refresh: rotated.cookies['nexus_refresh']! })).toEqual({ access: false, refresh: false });
      // And the browser's own late request is no longer handed the revoked pair.
      const late = await withoutAccess(VICTIM, signedIn);
      expect(late.status).toBe(401);
    },
  );

  it("trips reuse detection when the copy is used first and the browser's old cookie comes back within the grace", async () => {
    const signedIn = await signIn(VICTIM);
    const thief: Client = { address: '203.0.113.68', userAgent: 'curl/8.11.0' };
    const stolen = await withoutAccess(thief, { nexus_refresh: signedIn['nexus_refresh']! });
    // The first use of a refresh token cannot be told from the owner's: it rotates.
    expect(stolen.status).toBe(200);

    const owner = await withoutAccess(VICTIM, signedIn);
    expect(owner.status).toBe(401);
    expect(await liveAtApi({ access: stolen.cookies['nexus_access']!, refresh: stolen.cookies['nexus_refresh']! })).toEqual({ access: false, refresh: false });
  });
});
