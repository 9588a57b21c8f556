import type { Redis } from 'ioredis';
import { newTicket, TICKET_PATTERN, type TicketStore } from './ticket-store.js';

/** Tickets in Redis (any instance can redeem what another issued); GETDEL makes redeeming atomic. */
export function redisTicketStore(redis: Redis): TicketStore {
  const key = (ticket: string) => `ticket:${ticket}`;
  return {
    async issue(userId, ttlSeconds) {
      const ticket = newTicket();
      await redis.set(key(ticket), userId, 'PX', Math.max(1, Math.round(ttlSeconds * 1000)));
      return ticket;
    },
    async redeem(ticket) {
      if (!TICKET_PATTERN.test(ticket)) return null;
      return redis.getdel(key(ticket));
    },
  };
}
