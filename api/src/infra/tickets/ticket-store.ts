import { randomBytes } from 'node:crypto';

/** What a ticket stands for: a user's session, opened from one browser origin (null: no Origin, a non-browser client). */
export interface TicketRecord {
  userId: string;
  sessionId: string;
  origin: string | null;
}

/**
 * One-time tickets: a short-lived, single-use secret that stands for a user's
 * session, e.g. for a browser opening the chat WebSocket without putting a
 * token in a URL.
 */
export interface TicketStore {
  /** A new ticket for `record`, valid for `ttlSeconds` (fractions allowed). */
  issue(record: TicketRecord, ttlSeconds: number): Promise<string>;
  /**
   * What the ticket was issued for, or null when it is unknown, expired or
   * already redeemed. Atomic: of concurrent redeems of one ticket exactly one wins.
   */
  redeem(ticket: string): Promise<TicketRecord | null>;
}

/** 256 random bits, URL-safe. */
export function newTicket(): string {
  return randomBytes(32).toString('base64url');
}

/** Anything else cannot be a ticket we issued; rejected without a lookup. */
export const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A stored value back to a record; anything else (another writer's key, corruption) is no ticket. */
export function parseTicketRecord(value: string | null): TicketRecord | null {
  if (value === null) return null;
  try {
    const parsed = JSON.parse(value) as Partial<TicketRecord>;
    if (typeof parsed.userId !== 'string' || typeof parsed.sessionId !== 'string') return null;
    if (parsed.origin !== null && typeof parsed.origin !== 'string') return null;
    return { userId: parsed.userId, sessionId: parsed.sessionId, origin: parsed.origin };
  } catch {
    return null;
  }
}
