// What every e2e file uses: the stack from global-setup, one shared Chromium, a
// page that records everything that went wrong on it, screenshots, and an SDK
// client for arranging data directly against the API.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createNexusClient, type NexusClient } from '@nexus/sdk';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { REPO_ROOT } from '../../../scripts/lib/test-stack.mjs';

export const stack = inject('stack');
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

export function connectBrowser(): Promise<Browser> {
  return chromium.connect(stack.browserEndpoint);
}

/** Everything that went wrong while a page was open. */
export interface PageLog {
  /** Requests that got no answer (`requestfailed`): `METHOD url (reason)`. */
  failed: string[];
  /** Answers with status ≥ 400: `status METHOD url`. */
  errorStatuses: string[];
  /** `console.error` lines and uncaught exceptions. */
  consoleErrors: string[];
  /** Every request URL, to check none leaves the site. */
  urls: string[];
  /** Requests that carried an Authorization header (the browser never should). */
  withAuthorization: string[];
  /** Requests still waiting for their answer. */
  inflight: Set<unknown>;
  /** What happened on the page, in order (for the message of a failed check). */
  events: string[];
  /** Checks still running on failed requests. */
  checks: Promise<void>[];
}

/**
 * How long a page action (a click, a fill, a navigation) waits for the page to be
 * ready: a bound for a page that never gets there, generous for a loaded 2-core
 * machine (Swagger UI's Authorize button missed an 8 s wait there).
 */
export const PAGE_WAIT_MS = 30_000;

/** The log of each watched page, so helpers that only get the page can wait for it to be quiet. */
const logs = new WeakMap<Page, PageLog>();

export function watch(page: Page): PageLog {
  const log: PageLog = { failed: [], errorStatuses: [], consoleErrors: [], urls: [], withAuthorization: [], inflight: new Set(), events: [], checks: [] };
  logs.set(page, log);
  const started = Date.now();
  const note = (what: string) => log.events.push(`${Date.now() - started} ms ${what}`);
  page.on('framenavigated', (frame) => frame === page.mainFrame() && note(`navigated ${frame.url()}`));
  page.on('requestfinished', (request) => note(`done ${request.method()} ${request.url()}`));
  page.on('requestfinished', (request) => log.inflight.delete(request));
  page.on('request', (request) => {
    log.inflight.add(request);
    note(`request ${request.method()} ${request.url()}`);
    log.urls.push(request.url());
    if (request.headers()['authorization'] !== undefined) log.withAuthorization.push(`${request.method()} ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    note(`failed ${request.method()} ${request.url()} ${reason}`);
    // SvelteKit reads a page's data (`__data.json`) as a stream; Chromium sometimes
    // reports that fetch as cancelled after the whole answer arrived and the page
    // used it. Such a request did not fail: it had a complete 200 answer.
    const settled = request.response().then((response) => {
      const answered = response !== null && response.status() === 200;
      if (!(answered && reason === 'net::ERR_ABORTED' && new URL(request.url()).pathname.endsWith('/__data.json'))) {
        log.failed.push(`${request.method()} ${request.url()} (${reason})`);
      }
    });
    log.checks.push(settled);
    void settled.finally(() => log.inflight.delete(request));
  });
  page.on('response', (response) => {
    if (response.status() >= 400) log.errorStatuses.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => log.consoleErrors.push(`uncaught: ${error.message}`));
  return log;
}

/**
 * Waits until the page has had no request in flight for 250 ms: call it before
 * leaving a page, so the test never aborts a request the app made (a data reload
 * after a form action) and counts it as failed.
 */
export async function quiet(log: PageLog, timeoutMs = PAGE_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let calmSince = Date.now();
  while (Date.now() - calmSince < 250) {
    if (log.inflight.size > 0) calmSince = Date.now();
    if (Date.now() > deadline) throw new Error(`requests still in flight after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * No failed request, no error status, no console error, nothing outside the site, no token in the browser.
 * `expectedFailures` matches the `failed` entries a test means to cause (scripts refused when JavaScript is off).
 */
export async function expectClean(log: PageLog, options: { expectedFailures?: RegExp } = {}): Promise<void> {
  await quiet(log);
  await Promise.all(log.checks);
  const failed = log.failed.filter((request) => !options.expectedFailures?.test(request));
  expect(failed, `failed requests; what happened:\n${log.events.filter((e) => !e.includes('/_app/')).join('\n')}\n`).toEqual([]);
  expect(log.errorStatuses, 'answers with an error status').toEqual([]);
  expect(log.consoleErrors, 'console errors').toEqual([]);
  expect(log.urls.filter((url) => !url.startsWith(stack.webUrl) && !url.startsWith('data:')), 'requests leaving the site').toEqual([]);
  expect(log.withAuthorization, 'requests carrying Authorization').toEqual([]);
}

/** Watches `page`, and makes its `goto` and `reload` wait until the page is quiet first. */
function watchAndSettle(page: Page): PageLog {
  const log = watch(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args) => {
    await quiet(log);
    return goto(...args);
  };
  page.reload = async (...args) => {
    await quiet(log);
    return reload(...args);
  };
  return log;
}

/** A fresh browser context (its own cookies) with a watched page. */
export async function openPage(browser: Browser, options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    baseURL: stack.webUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 860 },
    acceptDownloads: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  return { context, page, log: watchAndSettle(page) };
}

/** A second tab in the same context (same cookies), watched too. */
export async function openTab(context: BrowserContext) {
  const page = await context.newPage();
  page.setDefaultTimeout(PAGE_WAIT_MS);
  return { page, log: watchAndSettle(page) };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `web-${name}.png`), fullPage: true });
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  // Without scripts signing in loads a new page: leave this one only once quiet (its favicon).
  const log = logs.get(page);
  if (log) await quiet(log);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** An SDK client signed in as the first admin, for arranging data. */
export async function adminClient(): Promise<NexusClient> {
  const anonymous = createNexusClient({ baseUrl: stack.apiUrl });
  const { data } = await anonymous.call('login', { body: stack.admin });
  return createNexusClient({ baseUrl: stack.apiUrl, token: data.accessToken });
}

/** A unique suffix, so tests sharing one database never collide. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
