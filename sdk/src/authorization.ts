import type { TokenSource } from './client-options.js';
import type { ResolvedOperation } from './operation-lookup.js';

/** The configured token, or `undefined` when there is none (never the strings "null"/"undefined"). */
export async function resolveToken(source: TokenSource): Promise<string | undefined> {
  return usableToken(typeof source === 'function' ? await source() : source);
}

function usableToken(token: unknown): string | undefined {
  return typeof token === 'string' && token.trim() !== '' ? token.trim() : undefined;
}

/** The `Authorization` an attempt carries (`undefined`: none), and whether it came from the token source. */
export interface AttemptAuthorization {
  authorization: string | undefined;
  /** Only a token from the token source can be helped by a refresh. */
  fromToken: boolean;
}

const NONE: AttemptAuthorization = { authorization: undefined, fromToken: false };

/**
 * `Authorization` as the operation's contract says: public operations (and URLs that
 * are no operation of the contract) never carry one, whoever set it; protected ones get
 * `Bearer <token>` — unless the caller set their own for this request — and none at all
 * when there is no token, so the server answers a plain 401.
 */
export function authorizationFor(
  operation: ResolvedOperation | undefined,
  token: TokenSource,
  callerAuthorization: string | undefined,
): AttemptAuthorization | Promise<AttemptAuthorization> {
  if (operation?.entry.security !== 'bearer') return NONE;
  if (callerAuthorization !== undefined) return { authorization: callerAuthorization, fromToken: false };
  // A fixed token is answered at once (no promise): this runs for every call.
  if (typeof token !== 'function') return fromToken(usableToken(token));
  return resolveToken(token).then(fromToken);
}

const fromToken = (value: string | undefined): AttemptAuthorization => ({ authorization: value === undefined ? undefined : `Bearer ${value}`, fromToken: true });
