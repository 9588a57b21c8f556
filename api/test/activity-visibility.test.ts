import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let admin: Awaited<ReturnType<TestApp['user']>>;
let staffEmail: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('admin', 'Ada Admin');
  staffEmail = `new.staff.${Date.now()}@example.com`;
  const created = await t.request('/api/users', {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...admin.auth },
    body: JSON.stringify({ email: staffEmail, name: 'Nina New', role: 'sales', password: 'a long enough password' }),
  });
  expect(created.status).toBe(201);
  const customer = await t.request('/api/customers', { method: 'POST', headers: { ...JSON_HEADERS, ...admin.auth }, body: JSON.stringify({ name: 'Tan Hardware' }) });
  expect(customer.status).toBe(201);
});
afterAll(async () => t?.close());

type Page = { items: { entityType: string; summary: string }[] };
const activity = async (auth: Record<string, string>, query = '') => {
  const answer = await t.request(`/api/activity?limit=100${query}`, { headers: auth });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Page;
};

describe('activity about staff accounts and sessions', () => {
  it.each(['viewer', 'sales'] as const)('is not shown to a %s, even when asked for by entityType', async (role) => {
    const caller = await t.user(role);
    expect((await activity(caller.auth, '&entityType=user')).items).toEqual([]);
    expect((await activity(caller.auth, '&entityType=session')).items).toEqual([]);
    const everything = await activity(caller.auth);
    expect(everything.items.map((item) => item.entityType)).not.toContain('user');
    expect(JSON.stringify(everything)).not.toContain(staffEmail);
    // The business activity is still there.
    expect(everything.items.map((item) => item.entityType)).toContain('customer');
  });

  it('is shown to an admin', async () => {
    const forAdmin = await activity(admin.auth, '&entityType=user');
    expect(forAdmin.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(forAdmin)).toContain(staffEmail);
  });
});
