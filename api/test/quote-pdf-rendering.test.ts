import { createNexusClient } from '@nexus/sdk';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINES_PER_QUOTE } from '../src/domain/quotes/limits.js';
import { ProblemError } from '../src/lib/problem.js';
import { createPdfRenderer } from '../src/pdf/pdf-renderer.js';
import type { QuoteDocument } from '../src/pdf/quote-pdf.js';
import { insertQuoteLine } from '../src/repositories/quotes.js';
import { startTestApp, type TestApp } from './support/harness.js';
import { listen } from './support/http-server.js';
import { problemOf } from './support/problems.js';

let t: TestApp;
let server: Awaited<ReturnType<typeof listen>>;
let sales: Awaited<ReturnType<TestApp['user']>>;
let viewer: Awaited<ReturnType<TestApp['user']>>;
beforeAll(async () => {
  t = await startTestApp({ PDF_RENDER_THREADS: '1', PDF_RENDER_QUEUE: '8' });
  server = await listen(t);
  sales = await t.user('sales');
  viewer = await t.user('viewer');
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

/** The SDK over the listening server, acting for the salesperson; no retries, so each answer is seen as sent. */
const api = () => createNexusClient({ baseUrl: server.url, token: sales.accessToken, retry: false });

const LONG_TEXT = 'Heavy-duty galvanised steel scaffolding coupler, swivel type, EN 74 class B; '.repeat(26).slice(0, 2000);

/** A draft with `count` lines: all but the last written straight to the database, the last through the API (which prices the quote). */
async function quoteWithLines(count: number, lastThroughApi = true) {
  const { data: customer } = await api().call('createCustomer', { body: { name: `Big Order Pte Ltd ${Date.now()}` } });
  const { data: quote } = await api().call('createQuote', { body: { customerId: customer.id, title: 'Scaffolding for the whole site' } });
  const direct = lastThroughApi ? count - 1 : count;
  for (let i = 0; i < direct; i += 1) {
    await insertQuoteLine(t.deps.db, quote.id, {
      productId: null,
      sku: null,
      description: `${i + 1}. ${LONG_TEXT}`.slice(0, 2000),
      quantity: '4',
      unit: 'EA',
      unitPriceMinor: 1_250,
      discountBp: 0,
      lineTotalMinor: 5_000,
    });
  }
  const path = { id: quote.id };
  let { etag } = await api().call('getQuote', { params: { path } });
  if (lastThroughApi) {
    const added = await api().call('addQuoteLine', {
      params: { path, header: { 'if-match': etag } },
      body: { description: LONG_TEXT, quantity: '1', unitPriceMinor: 990 },
    });
    expect(added.response.status).toBe(201);
    etag = added.etag;
  }
  return { id: quote.id, etag };
}

describe('quote PDFs', () => {
  it('render off the event loop: /api/health keeps answering while large PDFs render, none waiting a third as long as the renders', async () => {
    // Long enough that rendering on the event loop would stall every request for seconds.
    const quotes = await Promise.all([quoteWithLines(60), quoteWithLines(60)]);
    let rendering = true;
    const renderStarted = performance.now();
    const renders = Promise.all(
      quotes.map(async ({ id }) => {
        const answer = await fetch(`${server.url}/api/quotes/${id}/pdf`, { headers: viewer.auth });
        return { status: answer.status, bytes: (await answer.arrayBuffer()).byteLength };
      }),
    ).finally(() => (rendering = false));

    const healthTimes: number[] = [];
    while (rendering) {
      const started = performance.now();
      const health = await fetch(`${server.url}/api/health`);
      await health.arrayBuffer();
      healthTimes.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const results = await renders;
    const renderMs = performance.now() - renderStarted;
    expect(results.map((result) => result.status)).toEqual([200, 200]);
    expect(results.every((result) => result.bytes > 10_000)).toBe(true);
    expect(healthTimes.length).toBeGreaterThan(3);
    // Rendered on the event loop, each PDF would be one synchronous stretch of about half the
    // rendering time (the thread renders them one after the other), and a health request sent
    // meanwhile would wait all of it. Off the loop, an answer waits only for the machine: a bound
    // relative to the rendering time holds on an idle machine (renders ~2.5 s, bound ~0.8 s) and
    // on a loaded one, where everything, renders included, takes several times longer.
    const summary = `renders took ${Math.round(renderMs)} ms; health answers (ms): ${healthTimes.map(Math.round).join(' ')}`;
    expect(Math.max(...healthTimes), summary).toBeLessThan(renderMs / 3);
  }, 180_000);

  it('are kept per quote version: the same bytes until the quote changes', async () => {
    const { id, etag } = await quoteWithLines(3);
    const pdf = async () => Buffer.from(await (await api().call('getQuotePdf', { params: { path: { id } } })).data.arrayBuffer());
    const first = await pdf();
    // pdfkit stamps each rendering with its creation time: equal bytes mean it was not rendered again.
    expect((await pdf()).equals(first)).toBe(true);
    const changed = await api().call('updateQuote', { params: { path: { id }, header: { 'if-match': etag } }, body: { title: 'Scaffolding, phase two' } });
    expect(changed.response.status).toBe(200);
    expect((await pdf()).equals(first)).toBe(false);
  }, 120_000);
});

describe('quote size limits', () => {
  it(`refuses a line beyond ${MAX_LINES_PER_QUOTE} with a 409 problem naming the limit`, async () => {
    const { id, etag } = await quoteWithLines(MAX_LINES_PER_QUOTE, false);
    const refused = await problemOf(
      api().call('addQuoteLine', { params: { path: { id }, header: { 'if-match': etag } }, body: { description: 'One too many', quantity: '1', unitPriceMinor: 100 } }),
    );
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(refused.problem).toMatchObject({ status: 409, maxLines: MAX_LINES_PER_QUOTE });
  });

  it('refuses line text longer than the contract allows', async () => {
    const { id, etag } = await quoteWithLines(1, false);
    const refused = await problemOf(
      api().call('addQuoteLine', { params: { path: { id }, header: { 'if-match': etag } }, body: { description: 'x'.repeat(2001), quantity: '1', unitPriceMinor: 100 } }),
    );
    expect(refused.status).toBe(400);
  });

  it('documents the limits in the contract', async () => {
    const contract = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { maxItems?: number; maxLength?: number }> }> };
    };
    expect(contract.components.schemas['Quote']!.properties['lines']!.maxItems).toBe(MAX_LINES_PER_QUOTE);
    expect(contract.components.schemas['AddFreeTextQuoteLine']!.properties['description']!.maxLength).toBe(2000);
    expect(contract.components.schemas['CreateQuoteRequest']!.properties['title']!.maxLength).toBe(200);
  });
});

