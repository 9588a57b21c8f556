import type { AppDeps } from '../deps.js';
import type { TokenVerifier } from '../http/app-env.js';
import { problems } from '../lib/problem.js';
import { findUserWithSession } from '../repositories/users.js';
import { verifyAccessToken } from './access-tokens.js';

/**
 * Access token → user. The signature proves who; the database says whether
 * that user and session are still allowed (disabled users and logged-out
 * sessions stop working at once) and what the role is now.
 *
 * A token verified once is remembered (auth/verified-tokens.ts) until it
 * expires: the same bytes need neither the signature check nor the lookup
 * again, and revocations remove the entries before they are answered.
 */
export function createTokenVerifier(deps: Pick<AppDeps, 'db' | 'signingKey' | 'config' | 'verifiedTokens'>): TokenVerifier {
  const cache = deps.verifiedTokens;
  return async (token) => {
    const cached = cache.get(token);
    if (cached) return cached;
    const generation = cache.generation;
    const verified = await verifyAccessToken(deps.signingKey, token, { issuer: deps.config.JWT_ISSUER });
    if (!verified.ok) {
      throw problems.unauthorized(verified.reason === 'expired' ? 'The access token has expired.' : 'The access token is not valid.');
    }
    const { userId, sessionId } = verified.claims;
    const row = await findUserWithSession(deps.db, userId, sessionId);
    if (!row || row.disabled_at) throw problems.unauthorized('The account is disabled or no longer exists.');
    if (!row.session_id || row.session_revoked_at) throw problems.unauthorized('The session has ended; log in again.');
    const user = { id: row.id, email: row.email, name: row.name, role: row.role, sessionId };
    cache.set(token, user, verified.expiresAtMs, generation);
    return user;
  };
}
