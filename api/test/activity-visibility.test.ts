import type { NexusClient } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let asAdmin: NexusClient;
let staffEmail: string;
beforeAll(async () => {
  t = await startTestApp();
  asAdmin = t.client(await t.user('admin', 'Ada Admin'));
  staffEmail = `new.staff.${Date.now()}@example.com`;
  const created = await asAdmin.call('createUser', { body: { email: staffEmail, name: 'Nina New', role: 'sales', password: 'a long enough password' } });
  expect(created.response.status).toBe(201);
  const customer = await asAdmin.call('createCustomer', { body: { name: 'Tan Hardware' } });
  expect(customer.response.status).toBe(201);
});
afterAll(async () => t?.close());

const activity = async (api: NexusClient, entityType?: string) => {
  const answer = await api.call('listActivity', { params: { query: { limit: 100, ...(entityType ? { entityType } : {}) } } });
  expect(answer.response.status).toBe(200);
  return answer.data;
};

describe('activity about staff accounts and sessions', () => {
  it.each(['viewer', 'sales'] as const)('is not shown to a %s, even when asked for by entityType', async (role) => {
    const caller = t.client(await t.user(role));
    expect((await activity(caller, 'user')).items).toEqual([]);
    expect((await activity(caller, 'session')).items).toEqual([]);
    const everything = await activity(caller);
    expect(everything.items.map((item) => item.entityType)).not.toContain('user');
    expect(JSON.stringify(everything)).not.toContain(staffEmail);
    // The business activity is still there.
    expect(everything.items.map((item) => item.entityType)).toContain('customer');
  });

  it('is shown to an admin', async () => {
    const forAdmin = await activity(asAdmin, 'user');
    expect(forAdmin.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(forAdmin)).toContain(staffEmail);
  });
});