describe('the PDF rendering pool', () => {
  const document: QuoteDocument = {
    company: { name: 'Lim Industrial Supplies Pte Ltd' },
    taxLabel: 'GST',
    quote: {
      number: 'Q-2026-000001',
      revision: 1,
      title: 'Pool test',
      status: 'draft',
      currency: 'SGD',
      taxRateBp: 900,
      issuedOn: '2026-12-02',
      validUntil: '2026-12-31',
      notes: null,
      subtotalMinor: 100,
      taxMinor: 9,
      totalMinor: 109,
    },
    customer: { name: 'Tan Hardware', company: null, billingAddress: null, email: null, phone: null, taxId: null },
    lines: Array.from({ length: 5 }, (_, i) => ({
      position: i + 1,
      sku: null,
      description: LONG_TEXT,
      quantity: '1',
      unit: 'EA',
      unitPriceMinor: 100,
      discountBp: 0,
      lineTotalMinor: 100,
    })),
  };
  const logger = pino({ level: 'silent' });

  it('answers 503 with Retry-After when more PDFs wait than it queues', async () => {
    const pool = createPdfRenderer({ threads: 1, maxQueued: 1, memoryLimitMb: 128, timeoutMs: 60_000 }, logger);
    try {
      const outcomes = await Promise.allSettled([pool.render(document), pool.render(document), pool.render(document)]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(2);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ProblemError);
      expect(refused.reason).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('ends a thread that runs over its time limit and fails that PDF with a 503; the next PDF gets a fresh thread', async () => {
    const pool = createPdfRenderer({ threads: 1, maxQueued: 4, memoryLimitMb: 128, timeoutMs: 1 }, logger);
    try {
      await expect(pool.render(document)).rejects.toMatchObject({ status: 503, extensions: { dependency: 'pdf renderer' } });
      // Had the ended thread been reused, this would never settle.
      await expect(pool.render(document)).rejects.toMatchObject({ status: 503 });
    } finally {
      await pool.close();
    }
  });
});
