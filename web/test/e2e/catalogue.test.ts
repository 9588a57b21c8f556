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

const tag = unique().toUpperCase();
const sku = (name: string) => `${name}-${tag}`;
const catalogue = [
  'sku,name,brand,category,price,currency,stock,model_numbers,accessory_of,requires',
  `${sku('DRL')},Cordless Drill 18V ${tag},Makita,Power Tools,199.90,SGD,5,DHP482,,${sku('GOG')}`,
  `${sku('BIT')},Drill Bit Set 10pc ${tag},Makita,Accessories,19.90,SGD,20,,${sku('DRL')},`,
  `${sku('GOG')},Safety Goggles ${tag},3M,PPE,9.90,SGD,50,,,`,
  `${sku('BAD')},Broken price ${tag},Makita,Power Tools,12.5O,SGD,1,,,`,
  `,No SKU ${tag},Makita,,5,SGD,1,,,`,
  `${sku('OUT')},Impact Driver ${tag},Makita,Power Tools,249.00,SGD,0,,,`,
].join('\n');

describe('catalogue', () => {
  it('imports a small catalogue, following its progress and listing the rejected rows with their reasons', async () => {
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/products/imports');
    await page.getByLabel('Catalogue file').setInputFiles({ name: `catalogue-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(catalogue) });
    await Promise.all([page.waitForURL(/\/products\/imports\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Upload and import' }).click()]);

    const progress = page.locator('progress');
    await expect.poll(() => progress.isVisible()).toBe(true);
    // The page follows the job from the browser (SDK → /api proxy) until it is done.
    await expect.poll(() => page.locator('.page-head .badge').textContent(), { timeout: 20_000 }).toBe('succeeded');
    expect(await progress.getAttribute('value')).toBe('6');
    expect(await progress.getAttribute('max')).toBe('6');
    expect(await page.locator('.progress-text').textContent()).toContain('6 of 6 rows (100%)');

    const rejected = page.getByRole('region', { name: 'Rejected rows' });
    const rows = await rejected.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(sku('BAD'));
    expect(rows[0]).toContain('bad price');
    expect(rows[1]).toContain('missing SKU');
    const created = page.locator('.kpi').filter({ has: page.locator('.kpi-label', { hasText: /^Created$/ }) });
    expect(await created.locator('.kpi-value').textContent()).toBe('4');
    await screenshot(page, 'import');

    await page.goto('/products/imports');
    await expect.poll(() => page.getByRole('link', { name: `catalogue-${tag}.csv` }).count()).toBe(1);
    await screenshot(page, 'imports');
    await expectClean(log);
    await context.close();
  });

  it('searches with filters and opens a product with its related products from the graph', async () => {
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/products');
    await page.getByLabel('Search').fill(`drill ${tag}`);
    await page.getByLabel('Brand').fill('Makita');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('brand') === 'Makita'), page.getByRole('button', { name: 'Search' }).click()]);
    await expect.poll(() => page.getByRole('link', { name: `Cordless Drill 18V ${tag}` }).count()).toBe(1);
    expect(await page.getByRole('link', { name: `Safety Goggles ${tag}` }).count()).toBe(0);

    // A stock filter narrows to the product that is out of stock.
    await page.getByLabel('Search').fill(tag);
    await page.getByLabel('Stock').selectOption('false');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('inStock') === 'false'), page.getByRole('button', { name: 'Search' }).click()]);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody').textContent()).toContain(`Impact Driver ${tag}`);

    // An exact SKU is the best match.
    await page.getByLabel('Stock').selectOption('');
    await page.getByLabel('Search').fill(sku('DRL'));
    await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === sku('DRL')), page.getByRole('button', { name: 'Search' }).click()]);
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toContain('exact code');
    await screenshot(page, 'products');

    await page.getByRole('link', { name: `Cordless Drill 18V ${tag}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Cordless Drill 18V ${tag}`);
    const related = page.getByRole('region', { name: 'Related products' });
    // The graph is kept in sync from PostgreSQL shortly after the import.
    await expect
      .poll(
        async () => {
          if ((await related.getByRole('link').count()) < 2) await page.reload();
          return related.getByRole('link').allTextContents();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toEqual(expect.arrayContaining([`Drill Bit Set 10pc ${tag}`, `Safety Goggles ${tag}`]));
    await screenshot(page, 'product');

    await related.getByRole('link', { name: `Safety Goggles ${tag}` }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Safety Goggles ${tag}`);
    await expectClean(log);
    await context.close();
  });
});
