import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServicesEnv } from '../../scripts/lib/services-env.mjs';
import { REPO_ROOT } from '../../scripts/lib/test-stack.mjs';
import { startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let server: ServerType;
let baseUrl: string;
let browser: Browser;

/**
 * How long to wait for the page to get somewhere (Swagger UI renders the whole
 * contract in the browser): a bound for a page that never does, generous for a
 * loaded 2-core machine where an 8 s wait for the Authorize button ran out.
 */
const UI_WAIT_MS = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
      baseUrl = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
  browser = await chromium.launch({
    executablePath: loadServicesEnv().CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await t?.close();
});

describe('Swagger UI at /docs', { timeout: 4 * UI_WAIT_MS }, () => {
  it('renders every operation using nothing but the API itself', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    const requested: string[] = [];
    const failed: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('requestfailed', (request) => failed.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await page.goto(`${baseUrl}/docs`);
    const contract = (await (await fetch(`${baseUrl}/openapi.json`)).json()) as { paths: Record<string, object> };
    const operationCount = Object.values(contract.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    await page.waitForFunction(`document.querySelectorAll('.opblock').length === ${operationCount}`, undefined, { timeout: UI_WAIT_MS });

    await page.getByRole('button', { name: /authorize/i }).first().click();
    await expect.poll(() => page.locator('.modal-ux').count(), { timeout: UI_WAIT_MS }).toBe(1);

    const dir = path.join(REPO_ROOT, 'test-results', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'swagger-ui.png'), fullPage: false });

    const foreign = requested.filter((url) => !url.startsWith(baseUrl) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requested).toContain(`${baseUrl}/openapi.json`);
  });

  it('authorizes with a token, sends it to a protected operation, and keeps it across reloads', async () => {
    const user = await t.user('viewer', 'Swagger Viewer');
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_WAIT_MS);
    await page.goto(`${baseUrl}/docs`);
    await page.getByRole('button', { name: /authorize/i }).first().click();
    await page.getByLabel('auth-bearer-value').fill(user.accessToken);
    await page.getByRole('button', { name: 'Apply credentials' }).click();
    await page.locator('.modal-ux .btn-done').click();

    const execute = async () => {
      const operation = page.locator('#operations-Auth-getCurrentUser');
      await operation.locator('.opblock-summary').click();
      await operation.getByRole('button', { name: /try it out/i }).click();
      await operation.getByRole('button', { name: /execute/i }).click();
      const status = operation.locator('.live-responses-table tbody .response-col_status').first();
      await status.waitFor({ timeout: UI_WAIT_MS });
      return (await status.innerText()).trim();
    };
    expect(await execute()).toBe('200');
    await page.screenshot({ path: path.join(REPO_ROOT, 'test-results', 'screenshots', 'swagger-ui-try-it-out.png') });

    // A new visit (no deep link) still has the token: persistAuthorization keeps it in the browser.
    await page.goto(`${baseUrl}/docs`);
    expect(await execute()).toBe('200');
  });
});
