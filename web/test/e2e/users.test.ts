import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectBrowser, expectClean, openPage, screenshot, signIn, stack, unique } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('users (admin)', () => {
  it('an admin creates a user, who then signs in and sees what their role allows', async () => {
    const admin = await openPage(browser);
    await signIn(admin.page, stack.admin.email, stack.admin.password);
    await admin.page.goto('/users');
    const email = `viewer-${unique()}@example.com`;
    const form = admin.page.locator('form[action="?/create"]');
    await form.getByLabel('Name').fill('Vera Viewer');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByLabel('Initial password').fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => admin.page.locator('#field-password-error').isVisible()).toBe(true);

    await form.getByLabel('Initial password').fill('a long enough password');
    await form.getByRole('button', { name: 'Create user' }).click();
    await expect.poll(() => admin.page.getByRole('status').textContent()).toContain(`Created ${email} (viewer)`);
    await expect.poll(() => admin.page.getByText(email).count()).toBeGreaterThan(0);
    await screenshot(admin.page, 'users');
    await expectClean(admin.log);
    await admin.context.close();

    const viewer = await openPage(browser);
    await signIn(viewer.page, email, 'a long enough password');
    await expect.poll(() => viewer.page.locator('.account').textContent()).toContain('Vera Viewer');
    const sections = await viewer.page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents();
    expect(sections).toContain('Customers');
    expect(sections).not.toContain('Users');
    // A viewer reads customers but is offered no way to create one.
    await viewer.page.goto('/customers');
    expect(await viewer.page.getByRole('link', { name: 'New customer' }).count()).toBe(0);
    await expectClean(viewer.log);
    await viewer.context.close();
  });
});
