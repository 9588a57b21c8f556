import type { TokenSource } from './client-options.js';
import type { ResolvedOperation } from './operation-lookup.js';

/** The configured token, or `undefined` when there is none (never the strings "null"/"undefined"). */
export async function resolveToken(source: TokenSource): Promise<string | undefined> {
  const token = typeof source === 'function' ? await source() : source;
  return typeof token === 'string' && token.trim() !== '' ? token.trim() : undefined;
}

/**
 * Sets `Authorization` as the operation's contract says: public operations (and URLs
 * that are no operation of the contract) never carry one, whoever set it; protected
 * ones get `Bearer <token>` — unless the caller set their own for this request — and
 * none at all when there is no token, so the server answers a plain 401.
 *
 * @returns whether the header came from the token source (only then can a refresh help).
 */
export async function applyAuthorization(
  headers: Headers,
  operation: ResolvedOperation | undefined,
  token: TokenSource,
  callerAuthorization: string | null,
): Promise<boolean> {
  if (operation?.entry.security !== 'bearer') {
    headers.delete('authorization');
    return false;
  }
  if (callerAuthorization !== null) {
    headers.set('authorization', callerAuthorization);
    return false;
  }
  const value = await resolveToken(token);
  if (value === undefined) {
    headers.delete('authorization');
    return true;
  }
  headers.set('authorization', `Bearer ${value}`);
  return true;
}
