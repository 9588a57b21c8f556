import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { SigningKey } from './signing-key.js';
import type { Role } from '../http/schemas.js';

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

export type AccessTokenFailure = 'expired' | 'invalid';

/**
 * Verifies signature (EdDSA only — `alg: none` and HMAC tokens are refused),
 * issuer, audience and expiry. Returns the claims, or why it failed.
 */
export async function verifyAccessToken(
  key: SigningKey,
  token: string,
  options: { issuer: string },
): Promise<{ ok: true; claims: AccessTokenClaims } | { ok: false; reason: AccessTokenFailure }> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ['EdDSA'],
      issuer: options.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    if (typeof payload.sub !== 'string' || typeof payload['sid'] !== 'string' || typeof payload['role'] !== 'string') {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, claims: { userId: payload.sub, sessionId: payload['sid'], role: payload['role'] as Role } };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
    return { ok: false, reason: 'invalid' };
  }
}
