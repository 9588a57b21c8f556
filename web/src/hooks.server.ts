import { env } from '$env/dynamic/private';
import { createNexusClient, isNexusError } from '@nexus/sdk';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { configure, webConfig } from '$lib/server/config';
import { allowConnectTo, webSocketSource } from '$lib/server/csp';
import { openSession } from '$lib/server/session';

/** Runs once as the server starts: an invalid configuration stops it here. */
export const init: ServerInit = async () => {
  try {
    configure(env);
  } catch (error) {
    console.error(`nexus web: ${(error as Error).message}`);
    process.exit(1);
  }
};

export const handle: Handle = async ({ event, resolve }) => {
  const config = webConfig();
  const secure = config.cookieSecure === 'auto' ? event.url.protocol === 'https:' : config.cookieSecure;
  // The browser's address (adapter-node: ADDRESS_HEADER/XFF_DEPTH behind a load balancer).
  const forwardedFor = event.getClientAddress();
  const session = openSession(event.cookies, {
    secure,
    client: { address: forwardedFor, userAgent: event.request.headers.get('user-agent') ?? '' },
  });
  await session.ensureFresh();
  event.locals.session = session;
  event.locals.api = createNexusClient({
    baseUrl: config.apiUrl,
    token: () => session.accessToken,
    onUnauthorized: () => session.refresh(),
  });
  // This server is a proxy hop in front of the API (TRUSTED_PROXY_HOPS): pass on
  // the browser's address, so per-address limits see people, not this server.
  event.locals.api.use({
    onRequest({ request }) {
      request.headers.set('x-forwarded-for', forwardedFor);
      return request;
    },
  });

  const response = await resolve(event);
  const policy = response.headers.get('content-security-policy');
  // The chat pages open a WebSocket to the gateway, which is on its own origin.
  if (policy && config.chatUrl) response.headers.set('content-security-policy', allowConnectTo(policy, webSocketSource(config.chatUrl)));
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  return response;
};

/** Unexpected errors: logged here with the API's request id, shown without internals. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (isNexusError(error)) {
    const requestId = 'requestId' in error ? error.requestId : undefined;
    console.error(`nexus web: ${event.request.method} ${event.url.pathname}: ${error.message}`, requestId ? `(API request ${requestId})` : '');
    return { message: 'The Nexus API answered unexpectedly', detail: error.message, ...(requestId ? { requestId } : {}) };
  }
  if (status !== 404) console.error(`nexus web: ${event.request.method} ${event.url.pathname}:`, error);
  return { message };
};
