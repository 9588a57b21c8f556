import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import path from 'node:path';
import type { NexusClient } from '@nexus/sdk';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/test-stack.mjs';
import { freePort } from '../../../scripts/lib/test-stack.mjs';
import { startWeb } from './global-setup';
import { adminClient, connectBrowser, expectClean, openPage, openTab, quiet, screenshot, signIn, stack, unique } from './support';

let browser: Browser;
let api: NexusClient;
let slowWeb: Awaited<ReturnType<typeof startWeb>> | undefined;
let slowLine: Awaited<ReturnType<typeof startSlowLine>> | undefined;
const tag = unique().toUpperCase();
const customerName = `RFQ Sender ${tag}`;
const skus = { drill: `DCD-${tag}`, white: `HLM-WHT-${tag}`, yellow: `HLM-YEL-${tag}` };
const names = {
  drill: 'DeWalt 18V XR Brushless Compact Drill Driver Kit',
  white: 'Safety Helmet with Ratchet Harness, White',
  yellow: 'Safety Helmet with Ratchet Harness, Yellow',
};
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

beforeAll(async () => {
  browser = await connectBrowser();
  api = await adminClient();
  await api.call('createCustomer', { body: { name: customerName, email: `rfq-${tag.toLowerCase()}@example.com` } });
  const product = (sku: string, name: string, extra: { modelNumbers?: string[]; attributes?: Record<string, string> } = {}) =>
    api.call('createProduct', { body: { sku, name, brand: sku.startsWith('DCD') ? 'DeWalt' : 'Proguard', unitPriceMinor: 18_900, currency: 'SGD', stockQuantity: 10, ...extra } });
  await product(skus.drill, names.drill, { modelNumbers: [skus.drill] });
  await product(skus.white, names.white, { attributes: { colour: 'white' } });
  await product(skus.yellow, names.yellow, { attributes: { colour: 'yellow' } });
});
afterAll(async () => {
  await browser?.close();
  slowLine?.close();
  if (slowWeb && slowWeb.child.exitCode === null) {
    const exited = new Promise((resolve) => slowWeb!.child.once('exit', resolve));
    slowWeb.child.kill('SIGTERM');
    await exited;
  }
});

/**
 * A slow line to the dashboard: a TCP relay on its own port that passes the
 * browser's bytes on at `bytesPerSecond` (answers at full speed). DevTools'
 * upload throttling only delays a request as a whole, so it cannot show a bar move.
 */
async function startSlowLine(port: number, targetPort: number, bytesPerSecond: number) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    upstream.pipe(client);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      client.pause();
      setTimeout(() => client.resume(), (chunk.byteLength / bytesPerSecond) * 1000);
    });
    client.on('end', () => upstream.end());
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/**
 * A customer's RFQ as their spreadsheet makes it: a title block, the item table at
 * B5, and their logo (16 MB of image bytes: more than the
 * loopback's socket buffers take in at once, so the upload takes seconds on a slow line).
 */
async function rfqWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('RFQ');
  sheet.getCell('B2').value = `Jurong Works Pte Ltd - Request for Quotation ${tag}`;
  sheet.getCell('B3').value = 'Ref: RFQ-2026-0412';
  sheet.getRow(5).values = [undefined, 'No', 'Description', 'Model', 'Qty', 'Unit'];
  sheet.getRow(6).values = [undefined, 1, 'Cordless drill driver kit', skus.drill, 4, 'set'];
  sheet.getRow(7).values = [undefined, 2, 'Safety helmet', '', 20, 'pcs'];
  sheet.getRow(8).values = [undefined, 3, 'Hydraulic pallet jack 2.5 ton', '', 1, 'unit'];
  const logo = workbook.addImage({ buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(16 * 1024 * 1024)]) as never, extension: 'png' });
  sheet.addImage(logo, 'H2:J4');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The dashboard once more, reached over a slow line (the browser keeps its
 * cookies: they are per host, not port), for the upload whose progress we watch.
 */
async function dashboardOverSlowLine(bytesPerSecond: number): Promise<string> {
  const [port, webPort] = [await freePort(), await freePort()];
  const origin = `http://127.0.0.1:${port}`;
  slowWeb = await startWeb(stack.apiUrl, { ORIGIN: origin }, webPort);
  slowLine = await startSlowLine(port, webPort, bytesPerSecond);
  return origin;
}

