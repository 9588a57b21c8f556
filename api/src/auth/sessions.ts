import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import type { Db } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { problems } from '../lib/problem.js';
import { recordActivity } from '../repositories/activity.js';
import {
  createSession,
  findRefreshTokenForUpdate,
  insertRefreshToken,
  markRefreshTokenUsed,
  revokeSession,
} from '../repositories/sessions.js';
import { findUserByEmail, findUserById } from '../repositories/users.js';
import { publishAuthRevoked } from '../services/chat/chat-events.js';
import { issueAccessToken } from './access-tokens.js';
import { verifyPassword } from './passwords.js';

type SessionDeps = Pick<AppDeps, 'db' | 'signingKey' | 'config' | 'loginThrottle' | 'decoyPasswordHash' | 'pubsub' | 'logger' | 'verifiedTokens'>;

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: UserRow;
}

const REFRESH_TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

async function issuePair(deps: SessionDeps, db: Db, user: UserRow, familyId: string): Promise<TokenPair> {
  const secret = randomBytes(32).toString('base64url');
  const ttl = deps.config.REFRESH_TOKEN_TTL_SECONDS;
  const { id } = await insertRefreshToken(db, {
    family_id: familyId,
    token_hash: sha256(secret),
    expires_at: new Date(Date.now() + ttl * 1000),
  });
  const accessToken = await issueAccessToken(
    deps.signingKey,
    { userId: user.id, sessionId: familyId, role: user.role },
    { issuer: deps.config.JWT_ISSUER, ttlSeconds: deps.config.ACCESS_TOKEN_TTL_SECONDS },
  );
  return {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    refreshToken: `${id}.${secret}`,
    refreshExpiresIn: ttl,
    user,
  };
}

/**
 * Email + password → a new session. Unknown email, wrong password and a
 * disabled account give the same answer after the same bcrypt work.
 */
export async function login(deps: SessionDeps, input: { email: string; password: string; address: string }): Promise<TokenPair> {
  // The attempt is counted before the password is checked, so parallel guesses cannot outrun the limit.
  const gate = await deps.loginThrottle.begin({ address: input.address, email: input.email });
  if (!gate.allowed) throw problems.tooManyRequests(gate.retryAfterSeconds, 'Too many login attempts; wait before trying again.');
  const user = await findUserByEmail(deps.db, input.email);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? deps.decoyPasswordHash);
  if (!user || !passwordOk || user.disabled_at) {
    await gate.attempt.failed();
    throw problems.invalidCredentials();
  }
  await gate.attempt.succeeded();
  return deps.db.transaction().execute(async (trx) => {
    const session = await createSession(trx, user.id);
    await recordActivity(trx, {
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.name} logged in`,
    });
    return issuePair(deps, trx, user, session.id);
  });
}

/**
 * Rotates a refresh token. Presenting an already-rotated token means it was
 * copied: the whole session (every token descended from the same login) is
 * revoked and the caller must log in again.
 */
export async function refresh(deps: SessionDeps, refreshToken: string): Promise<TokenPair> {
  const match = REFRESH_TOKEN.exec(refreshToken);
  if (!match?.[1] || !match[2]) throw problems.invalidCredentials();
  const [, id, secret] = match;
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await findRefreshTokenForUpdate(trx, id);
    if (!row) return { error: 'unknown' as const };
    const expected = Buffer.from(row.token_hash, 'hex');
    const given = Buffer.from(sha256(secret), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { error: 'unknown' as const };
    if (row.family_revoked_at || row.disabled_at) return { error: 'revoked' as const };
    if (row.used_at) {
      await revokeSession(trx, row.family_id, 'refresh token reuse');
      return { error: 'reused' as const, familyId: row.family_id };
    }
    if (new Date(row.expires_at).getTime() <= Date.now()) return { error: 'expired' as const };
    await markRefreshTokenUsed(trx, row.id);
    const user = await findUserById(trx, row.user_id);
    if (!user) return { error: 'unknown' as const };
    return { pair: await issuePair(deps, trx, user, row.family_id) };
  });
  if ('pair' in outcome && outcome.pair) return outcome.pair;
  // Live chat sockets of a revoked session close now, not when their token expires.
  if (outcome.error === 'reused' && outcome.familyId) await publishAuthRevoked(deps, { type: 'session.revoked', sessionId: outcome.familyId });
  throw problems.unauthorized(
    outcome.error === 'reused'
      ? 'This refresh token was already used; the session has been revoked. Log in again.'
      : outcome.error === 'expired'
        ? 'The refresh token has expired. Log in again.'
        : 'The refresh token is not valid. Log in again.',
  );
}

/** Ends the session the access token belongs to: its refresh tokens and access tokens stop working. */
export async function logout(deps: Pick<AppDeps, 'db' | 'pubsub' | 'logger' | 'verifiedTokens'>, user: { id: string; name: string; sessionId: string }) {
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, user.sessionId, 'logout');
    await recordActivity(trx, {
      actorId: user.id,
      action: 'auth.logout',
      entityType: 'user',
      entityId: user.id,
      summary: `${user.name} logged out`,
    });
  });
  await publishAuthRevoked(deps, { type: 'session.revoked', sessionId: user.sessionId });
}
