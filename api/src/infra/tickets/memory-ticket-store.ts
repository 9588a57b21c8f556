import { newTicket, TICKET_PATTERN, type TicketRecord, type TicketStore } from './ticket-store.js';

const SWEEP_INTERVAL_MS = 10_000;

/**
 * Tickets in this process. Redeeming is a synchronous read-and-delete, so it
 * is atomic on Node's single thread. Expired tickets are swept as new ones are
 * issued, so the map stays as small as the tickets in flight.
 */
export function memoryTicketStore(): TicketStore {
  const tickets = new Map<string, { record: TicketRecord; expiresAt: number }>();
  let lastSweep = Date.now();
  const sweep = (now: number) => {
    for (const [ticket, entry] of tickets) if (entry.expiresAt <= now) tickets.delete(ticket);
    lastSweep = now;
  };
  return {
    async issue(record, ttlSeconds) {
      const now = Date.now();
      if (now - lastSweep >= SWEEP_INTERVAL_MS) sweep(now);
      const ticket = newTicket();
      // A copy: a later change to the caller's object must not change what the ticket stands for.
      tickets.set(ticket, { record: { userId: record.userId, sessionId: record.sessionId, origin: record.origin }, expiresAt: now + ttlSeconds * 1000 });
      return ticket;
    },
    async redeem(ticket) {
      if (!TICKET_PATTERN.test(ticket)) return null;
      const entry = tickets.get(ticket);
      tickets.delete(ticket);
      return entry && entry.expiresAt > Date.now() ? entry.record : null;
    },
  };
}
