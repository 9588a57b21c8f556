import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectClean, openPage, openTab, screenshot, signIn, stack, unique } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('customers', () => {
  it('creates a customer, showing a validation error next to its field first', async () => {
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    const name = `Tan Hardware ${unique()}`;
    await page.goto('/customers');
    await page.getByRole('link', { name: 'New customer' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Company').fill('Tan Hardware Pte Ltd');
    // Passes the browser's own check (type=email) but not the API's pattern.
    await page.getByLabel('Email').fill('buyer@tanhardware');
    await page.getByRole('button', { name: 'Create customer' }).click();
    const emailError = page.locator('#field-email-error');
    await expect.poll(() => emailError.isVisible()).toBe(true);
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').getAttribute('aria-describedby')).toContain('field-email-error');
    expect(await page.getByRole('alert').first().textContent()).toMatch(/valid|Bad Request|Validation/i);
    expect(await page.getByLabel('Name').inputValue()).toBe(name);
    await screenshot(page, 'customer-new-invalid');

    await page.getByLabel('Email').fill('buyer@tanhardware.sg');
    await Promise.all([page.waitForURL(/\/customers\/[0-9a-f-]{36}/), page.getByRole('button', { name: 'Create customer' }).click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
    expect(await page.getByRole('status').textContent()).toContain('Customer created');

    // It is found by search.
    await page.goto('/customers');
    await page.getByLabel('Search').fill(name);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('link', { name }).count()).toBe(1);
    await screenshot(page, 'customers');
    await expectClean(log);
    await context.close();
  });

  it('edits a customer, and on a 412 from a second tab shows the saved version and reapplies on top of it', async () => {
    const { context, page: first, log: firstLog } = await openPage(browser);
    await signIn(first, stack.admin.email, stack.admin.password);
    const name = `Lim Supplies ${unique()}`;
    await first.goto('/customers/new');
    await first.getByLabel('Name').fill(name);
    await first.getByLabel('Phone').fill('+65 6000 0000');
    await Promise.all([first.waitForURL(/\/customers\/[0-9a-f-]{36}/), first.getByRole('button', { name: 'Create customer' }).click()]);
    const customerUrl = first.url();

    // A plain edit.
    await first.getByLabel('Company').fill('Lim Supplies Pte Ltd');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => first.getByRole('status').textContent()).toContain('Saved (version 2)');

    // Both tabs have version 2 open; the second saves first.
    const { page: second, log: secondLog } = await openTab(context);
    await second.goto(customerUrl);
    await second.getByLabel('Phone').fill('+65 6111 1111');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => second.getByRole('status').textContent()).toContain('Saved (version 3)');

    await first.getByLabel('Notes').fill('Prefers delivery before 10 am');
    await first.getByRole('button', { name: 'Save changes' }).click();
    const conflict = first.getByRole('alert').filter({ hasText: 'Someone else saved this customer first' });
    await expect.poll(() => conflict.isVisible()).toBe(true);
    const text = await conflict.textContent();
    expect(text).toContain('current version is 3');
    const rows = await conflict.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      expect.stringMatching(/^Phone\s*\+65 6000 0000\s*\+65 6111 1111\s*unchanged$/), // saved by the other tab
      expect.stringMatching(/^Notes\s*Prefers delivery before 10 am$/), // changed here
    ]);
    await screenshot(first, 'customer-conflict');

    await first.getByRole('button', { name: 'Apply my changes to version 3' }).click();
    await expect.poll(() => first.getByRole('status').textContent()).toContain('Saved (version 4)');
    expect(await first.getByLabel('Notes').inputValue()).toBe('Prefers delivery before 10 am');
    // Only this tab's change was reapplied: the other tab's phone number stays.
    expect(await first.getByLabel('Phone').inputValue()).toBe('+65 6111 1111');

    // The customer's activity lists each change.
    await first.reload();
    const activity = first.getByRole('region', { name: 'Activity' });
    await expect.poll(async () => (await activity.getByRole('listitem').count()) >= 4).toBe(true);
    await screenshot(first, 'customer');

    // The 412 came back inside the form action's result: no failed request, no console error.
    await expectClean(firstLog);
    await expectClean(secondLog);
    await context.close();
  });
});
