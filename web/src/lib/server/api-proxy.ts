// The browser's way to the API: `/api/*` on this origin, forwarded to NEXUS_API_URL.
// Credentials follow the contract, exactly as in the SDK: the operation is looked
// up with the SDK's `findOperation`, and only operations declared `bearer` get the
// user's access token (from the HttpOnly cookie). Public operations, and anything
// that is not an operation of the contract, never do.
import { findOperation } from '@nexus/sdk';
import type { RequestEvent } from '@sveltejs/kit';
import { webConfig } from './config';

/** Session operations are the web server's own business: tokens never reach page scripts. */
const SERVER_ONLY = new Set(['login', 'refreshToken', 'logout']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// `origin` too: a chat ticket is bound to the Origin it was asked from (the gateway
// checks the upgrade's Origin against it), and writes reach this point only from this site.
const REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'if-match', 'if-none-match', 'idempotency-key', 'origin'];
const RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'content-language',
  'cache-control',
  'etag',
  'last-modified',
  'location',
  'retry-after',
  'x-request-id',
  'allow',
];

function problem(status: number, title: string, detail: string, instance: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail, instance }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

export async function forwardToApi(event: RequestEvent): Promise<Response> {
  const { request, url, locals } = event;
  const method = request.method.toUpperCase();
  const operation = findOperation(method, url.pathname);
  if (!operation) {
    return problem(404, 'Not Found', `${method} ${url.pathname} is not an operation of the Nexus API.`, url.pathname);
  }
  if (SERVER_ONLY.has(operation.id)) {
    return problem(403, 'Forbidden', 'Sign in and out through the /login page: tokens are kept on the server.', url.pathname);
  }
  // Cookies ride along on cross-site requests too; writes must come from our own pages.
  if (!SAFE_METHODS.has(method)) {
    const origin = request.headers.get('origin');
    if (origin !== url.origin) {
      return problem(403, 'Forbidden', 'Cross-origin writes through this proxy are not allowed.', url.pathname);
    }
  }

  const headers = new Headers();
  for (const name of REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // This server is a proxy hop in front of the API: the browser's address, never one the browser wrote.
  headers.set('x-forwarded-for', event.getClientAddress());
  const body = SAFE_METHODS.has(method) ? undefined : await request.arrayBuffer();
  const target = `${webConfig().apiUrl}${url.pathname}${url.search}`;
  const bearer = operation.entry.security === 'bearer';

  const send = async () => {
    const outgoing = new Headers(headers);
    const token = bearer ? locals.session.accessToken : undefined;
    if (token) outgoing.set('authorization', `Bearer ${token}`);
    return fetch(target, { method, headers: outgoing, body, redirect: 'manual', signal: request.signal });
  };

  let answer: Response;
  try {
    answer = await send();
    if (answer.status === 401 && bearer && locals.session.accessToken && (await locals.session.refresh())) {
      await answer.body?.cancel();
      answer = await send();
    }
  } catch (error) {
    if (request.signal.aborted) throw error;
    return problem(502, 'Bad Gateway', 'The Nexus API could not be reached.', url.pathname);
  }

  const responseHeaders = new Headers();
  for (const name of RESPONSE_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) responseHeaders.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: responseHeaders });
}
