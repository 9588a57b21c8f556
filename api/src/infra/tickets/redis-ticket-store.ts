import type { Redis } from 'ioredis';
import { newTicket, parseTicketRecord, TICKET_PATTERN, type TicketStore } from './ticket-store.js';

/** Tickets in Redis as JSON (any instance can redeem what another issued); GETDEL makes redeeming atomic. */
export function redisTicketStore(redis: Redis): TicketStore {
  const key = (ticket: string) => `ticket:${ticket}`;
  return {
    async issue(record, ttlSeconds) {
      const ticket = newTicket();
      const value = JSON.stringify({ userId: record.userId, sessionId: record.sessionId, origin: record.origin });
      await redis.set(key(ticket), value, 'PX', Math.max(1, Math.round(ttlSeconds * 1000)));
      return ticket;
    },
    async redeem(ticket) {
      if (!TICKET_PATTERN.test(ticket)) return null;
      return parseTicketRecord(await redis.getdel(key(ticket)));
    },
  };
}
