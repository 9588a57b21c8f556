import type { IncomingMessage } from 'node:http';
import { createNexusClient, isNexusError, type NexusClient } from '@nexus/sdk';
import { createRemoteJWKSet, customFetch as jwksFetch, errors as joseErrors, jwtVerify } from 'jose';
import type { UpgradeRefusal } from './upgrade-refusal.js';

/** The API's access-token audience (api/src/auth/access-tokens.ts). */
const ACCESS_TOKEN_AUDIENCE = 'nexus-api';

/**
 * Who is behind a connection, and the token the gateway calls the API with on
 * their behalf: only what the gateway uses, since every idle socket holds one.
 */
export interface ChatIdentity {
  userId: string;
  sessionId: string;
  accessToken: string;
  /** When the token expires (epoch ms): the connection is closed with 4401 then. */
  expiresAt: number;
}

export type Authentication = { ok: true; identity: ChatIdentity } | { ok: false; refusal: UpgradeRefusal };

export interface AuthenticatorOptions {
  apiUrl: string;
  issuer: string;
  /** How the SDK reaches the API (the in-process app in single-machine mode). */
  fetch?: (request: Request) => Promise<Response>;
}

const unauthorized = (detail: string): Authentication => ({
  ok: false,
  refusal: { status: 401, slug: 'unauthorized', detail, headers: { 'WWW-Authenticate': 'Bearer realm="nexus-chat"' } },
});

/**
 * Authenticates a WebSocket upgrade: `?ticket=` (browsers: a one-time ticket
 * from `POST /api/chat/tickets`, redeemed through the SDK for an access token
 * of that user) or `Authorization: Bearer <access token>` (other clients).
 * Tokens are verified against the API's JWKS, then the API confirms the user
 * and session are still valid — a disabled user or ended session is refused
 * here, not after the first message.
 */
export function createAuthenticator(options: AuthenticatorOptions) {
  const anonymous = createNexusClient({ baseUrl: options.apiUrl, ...(options.fetch ? { fetch: options.fetch } : {}), retry: false });
  // One client for every upgrade's check of the user, the token in the call's own header (callsAs).
  const asUser = userClient(options, () => '');
  const jwksUrl = new URL('/.well-known/jwks.json', options.apiUrl);
  const jwks = createRemoteJWKSet(jwksUrl, options.fetch ? { [jwksFetch]: jwksFetchVia(options.fetch) } : {});

  async function verify(token: string): Promise<{ userId: string; sessionId: string; expiresAt: number } | 'expired' | 'invalid'> {
    try {
      const { payload } = await jwtVerify(token, jwks, { algorithms: ['EdDSA'], issuer: options.issuer, audience: ACCESS_TOKEN_AUDIENCE, requiredClaims: ['sub', 'exp'] });
      if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string' || typeof payload.exp !== 'number') return 'invalid';
      return { userId: payload.sub, sessionId: payload['sid'], expiresAt: payload.exp * 1000 };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return 'expired';
      if (error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout) && !(error instanceof joseErrors.JWKSInvalid)) return 'invalid';
      throw error; // the JWKS could not be fetched: a dependency is down, not a bad token
    }
  }

  return async function authenticate(request: IncomingMessage, url: URL): Promise<Authentication> {
    const ticket = url.searchParams.get('ticket');
    const header = request.headers.authorization;
    try {
      if (ticket !== null) {
        const { data } = await anonymous.call('redeemChatTicket', { body: { ticket, origin: request.headers.origin ?? null } });
        const claims = await verify(data.accessToken);
        if (typeof claims === 'string') return unauthorized('The ticket gave an access token that does not verify.');
        if (claims.userId !== data.user.id) return unauthorized('The ticket gave a token of another user.');
        return { ok: true, identity: identityOf(claims, data.accessToken) };
      }
      if (header !== undefined) {
        const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
        if (!match) return unauthorized('The Authorization header is not "Bearer <access token>".');
        const token = match[1]!;
        const claims = await verify(token);
        if (claims === 'expired') return unauthorized('The access token has expired.');
        if (claims === 'invalid') return unauthorized('The access token is not valid.');
        // The session and user are still valid (the answer itself is not kept).
        await callsAs(asUser, { accessToken: token }).call('getCurrentUser');
        return { ok: true, identity: identityOf(claims, token) };
      }
      return unauthorized('Open the chat with ?ticket=<ticket from POST /api/chat/tickets>, or send Authorization: Bearer <access token>.');
    } catch (error) {
      if (isNexusError(error) && error.kind === 'unauthorized') {
        return unauthorized(ticket !== null ? 'The ticket is unknown, expired, already used, or was issued for another origin.' : 'The session or user is no longer valid.');
      }
      if (isNexusError(error) && error.kind === 'rate-limited') {
        const retryAfter = error.retryAfterSeconds;
        return { ok: false, refusal: { status: 429, slug: 'rate-limited', detail: 'Too many attempts; try again later.', ...(retryAfter ? { headers: { 'Retry-After': String(retryAfter) } } : {}) } };
      }
      throw error;
    }
  };
}

/** A literal of one shape, its fields in the object (a spread would add a property array to each). */
function identityOf(claims: { userId: string; sessionId: string; expiresAt: number }, accessToken: string): ChatIdentity {
  return { userId: claims.userId, sessionId: claims.sessionId, accessToken, expiresAt: claims.expiresAt };
}

/**
 * Calls through `client` (one per gateway) as the user of `accessToken`: the
 * token goes in each call's own Authorization header, which the SDK sends as
 * given. A client per connection would cost several KB for each idle socket.
 */
export function callsAs(client: NexusClient, identity: Pick<ChatIdentity, 'accessToken'>): Pick<NexusClient, 'call'> {
  const call = (operationId: string, init?: { headers?: Record<string, string> }) =>
    (client.call as (operationId: string, init: object) => Promise<unknown>)(operationId, {
      ...init,
      headers: { ...init?.headers, authorization: `Bearer ${identity.accessToken}` },
    });
  return { call: call as NexusClient['call'] };
}

/** An SDK client that calls the API as one user. */
export function userClient(options: Pick<AuthenticatorOptions, 'apiUrl' | 'fetch'>, token: string | (() => string)): NexusClient {
  return createNexusClient({ baseUrl: options.apiUrl, token, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

/** jose lets the JWKS fetch be replaced (`customFetch`), so the in-process API can serve it in single-machine mode. */
function jwksFetchVia(fetch: (request: Request) => Promise<Response>) {
  return (url: string, init: RequestInit) => fetch(new Request(url, init));
}
