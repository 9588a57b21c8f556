import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
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
