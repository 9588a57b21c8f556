import { randomBytes } from 'node:crypto';

/**
 * One-time tickets: a short-lived, single-use secret that stands for a user,
 * e.g. for a browser opening the chat WebSocket without putting a token in a URL.
 */
export interface TicketStore {
  /** A new ticket for `userId`, valid for `ttlSeconds` (fractions allowed). */
  issue(userId: string, ttlSeconds: number): Promise<string>;
  /**
   * The user the ticket was issued for, or null when it is unknown, expired or
   * already redeemed. Atomic: of concurrent redeems of one ticket exactly one wins.
   */
  redeem(ticket: string): Promise<string | null>;
}

/** 256 random bits, URL-safe. */
export function newTicket(): string {
  return randomBytes(32).toString('base64url');
}

/** Anything else cannot be a ticket we issued; rejected without a lookup. */
export const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
