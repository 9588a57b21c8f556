import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/test-stack.mjs';
import { adminClient, connectBrowser, expectClean, openPage, screenshot, signIn, stack, unique } from './support';

let browser: Browser;
const tag = unique().toUpperCase();
const names = { grinder: `Angle Grinder 125mm ${tag}`, gloves: `Cut-resistant Gloves ${tag}`, disc: `Cutting Disc 125mm ${tag}` };
let customerName: string;

beforeAll(async () => {
  browser = await connectBrowser();
  // Arranged through the SDK: a customer, and products related in the graph.
  const api = await adminClient();
  customerName = `Quote Buyer ${tag}`;
  await api.call('createCustomer', { body: { name: customerName, email: `buyer-${tag.toLowerCase()}@example.com` } });
  const product = async (sku: string, name: string, unitPriceMinor: number) =>
    (await api.call('createProduct', { body: { sku: `${sku}-${tag}`, name, brand: 'Bosch', category: 'Power Tools', unitPriceMinor, currency: 'SGD', stockQuantity: 10 } })).data;
  const grinder = await product('GRD', names.grinder, 12_990);
  const gloves = await product('GLV', names.gloves, 1_450);
  const disc = await product('DSC', names.disc, 320);
  await api.call('createRelation', { body: { type: 'REQUIRES', productId: grinder.id, relatedProductId: gloves.id } });
  await api.call('createRelation', { body: { type: 'ACCESSORY_OF', productId: disc.id, relatedProductId: grinder.id } });
});
afterAll(async () => {
  await browser?.close();
});

describe('quotes', () => {
  it('builds a quote with live totals, adds suggested items, sends it, downloads its PDF and revises it', async () => {
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/quotes');
    await Promise.all([page.waitForURL('**/quotes/new'), page.getByRole('link', { name: 'New quote' }).click()]);
    await page.getByLabel('Customer').selectOption({ label: customerName });
    await page.getByLabel('Title').fill(`Workshop tools ${tag}`);
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Q-\d{4}-\d{6}\s*draft$/);
    expect(page.url()).toMatch(/\/quotes\/[0-9a-f-]{36}$/);

    // Find a product as you type (the browser's SDK through /api) and add two.
    await page.getByLabel('Find a product').pressSequentially(`grinder ${tag}`, { delay: 10 });
    const found = page.getByRole('list', { name: 'Products found' });
    await expect.poll(() => found.getByRole('listitem').count()).toBeGreaterThan(0);
    await found.getByLabel(`Quantity of ${names.grinder}`).fill('2');
    await found.getByRole('button', { name: `Add ${names.grinder}` }).click();
    const total = page.locator('[data-total="total"]');
    await expect.poll(() => total.textContent()).toBe('$283.18'); // 2 × 129.90 = 259.80, + 9 % GST 23.38

    // Totals follow the typing before anything is saved…
    await page.locator('table.lines').getByLabel(`Quantity of ${names.grinder}`).fill('3');
    await expect.poll(() => total.textContent()).toBe('$424.77'); // 389.70 + 35.07
    expect(await page.getByRole('status').filter({ hasText: 'not saved yet' }).count()).toBe(1);
    // …and are the server's once saved.
    await page.getByRole('button', { name: `Save line ${names.grinder}` }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'not saved yet' }).count()).toBe(0);
    expect(await total.textContent()).toBe('$424.77');

    // Suggestions from the graph: what the grinder requires, and its accessories.
    const suggestions = page.getByRole('region', { name: 'Suggested items' });
    await expect
      .poll(
        async () => {
          if ((await suggestions.getByRole('button', { name: `Add ${names.gloves}` }).count()) === 0) await page.reload();
          return suggestions.getByRole('button').allTextContents();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toHaveLength(2);
    expect(await suggestions.getByRole('list', { name: 'Required with the quoted items' }).textContent()).toContain(names.gloves);
    expect(await suggestions.getByRole('list', { name: 'Accessories' }).textContent()).toContain(names.disc);
    await screenshot(page, 'quote-draft');
    await suggestions.getByRole('button', { name: `Add ${names.gloves}` }).click();
    await expect.poll(() => page.locator('table.lines tbody tr').count()).toBe(2);
    await suggestions.getByRole('button', { name: `Add ${names.disc}` }).click();
    await expect.poll(() => page.locator('table.lines tbody tr').count()).toBe(3);
    // 389.70 + 14.50 + 3.20 = 407.40; GST 36.67; total 444.07
    await expect.poll(() => total.textContent()).toBe('$444.07');

    await page.getByRole('button', { name: 'Send to customer' }).click();
    await expect.poll(() => page.locator('h1 .badge').textContent()).toBe('sent');
    expect(await page.getByRole('region', { name: 'Suggested items' }).count()).toBe(0);
    await screenshot(page, 'quote-sent');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    const file = path.join(REPO_ROOT, 'test-results', 'web-quote.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    const number = (await page.getByRole('heading', { level: 1 }).textContent())?.match(/Q-\d{4}-\d{6}/)?.[0];
    const sentUrl = page.url();
    await Promise.all([page.waitForURL((url) => url.href !== sentUrl), page.getByRole('button', { name: 'Revise (new draft)' }).click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(new RegExp(`^${number} rev 2\\s*draft$`));
    expect(await page.locator('table.lines tbody tr').count()).toBe(3);

    // The list filters by status.
    await page.goto('/quotes?status=sent');
    await expect.poll(() => page.getByRole('link', { name: number! }).count()).toBe(1);
    await page.goto('/quotes?status=draft');
    await expect.poll(() => page.getByRole('link', { name: `${number} rev 2` }).count()).toBe(1);
    await screenshot(page, 'quotes');
    await expectClean(log);
    await context.close();
  });
});
