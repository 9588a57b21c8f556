import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { SigningKey } from './signing-key.js';
import { ROLES, type Role } from '../domain/users/roles.js';

export const ACCESS_TOKEN_AUDIENCE = 'nexus-api';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  role: Role;
}

export async function issueAccessToken(
  key: SigningKey,
  claims: AccessTokenClaims,
  options: { issuer: string; ttlSeconds: number },
): Promise<string> {
  return new SignJWT({ sid: claims.sessionId, role: claims.role })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(options.issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds}s`)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export type AccessTokenFailure = 'expired' | 'invalid';

/**
 * Verifies signature (EdDSA only — `alg: none` and HMAC tokens are refused),
 * issuer, audience and expiry. Returns the claims, or why it failed.
 */
export async function verifyAccessToken(
  key: SigningKey,
  token: string,
  options: { issuer: string },
): Promise<{ ok: true; claims: AccessTokenClaims; expiresAtMs: number } | { ok: false; reason: AccessTokenFailure }> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['EdDSA'],
      issuer: options.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    // A valid signature vouches for who made the token, not for the shape of what it says:
    // ids that are not UUIDs would only fail later, in the database, as a 500.
    const { sub, sid, role } = { sub: payload.sub, sid: payload['sid'], role: payload['role'] };
    if (!isUuid(sub) || !isUuid(sid) || !isRole(role)) return { ok: false, reason: 'invalid' };
    return { ok: true, claims: { userId: sub, sessionId: sid, role }, expiresAtMs: (payload.exp ?? 0) * 1000 };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}