/** An RFQ uploaded through the SDK, once it is read. */
async function readDocument(csv: string, name: string): Promise<string> {
  const { data: uploaded } = await api.call('uploadDocument', { body: { file: new File([csv], name, { type: 'text/csv' }) } });
  await expect
    .poll(async () => (await api.call('getDocument', { params: { path: { id: uploaded.id } } })).data.status, { timeout: 30_000, interval: 250 })
    .toBe('extracted');
  return uploaded.id;
}

const progressText = async (page: Page) => (await page.locator('.progress-text').textContent())?.replace(/\s+/g, ' ').trim();
const article = (page: Page, description: string) => page.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${description}`) }) });

describe('RFQ documents', () => {
  it('uploads an XLSX with visible progress, reviews the items beside their source, chooses a candidate and makes the quote', async () => {
    const xlsx = await rfqWorkbook();
    const fileName = `rfq-jurong-${tag}.xlsx`;
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents' }).click();
    await page.waitForURL('**/documents');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('RFQ documents');

    // The upload, in a second tab on a slow line (3 MB/s), so the bar has time to move.
    const slowOrigin = await dashboardOverSlowLine(3 * 1024 * 1024);
    const { page: slow, log: slowLog } = await openTab(context);
    await slow.goto(`${slowOrigin}/documents`);
    // From a file: Playwright streams it to the browser (a 16 MB buffer goes as one base64 message).
    const original = path.join(REPO_ROOT, 'test-results', fileName);
    mkdirSync(path.dirname(original), { recursive: true });
    writeFileSync(original, xlsx);
    await slow.getByLabel('RFQ file').setInputFiles(original, { timeout: 30_000 });
    await slow.getByLabel('Sent by').selectOption({ label: customerName });
    // What the bar shows, every change of it (Playwright's polling is too coarse to catch each step).
    await slow.evaluate(() => {
      const seen: { value: number; max: number; text: string }[] = [];
      Object.assign(window, { seen });
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Upload progress"]');
        if (bar) seen.push({ value: bar.value, max: bar.max, text: bar.parentElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '' });
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await slow.getByRole('button', { name: 'Upload' }).click();
    await slow.waitForURL(new RegExp(`/documents/${UUID}$`), { timeout: 30_000 });
    // The bytes went out step by step: the bar and its text moved part-way before it was full.
    const seen = await slow.evaluate(() => (window as unknown as { seen: { value: number; max: number; text: string }[] }).seen);
    const partWay = seen.filter((shown) => shown.value > 0 && shown.value < shown.max);
    expect(partWay.length, JSON.stringify(seen.map((shown) => shown.value))).toBeGreaterThanOrEqual(2);
    expect(partWay.every((shown, i) => i === 0 || shown.value >= partWay[i - 1]!.value)).toBe(true);
    expect(partWay[0]!.text).toMatch(/^Uploading… [\d.]+ MB of 16 MB \(\d+%\)$/);
    expect(seen.at(-1)).toMatchObject({ value: seen.at(-1)!.max, text: 'Uploaded; opening the document…' });
    expect(seen.at(-1)!.max).toBeGreaterThan(xlsx.byteLength); // the multipart body: the file and its part headers
    const documentId = slow.url().split('/').at(-1)!;
    await quiet(slowLog);
    await Promise.all(slowLog.checks);
    expect([...slowLog.failed, ...slowLog.errorStatuses, ...slowLog.consoleErrors], 'problems on the slow line').toEqual([]);
    expect(slowLog.urls.filter((url) => !url.startsWith(slowOrigin)), 'requests leaving the site').toEqual([]);
    expect(slowLog.withAuthorization).toEqual([]);
    await slow.close();
    await page.goto(`/documents/${documentId}`);

    // The page follows the job (SDK → /api proxy) until it is read.
    await expect.poll(() => page.locator('.page-head .badge').textContent(), { timeout: 30_000 }).toBe('extracted');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(fileName);
    expect(await progressText(page)).toMatch(/^3 requested items read · 1 with a catalogue product · 2 without/);

    // Each item beside where it is in the spreadsheet.
    const drill = article(page, 'Cordless drill driver kit');
    const helmet = article(page, 'Safety helmet');
    const jack = article(page, 'Hydraulic pallet jack 2.5 ton');
    expect(await drill.locator('.source').textContent()).toBe('sheet RFQ row 6');
    expect(await helmet.locator('.source').textContent()).toBe('sheet RFQ row 7');
    expect(await jack.locator('.source').textContent()).toBe('sheet RFQ row 8');
    // The code matched the model number: chosen, with its score and reason.
    expect(await drill.locator('.badge').first().textContent()).toBe('matched');
    expect(await drill.getByRole('radio', { name: new RegExp(skus.drill) }).isChecked()).toBe(true);
    expect(await drill.locator('.candidate.chosen').textContent()).toMatch(/score \d+%/);
    // A helmet without a colour is no confident match: flagged, with both helmets to choose from.
    expect(await helmet.getByText('no confident match').isVisible()).toBe(true);
    expect(await helmet.evaluate((el) => el.classList.contains('unmatched'))).toBe(true);
    expect(await helmet.getByRole('radio', { name: new RegExp(skus.white) }).count()).toBe(1);
    expect(await helmet.getByRole('radio', { name: new RegExp(skus.yellow) }).count()).toBe(1);
    expect(await helmet.getByRole('radio', { name: /No catalogue product/ }).isChecked()).toBe(true);
    // Nothing in the catalogue: flagged, a free-text line unless someone chooses.
    expect(await jack.getByText('no confident match').isVisible()).toBe(true);
    await screenshot(page, 'document-review');

    // Choose the white helmet and change the quantity.
    await helmet.getByRole('radio', { name: new RegExp(skus.white) }).check();
    await helmet.getByLabel('Quantity').fill('24');
    await helmet.getByRole('button', { name: 'Save item 2' }).click();
    await expect.poll(() => helmet.getByText('reviewed', { exact: true }).count()).toBe(1);
    expect(await helmet.getByRole('radio', { name: new RegExp(skus.white) }).isChecked()).toBe(true);
    expect(await helmet.evaluate((el) => el.classList.contains('unmatched'))).toBe(false);
    expect(await progressText(page)).toMatch(/· 2 with a catalogue product · 1 without/);
    const reviewed = (await api.call('getDocument', { params: { path: { id: documentId } } })).data.items.find((i) => i.position === 2)!;
    expect(reviewed).toMatchObject({ chosen: { sku: skus.white }, quantity: '24', reviewed: true });

    // The original, as uploaded.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download original' }).click()]);
    const saved = path.join(REPO_ROOT, 'test-results', 'web-document.xlsx');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(xlsx)).toBe(true);

    // The draft quote: catalogue lines for the chosen products, a free-text line for the jack.
    await Promise.all([page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Create quote' }).click()]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Q-\d{4}-\d{6}\s*draft$/);
    const quoteUrl = page.url();
    const lines = page.locator('table.lines tbody');
    await expect.poll(() => lines.textContent()).toContain(names.drill);
    expect(await lines.textContent()).toContain(names.white);
    expect(await lines.textContent()).toContain('Hydraulic pallet jack 2.5 ton');
    expect(await page.getByText(customerName).first().isVisible()).toBe(true);
    await screenshot(page, 'document-quote');

    // Back on the document: the quote is linked, and opens.
    await page.goto(`/documents/${documentId}`);
    expect(await page.getByRole('button', { name: 'Create quote' }).count()).toBe(0);
    await Promise.all([page.waitForURL(quoteUrl), page.getByRole('link', { name: /^Open quote Q-/ }).click()]);

    // The list (filtered by status) and the dashboard show it with its quote.
    await page.goto('/documents');
    await page.getByLabel('Status').selectOption('extracted');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('status') === 'extracted'), page.getByRole('button', { name: 'Filter' }).click()]);
    const row = page.locator('tbody tr').filter({ hasText: fileName });
    expect(await row.locator('.badge').textContent()).toBe('extracted');
    expect(await row.getByRole('link', { name: /^Q-/ }).count()).toBe(1);
    await page.getByLabel('Status').selectOption('failed');
    await Promise.all([page.waitForURL((url) => url.searchParams.get('status') === 'failed'), page.getByRole('button', { name: 'Filter' }).click()]);
    expect(await page.locator('tbody tr').filter({ hasText: fileName }).count()).toBe(0);
    await screenshot(page, 'documents');
    await page.goto('/');
    const recent = page.getByRole('region', { name: 'Recent RFQ documents' });
    expect(await recent.getByRole('link', { name: fileName }).count()).toBe(1);
    await expectClean(log);
    await context.close();
  }, 150_000);

  it('takes a dropped file, shows why it could not be read, and deletes it', async () => {
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/documents');
    const fileName = `notes-${tag}.txt`;
    // Prose with no requested item in it.
    const dataTransfer = await page.evaluateHandle(
      ([name, text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], name, { type: 'text/plain' }));
        return transfer;
      },
      [fileName, `Dear team,\nplease call me back about the delivery schedule for next month.\nRegards, Mr Tan ${tag}\n`] as const,
    );
    const zone = page.getByRole('region', { name: 'Upload a request for quotation' });
    // (Until the page's script has started, nothing listens: enter again until it shows.)
    await expect
      .poll(async () => {
        await zone.dispatchEvent('dragenter', { dataTransfer });
        return zone.evaluate((el) => el.classList.contains('dragging'));
      })
      .toBe(true);
    await zone.dispatchEvent('drop', { dataTransfer });
    expect(await page.getByTestId('chosen-file').textContent()).toContain(fileName);
    await Promise.all([page.waitForURL(new RegExp(`/documents/${UUID}$`)), page.getByRole('button', { name: 'Upload' }).click()]);

    // The job's reason, for the person who uploaded it.
    await expect.poll(() => page.locator('.page-head .badge').textContent(), { timeout: 30_000 }).toBe('failed');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('The document could not be read');
    expect(await alert.textContent()).toMatch(/no table with a quantity column found/i);
    expect(await page.getByRole('button', { name: 'Create quote' }).count()).toBe(0);
    await screenshot(page, 'document-nothing');

    await Promise.all([page.waitForURL(/\/documents$/), page.getByRole('button', { name: 'Delete document' }).click()]);
    expect(await page.locator('tbody tr').filter({ hasText: fileName }).count()).toBe(0);
    await expectClean(log);
    await context.close();
  });

  it('works without JavaScript: the form uploads, the page is reloaded to follow, and a quote for a document without a customer asks for one', async () => {
    // Without scripts every step loads a whole page, and Chromium asks for the favicon after
    // each load: the page is left only once quiet, so the test never aborts that request itself.
    const { context, page, log } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/documents');
    const fileName = `rfq-plain-${tag}.csv`;
    await page.getByLabel('RFQ file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(`Description,Qty,Unit,Remarks\nHydraulic pallet jack,2,unit,ref ${tag}\n`) });
    await quiet(log);
    await Promise.all([page.waitForURL(new RegExp(`/documents/${UUID}$`)), page.getByRole('button', { name: 'Upload' }).click()]);
    await expect
      .poll(
        async () => {
          const status = await page.locator('.page-head .badge').textContent();
          if (status !== 'extracted') await page.reload();
          return status;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe('extracted');
    const jack = article(page, 'Hydraulic pallet jack');
    expect(await jack.locator('.source').textContent()).toBe('row 2');
    expect(await jack.getByText('no confident match').isVisible()).toBe(true);

    // Nobody said who sent it: the quote needs a customer.
    const customer = page.getByLabel('Customer');
    expect(await customer.getAttribute('required')).not.toBeNull();
    await customer.selectOption({ label: customerName });
    await page.getByLabel('Title').fill(`Pallet jacks ${tag}`);
    await quiet(log);
    await Promise.all([page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Create quote' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Q-\d{4}-\d{6}\s*draft$/);
    expect(await page.locator('table.lines tbody').textContent()).toContain('Hydraulic pallet jack');
    expect(await page.getByText(`Pallet jacks ${tag}`).count()).toBeGreaterThan(0);
    // With scripts off Chromium refuses the app's modules ("csp"); nothing else may go wrong.
    await expectClean(log, { expectedFailures: /\/_app\/immutable\/.+ \(csp\)$/ });
    await context.close();
  });

  it('shows a viewer the documents without upload or review; a 412, a refused quantity and "not an item" on review', async () => {
    const id = await readDocument(`Description,Qty,Unit,Remarks\nSafety helmet,10,pcs,ref ${tag} B\n`, `rfq-helmets-${tag}.csv`);
    const viewer = { email: `viewer-${tag.toLowerCase()}@example.com`, password: `Viewer-${tag}-pass!` };
    await api.call('createUser', { body: { ...viewer, name: `Vera Viewer ${tag}`, role: 'viewer' } });

    const seen = await openPage(browser);
    await signIn(seen.page, viewer.email, viewer.password);
    await seen.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents' }).click();
    await seen.page.waitForURL('**/documents');
    expect(await seen.page.getByRole('region', { name: 'Upload a request for quotation' }).count()).toBe(0);
    await seen.page.getByRole('link', { name: `rfq-helmets-${tag}.csv` }).click();
    await seen.page.waitForURL(`**/documents/${id}`);
    const helmetSeen = article(seen.page, 'Safety helmet');
    expect(await helmetSeen.getByRole('radio', { name: new RegExp(skus.white) }).isDisabled()).toBe(true);
    expect(await helmetSeen.getByRole('button').count()).toBe(0);
    expect(await seen.page.getByRole('button', { name: /Create quote|Delete document/ }).count()).toBe(0);
    expect(await seen.page.getByRole('link', { name: 'Download original' }).count()).toBe(1);
    await expectClean(seen.log);
    await seen.context.close();

    // An admin reviews an item that someone changed since the page was read.
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto(`/documents/${id}`);
    const { data: before, etag } = await api.call('getDocument', { params: { path: { id } } });
    const white = before.items[0]!.candidates.find((c) => c.sku === skus.white)!;
    await api.call('updateDocumentItem', { params: { path: { id, itemId: before.items[0]!.id }, header: { 'if-match': etag! } }, body: { productId: white.productId } });

    const helmet = article(page, 'Safety helmet');
    await helmet.getByRole('radio', { name: new RegExp(skus.yellow) }).check();
    await helmet.getByRole('button', { name: 'Save item 1' }).click();
    await expect.poll(() => helmet.locator('.problem').textContent()).toMatch(/Precondition Failed/i);
    // The page now shows the version saved meanwhile; choosing again applies on top of it.
    await expect.poll(() => helmet.getByRole('radio', { name: new RegExp(skus.white) }).isChecked()).toBe(true);
    await helmet.getByRole('radio', { name: new RegExp(skus.yellow) }).check();
    await helmet.getByRole('button', { name: 'Save item 1' }).click();
    await expect.poll(() => helmet.locator('.problem').count()).toBe(0);
    expect(await helmet.getByRole('radio', { name: new RegExp(skus.yellow) }).isChecked()).toBe(true);
    const { data: after } = await api.call('getDocument', { params: { path: { id } } });
    expect(after.items[0]!.chosen?.sku).toBe(skus.yellow);

    // A quantity the contract refuses is shown by its field; "not an item" leaves it out.
    await helmet.getByLabel('Quantity').fill('ten');
    await helmet.getByRole('button', { name: 'Save item 1' }).click();
    await expect.poll(() => helmet.locator('.field.invalid').count()).toBe(1);
    expect(await helmet.locator('.field.invalid').textContent()).toContain('Quantity');
    await helmet.getByLabel('Quantity').fill('12');
    await helmet.getByLabel(/Not a requested item/).check();
    await helmet.getByRole('button', { name: 'Save item 1' }).click();
    await expect.poll(() => helmet.getByText('not an item', { exact: true }).count()).toBe(1);
    expect(await progressText(page)).toMatch(/· 1 marked not an item$/);
    expect(await page.getByRole('button', { name: 'Create quote' }).isDisabled()).toBe(true);
    const { data: excluded } = await api.call('getDocument', { params: { path: { id } } });
    expect(excluded.items[0]).toMatchObject({ notAnItem: true, quantity: '12' });
    await expectClean(log);
    await context.close();
  });

  it('pages through the list by cursor', async () => {
    // More documents than a page holds (25); their jobs are not waited for, and they are deleted after.
    const ids: string[] = [];
    for (let i = 1; i <= 26; i += 1) {
      const file = new File([`Note ${i} for ${tag}: nothing to quote here.\n`], `page-${tag}-${String(i).padStart(2, '0')}.txt`, { type: 'text/plain' });
      ids.push((await api.call('uploadDocument', { body: { file } })).data.id);
    }
    const { context, page, log } = await openPage(browser);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.goto('/documents');
    const names = () => page.locator('tbody tr td:first-child a').allTextContents();
    const first = await names();
    expect(first).toHaveLength(25);
    await Promise.all([page.waitForURL((url) => url.searchParams.has('cursor')), page.getByRole('link', { name: 'Next page' }).click()]);
    const second = await names();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((name) => first.includes(name))).toEqual([]);
    const ours = [...first, ...second].filter((name) => name.startsWith(`page-${tag}-`));
    expect(ours.sort()).toEqual(Array.from({ length: 26 }, (_, i) => `page-${tag}-${String(i + 1).padStart(2, '0')}.txt`));
    await Promise.all([page.waitForURL((url) => !url.searchParams.has('cursor')), page.getByRole('link', { name: 'First page' }).click()]);
    expect(await names()).toEqual(first);
    await expectClean(log);
    await context.close();
    for (const id of ids) await api.call('deleteDocument', { params: { path: { id } } });
  });
});
