// The user's session lives only here, on the SvelteKit server: the access and
// refresh tokens are HttpOnly cookies that page scripts cannot read. This module
// reads them, refreshes them before they expire (or after a 401), and ends them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createNexusClient, UnauthorizedError, type TokenPair } from '@nexus/sdk';
import type { Cookies } from '@sveltejs/kit';
import { webConfig } from './config';

const ACCESS_COOKIE = 'nexus_access';
const REFRESH_COOKIE = 'nexus_refresh';
/** Random per sign-in and never rotated: what ties a rotation's grace to the browser that rotated. */
const BINDING_COOKIE = 'nexus_binding';
/** Refresh when the access token has less than this left, so no call races its expiry. */
const REFRESH_AHEAD_MS = 60_000;
/** How long a finished rotation is remembered for requests still carrying the old cookie. */
const ROTATION_GRACE_MS = 30_000;

export interface Session {
  /** The access token to send, if any. */
  readonly accessToken: string | undefined;
  /** Whether this request carries a session (it may still turn out to be revoked). */
  readonly signedIn: boolean;
  /** Refreshes the tokens when the access token is missing or about to expire. */
  ensureFresh(): Promise<void>;
  /** Rotates the tokens now; `false` when the session is over (cookies cleared) or the API cannot be reached. */
  refresh(): Promise<boolean>;
  /** Stores a new session (after login), with a new binding. */
  start(pair: TokenPair): void;
  /** Forgets the session (cookies cleared). */
  end(): void;
}

/** The `exp` of a JWT in ms, read without verifying it: only to decide when to refresh. */
export function accessTokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

// Refresh tokens are single use, and the API revokes the whole session when a used
// one comes back. One browser sends requests in parallel (a page, its data, the
// proxy's calls), all with the same refresh cookie: they share one rotation, and
// for a short while after it a request still carrying the old cookie gets the new
// pair instead of replaying the old token.
//
// That grace is bound to the client that rotated: the digest of its binding
// cookie (random, set at login, never rotated), its address and its User-Agent.
// Only a request with the same digest shares the rotation. Anyone else holding
// the old refresh token (a copied cookie) is not handed the successor: the old
// token goes to the API, which sees it reused and revokes the session, so the
// copy is worth nothing and its owner is signed out instead of silently shadowed.
// (Per process: run one web process per sticky session, or move this map to
// Redis when scaling out.)
interface Rotation {
  /** Digest of the client that started the rotation (`clientDigest`). */
  readonly client: Buffer;
  readonly pair: Promise<TokenPair | null>;
}
const rotations = new Map<string, Rotation>();

/** Who is asking, as far as this server can tell: the browser's address and User-Agent. */
export interface ClientContext {
  readonly address: string;
  readonly userAgent: string;
}

function clientDigest(binding: string | undefined, client: ClientContext): Buffer {
  return createHash('sha256').update([binding ?? '', client.address, client.userAgent].join('\0')).digest();
}

function refreshAtApi(refreshToken: string): Promise<TokenPair | null> {
  const anonymous = createNexusClient({ baseUrl: webConfig().apiUrl });
  return anonymous.call('refreshToken', { body: { refreshToken } }).then(
    ({ data }) => data,
    (error: unknown) => {
      // 401: expired, revoked or reused; the session is over. Anything else
      // (API down, rate limited) is thrown: the tokens may still be good.
      if (error instanceof UnauthorizedError) return null;
      throw error;
    },
  );
}

function rotate(refreshToken: string, client: Buffer): Promise<TokenPair | null> {
  const key = createHash('sha256').update(refreshToken).digest('base64url');
  const known = rotations.get(key);
  if (known) {
    if (timingSafeEqual(known.client, client)) return known.pair;
    // Another client with this refresh token: forget the successor (nobody is
    // handed it any more) and let the API see the reuse.
    rotations.delete(key);
    return refreshAtApi(refreshToken);
  }
  const rotation: Rotation = { client, pair: refreshAtApi(refreshToken) };
  rotations.set(key, rotation);
  const forget = () => {
    if (rotations.get(key) === rotation) rotations.delete(key);
  };
  // A successor is remembered for the grace; a refusal (unknown, expired, revoked token) is not:
  // there is nothing to share, and made-up cookies must not pile up here.
  rotation.pair.then((pair) => (pair ? setTimeout(forget, ROTATION_GRACE_MS).unref() : forget()), forget);
  return rotation.pair;
}

export function openSession(cookies: Cookies, options: { secure: boolean; client: ClientContext }): Session {
  let accessToken = cookies.get(ACCESS_COOKIE) || undefined;
  let refreshToken = cookies.get(REFRESH_COOKIE) || undefined;
  let binding = cookies.get(BINDING_COOKIE) || undefined;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secure } as const;

  const store = (pair: TokenPair) => {
    // A session from before bindings existed gets one at its next rotation.
    binding ??= randomBytes(32).toString('base64url');
    accessToken = pair.accessToken;
    refreshToken = pair.refreshToken;
    cookies.set(ACCESS_COOKIE, pair.accessToken, { ...cookieOptions, maxAge: pair.expiresIn });
    cookies.set(REFRESH_COOKIE, pair.refreshToken, { ...cookieOptions, maxAge: pair.refreshExpiresIn });
    cookies.set(BINDING_COOKIE, binding, { ...cookieOptions, maxAge: pair.refreshExpiresIn });
  };

  const session: Session = {
    get accessToken() {
      return accessToken;
    },
    get signedIn() {
      return accessToken !== undefined || refreshToken !== undefined;
    },
    async ensureFresh() {
      if (!refreshToken) return;
      const expiry = accessToken ? accessTokenExpiry(accessToken) : undefined;
      if (accessToken && expiry !== undefined && expiry - Date.now() > REFRESH_AHEAD_MS) return;
      await session.refresh();
    },
    async refresh() {
      if (!refreshToken) {
        session.end();
        return false;
      }
      let pair: TokenPair | null;
      try {
        pair = await rotate(refreshToken, clientDigest(binding, options.client));
      } catch {
        return false;
      }
      if (!pair) {
        session.end();
        return false;
      }
      store(pair);
      return true;
    },
    start(pair) {
      binding = randomBytes(32).toString('base64url');
      store(pair);
    },
    end() {
      if (
        accessToken === undefined &&
        refreshToken === undefined &&
        binding === undefined &&
        !cookies.get(ACCESS_COOKIE) &&
        !cookies.get(REFRESH_COOKIE) &&
        !cookies.get(BINDING_COOKIE)
      )
        return;
      accessToken = undefined;
      refreshToken = undefined;
      binding = undefined;
      cookies.delete(ACCESS_COOKIE, cookieOptions);
      cookies.delete(REFRESH_COOKIE, cookieOptions);
      cookies.delete(BINDING_COOKIE, cookieOptions);
    },
  };
  return session;
}
