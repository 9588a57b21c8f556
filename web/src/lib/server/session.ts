// The user's session lives only here, on the SvelteKit server: the access and
// refresh tokens are HttpOnly cookies that page scripts cannot read. This module
// reads them, refreshes them before they expire (or after a 401), and ends them.
import { createHash } from 'node:crypto';
import { createNexusClient, UnauthorizedError, type TokenPair } from '@nexus/sdk';
import type { Cookies } from '@sveltejs/kit';
import { webConfig } from './config';

const ACCESS_COOKIE = 'nexus_access';
const REFRESH_COOKIE = 'nexus_refresh';
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
  /** Stores a new session (after login). */
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
// pair instead of replaying the old token. (Per process: run one web process per
// sticky session, or move this map to Redis when scaling out.)
const rotations = new Map<string, Promise<TokenPair | null>>();

function rotate(refreshToken: string): Promise<TokenPair | null> {
  const key = createHash('sha256').update(refreshToken).digest('base64url');
  let pending = rotations.get(key);
  if (!pending) {
    const anonymous = createNexusClient({ baseUrl: webConfig().apiUrl });
    pending = anonymous.call('refreshToken', { body: { refreshToken } }).then(
      ({ data }) => data,
      (error: unknown) => {
        // 401: expired, revoked or reused; the session is over. Anything else
        // (API down, rate limited) is thrown: the tokens may still be good.
        if (error instanceof UnauthorizedError) return null;
        throw error;
      },
    );
    rotations.set(key, pending);
    pending.then(
      () => setTimeout(() => rotations.delete(key), ROTATION_GRACE_MS).unref(),
      () => rotations.delete(key),
    );
  }
  return pending;
}

export function openSession(cookies: Cookies, secure: boolean): Session {
  let accessToken = cookies.get(ACCESS_COOKIE) || undefined;
  let refreshToken = cookies.get(REFRESH_COOKIE) || undefined;
  const options = { path: '/', httpOnly: true, sameSite: 'lax', secure } as const;

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
        pair = await rotate(refreshToken);
      } catch {
        return false;
      }
      if (!pair) {
        session.end();
        return false;
      }
      session.start(pair);
      return true;
    },
    start(pair) {
      accessToken = pair.accessToken;
      refreshToken = pair.refreshToken;
      cookies.set(ACCESS_COOKIE, pair.accessToken, { ...options, maxAge: pair.expiresIn });
      cookies.set(REFRESH_COOKIE, pair.refreshToken, { ...options, maxAge: pair.refreshExpiresIn });
    },
    end() {
      if (accessToken === undefined && refreshToken === undefined && !cookies.get(ACCESS_COOKIE) && !cookies.get(REFRESH_COOKIE)) return;
      accessToken = undefined;
      refreshToken = undefined;
      cookies.delete(ACCESS_COOKIE, options);
      cookies.delete(REFRESH_COOKIE, options);
    },
  };
  return session;
}
