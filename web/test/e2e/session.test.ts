import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectClean, openPage, screenshot, signIn, stack } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in and out', () => {
  it('shows the problem next to the form for a wrong password, then signs in and keeps the tokens out of page scripts', async () => {
    const { context, page, log } = await openPage(browser);
    await page.goto('/login');
    await page.getByLabel('Email').fill(stack.admin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const problem = page.getByRole('alert');
    await expect.poll(() => problem.textContent()).toContain('Invalid credentials');
    expect(await page.getByLabel('Email').inputValue()).toBe(stack.admin.email);
    await screenshot(page, 'login-failed');

    await page.getByLabel('Password').fill(stack.admin.password);
    await Promise.all([page.waitForURL(`${stack.webUrl}/`), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    const sections = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
    expect(sections).toEqual(expect.arrayContaining(['Dashboard', 'Customers', 'Activity', 'Users']));

    // The session is in HttpOnly cookies: nothing a script on the page can read.
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.name).sort()).toEqual(['nexus_access', 'nexus_binding', 'nexus_refresh']);
    for (const cookie of cookies) expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await screenshot(page, 'dashboard-signed-in');

    // The failed attempt was answered inside the form action's result, not as an HTTP error.
    await expectClean(log);
    await context.close();
  });

  it('returns to the page asked for after signing in', async () => {
    const { context, page, log } = await openPage(browser);
    await page.goto('/activity');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email').fill(stack.admin.email);
    await page.getByLabel('Password').fill(stack.admin.password);
    await Promise.all([page.waitForURL(`${stack.webUrl}/activity`), page.getByRole('button', { name: 'Sign in' }).click()]);
    await expect.poll(() => page.getByRole('heading', { name: 'Activity', level: 1 }).isVisible()).toBe(true);
    await screenshot(page, 'activity');
    await expectClean(log);
    await context.close();
  });

  it('signs out: the session ends on the API too and the pages ask for a login again', async () => {
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    const before = await context.cookies();
    await Promise.all([page.waitForURL(`${stack.webUrl}/`), page.getByRole('button', { name: 'Sign out' }).click()]);
    await expect.poll(() => page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    expect(await context.cookies()).toEqual([]);

    // The old refresh token is revoked: putting the cookies back does not bring the session back.
    await context.addCookies(before);
    await page.goto('/customers');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectClean(log);
    await context.close();
  });
});
