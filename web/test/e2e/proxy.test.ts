import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, openPage, signIn, stack } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The browser's SDK calls /api on the web server, which forwards them to the API.
describe('the /api proxy', () => {
  it("forwards the user's calls with the session's token, by the contract's security", async () => {
    const { context, page } = await openPage(browser);
    const anonymous = await context.request.get('/api/auth/me');
    expect(anonymous.status()).toBe(401);
    const dashboard = await context.request.get('/api/dashboard');
    expect(dashboard.status()).toBe(200);

    await signIn(page, stack.admin.email, stack.admin.password);
    const me = await context.request.get('/api/auth/me');
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ email: stack.admin.email });
    expect(me.headers()['x-request-id']).toBeTruthy();
    await context.close();
  });

  it('keeps the session operations, cross-site writes and non-contract paths out', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    const login = await context.request.post('/api/auth/login', {
      headers: { origin: stack.webUrl },
      data: { email: stack.admin.email, password: stack.admin.password },
    });
    expect(login.status()).toBe(403);
    expect(await login.text()).not.toContain('accessToken');

    const crossSite = await context.request.post('/api/customers', { headers: { origin: 'https://evil.example' }, data: { name: 'Nope' } });
    expect(crossSite.status()).toBe(403);

    const unknown = await context.request.get('/api/no-such-thing');
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()['content-type']).toContain('application/problem+json');
    await context.close();
  });
});
