import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

export const MIN_PASSWORD_LENGTH = 12;
/** bcrypt reads the first 72 bytes and ignores the rest, so a longer password would not be what is checked. */
export const MAX_PASSWORD_BYTES = 72;

/** Bytes of the password in UTF-8, which is what bcrypt counts. */
export const passwordBytes = (password: string) => Buffer.byteLength(password, 'utf8');

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

/** A password beyond MAX_PASSWORD_BYTES never matches (its tail would be ignored), after the same bcrypt work. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash);
  return matches && passwordBytes(password) <= MAX_PASSWORD_BYTES;
}

/**
 * A hash of a random password, compared against when the email is unknown so
 * that an unknown user costs the same time as a wrong password.
 */
export function decoyHash(cost: number): Promise<string> {
  return bcrypt.hash(randomBytes(32).toString('hex'), cost);
}

/** A random password for a generated account: 24 URL-safe characters. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
