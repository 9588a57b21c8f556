import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectClean, openPage, screenshot } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a visitor who is not signed in', () => {
  it('sees the public dashboard with real numbers and not one failed request, 401/403 or console error', async () => {
    const { context, page, log } = await openPage(browser);
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { name: 'Dashboard', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.kpi').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.kpi-value').allTextContents()).not.toContain('N/A');
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
    // Only the public section is offered.
    expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents()).toEqual(['Dashboard']);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'dashboard-visitor');
    await expectClean(log);
    await context.close();
  });

  it('reads the dashboard at phone width', async () => {
    const { context, page, log } = await openPage(browser, { width: 390, height: 844 });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scrolling at 390 px').toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-phone');
    await expectClean(log);
    await context.close();
  });

  it('is sent to the login page from a page that needs an account', async () => {
    const { context, page, log } = await openPage(browser);
    await page.goto('/customers');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/customers');
    await screenshot(page, 'login');
    await expectClean(log);
    await context.close();
  });
});
