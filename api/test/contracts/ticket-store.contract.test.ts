import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryTicketStore } from '../../src/infra/tickets/memory-ticket-store.js';
import { redisTicketStore } from '../../src/infra/tickets/redis-ticket-store.js';
import type { TicketStore } from '../../src/infra/tickets/ticket-store.js';
import { redisRoleBackends, sleep, type Opened } from '../support/backends.js';

describe.each(redisRoleBackends(memoryTicketStore, redisTicketStore))('ticket store contract: $backend', (backend) => {
  let opened: Opened<TicketStore>;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(async () => opened?.close());
  const tickets = () => opened.subject;
  const record = (userId: string, origin: string | null = 'http://localhost:3010') => ({ userId, sessionId: `session-of-${userId}`, origin });

  it('redeems a ticket once, for the user, session and origin it was issued to', async () => {
    const ticket = await tickets().issue(record('user-1'), 30);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await tickets().redeem(ticket)).toEqual({ userId: 'user-1', sessionId: 'session-of-user-1', origin: 'http://localhost:3010' });
    expect(await tickets().redeem(ticket)).toBeNull();
  });

  it('keeps an absent origin as null', async () => {
    const ticket = await tickets().issue(record('user-5', null), 30);
    expect(await tickets().redeem(ticket)).toEqual({ userId: 'user-5', sessionId: 'session-of-user-5', origin: null });
  });

  it('issues a different ticket every time', async () => {
    const issued = await Promise.all(Array.from({ length: 50 }, () => tickets().issue(record('user-2'), 30)));
    expect(new Set(issued).size).toBe(50);
  });

  it('knows nothing of unknown or malformed tickets', async () => {
    expect(await tickets().redeem('A'.repeat(43))).toBeNull();
    expect(await tickets().redeem('')).toBeNull();
    expect(await tickets().redeem('../../etc/passwd')).toBeNull();
  });

  it('refuses an expired ticket', async () => {
    const ticket = await tickets().issue(record('user-3'), 0.2);
    await sleep(400);
    expect(await tickets().redeem(ticket)).toBeNull();
  });

  it('lets exactly one of many concurrent redeems win', async () => {
    const ticket = await tickets().issue(record('user-4'), 30);
    const results = await Promise.all(Array.from({ length: 20 }, () => tickets().redeem(ticket)));
    expect(results.filter((r) => r?.userId === 'user-4')).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(19);
  });
});
