import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeb } from './global-setup';
import { adminClient, connectBrowser, openPage, signIn, stack, unique } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** `next` values that must never take anyone off the site (raw, as written in the address bar). */
const HOSTILE_NEXT = [
  '/%09/evil.test',
  '/%5Cevil.test',
  '/%5C%5Cevil.test',
  '/%0a/evil.test',
  '/%0d%0aSet-Cookie:%20x=1',
  '//evil.test',
  '/%2F/evil.test/',
  'https://evil.test/',
  'javascript:alert(1)',
  '/%00',
];

describe('the login page redirect (next=)', () => {
  describe('signed in', () => {
    let signedIn: Awaited<ReturnType<typeof openPage>>;
    beforeAll(async () => {
      signedIn = await openPage(browser);
      await signIn(signedIn.page, stack.admin.email, stack.admin.password);
    });
    afterAll(async () => signedIn?.context.close());

    it.each(HOSTILE_NEXT)('sends a visitor with next=%s to the dashboard, never elsewhere and never a 500', async (next) => {
      const answer = await signedIn.context.request.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect(answer.status()).toBe(303);
      expect(answer.headers()['location']).toBe('/');
    });
  });

  it.each(HOSTILE_NEXT)('shows the login form to a visitor with next=%s (no 500)', async (next) => {
    const { context } = await openPage(browser);
    const answer = await context.request.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(answer.status()).toBe(200);
    await context.close();
  });

  it('stays on the site after signing in through a form whose next points away', async () => {
    const { context, page } = await openPage(browser);
    for (const next of ['/%09/evil.test', '/%5Cevil.test']) {
      await context.clearCookies();
      await page.goto(`/login?next=${next}`);
      await page.getByLabel('Email').fill(stack.admin.email);
      await page.getByLabel('Password').fill(stack.admin.password);
      await Promise.all([page.waitForURL(`${stack.webUrl}/`), page.getByRole('button', { name: 'Sign in' }).click()]);
      expect(new URL(page.url()).origin).toBe(stack.webUrl);
    }
    await context.close();
  });

  it('keeps a same-site next with its query', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`/login?next=${encodeURIComponent('/quotes?status=draft')}`);
    await page.getByLabel('Email').fill(stack.admin.email);
    await page.getByLabel('Password').fill(stack.admin.password);
    await Promise.all([page.waitForURL(`${stack.webUrl}/quotes?status=draft`), page.getByRole('button', { name: 'Sign in' }).click()]);
    await context.close();
  });
});

describe("the browser's address", () => {
  // A second dashboard server that, like one behind a load balancer, reads the
  // browser's address from X-Forwarded-For; each browser context plays a
  // different person by sending its own.
  let web: Awaited<ReturnType<typeof startWeb>>;
  beforeAll(async () => {
    web = await startWeb(stack.apiUrl, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
  });
  afterAll(async () => {
    if (web && web.child.exitCode === null) {
      const exited = new Promise((resolve) => web.child.once('exit', resolve));
      web.child.kill('SIGTERM');
      await exited;
    }
  });

  const personAt = async (address: string) => {
    const context = await browser.newContext({ baseURL: web.url, extraHTTPHeaders: { 'x-forwarded-for': address } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return { context, page };
  };

  it("reaches the API's login limits: a stranger's wrong passwords do not lock out the owner signing in elsewhere", async () => {
    const admin = await adminClient();
    const email = `owner-${unique()}@example.com`;
    const password = 'the owner knows this one';
    await admin.call('createUser', { body: { email, name: 'Owen Owner', role: 'sales', password } });

    const stranger = await personAt('198.51.100.61');
    await stranger.page.goto('/login');
    const alert = stranger.page.getByRole('alert');
    const attempt = async (guess: string) => {
      await stranger.page.getByLabel('Email').fill(email);
      await stranger.page.getByLabel('Password').fill(guess);
      await Promise.all([
        stranger.page.waitForResponse((response) => response.request().method() === 'POST'),
        stranger.page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await expect.poll(() => alert.isVisible()).toBe(true);
      return (await alert.textContent()) ?? '';
    };
    for (let i = 0; i < 5; i += 1) expect(await attempt(`guess number ${i}`)).toContain('Invalid credentials');
    expect(await attempt('guess number 5')).toMatch(/too many/i);
    await stranger.context.close();

    const owner = await personAt('198.51.100.62');
    await owner.page.goto('/login');
    await owner.page.getByLabel('Email').fill(email);
    await owner.page.getByLabel('Password').fill(password);
    await Promise.all([owner.page.waitForURL(`${web.url}/`), owner.page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect.poll(() => owner.page.locator('.account').textContent()).toContain('Owen Owner');
    await owner.context.close();
  });
});
