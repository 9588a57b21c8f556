// The dashboard previews a quote's totals while someone types, with
// `previewQuote` from @nexus/sdk/pricing. This holds it to the server: quotes
// with generated lines are built through the real API, and every total the
// server stores is the one the preview computed — and a line the server
// refuses to price is one the preview has no total for.
import { ConflictError } from '@nexus/sdk';
import { formatQuantity, previewQuote, type LineToPrice } from '@nexus/sdk/pricing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UNIT_PRICE_MINOR } from '../src/domain/catalogue/money.js';
import { startTestApp, type TestApp } from './support/harness.js';

let t: TestApp;
let api: ReturnType<TestApp['client']>;
let customerId: string;

beforeAll(async () => {
  t = await startTestApp({ QUOTE_EXPIRY_SWEEP_SECONDS: '0' });
  api = t.client(await t.user('sales'));
  ({ data: { id: customerId } } = await api.call('createCustomer', { body: { name: 'Preview Agreement Pte Ltd' } }));
});
afterAll(async () => t?.close());

/** Everyday lines mostly, and now and then one at the limits the API accepts (whose total may be too large to carry). */
const line: fc.Arbitrary<LineToPrice> = fc.record({
  quantity: fc.oneof(
    fc.integer({ min: 1, max: 500 }).map(String),
    fc.integer({ min: 1, max: 100_000 }).map(formatQuantity),
    fc.integer({ min: 1, max: 9_999_999_999 }).map(formatQuantity),
  ),
  unitPriceMinor: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: MAX_UNIT_PRICE_MINOR })),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
});
const quote = fc.record({ taxRateBp: fc.integer({ min: 0, max: 10_000 }), lines: fc.array(line, { minLength: 1, maxLength: 6 }) });

describe('the live preview', () => {
  it('comes to the totals the server stores, line by line, on generated quotes', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(quote, async ({ taxRateBp, lines }) => {
        let { data: stored, etag } = await api.call('createQuote', { body: { customerId, title: 'Generated', taxRateBp } });
        const accepted: LineToPrice[] = [];
        for (const next of lines) {
          const preview = previewQuote({ taxRateBp, lines: [...accepted, next] });
          const adding = api.call('addQuoteLine', {
            params: { path: { id: stored.id }, header: { 'if-match': etag } },
            body: { description: 'Generated line', ...next },
          });
          if (preview === undefined) {
            // Too large to carry exactly: the server refuses the line rather than round it.
            await expect(adding).rejects.toBeInstanceOf(ConflictError);
            refused += 1;
            continue;
          }
          ({ data: stored, etag } = await adding);
          accepted.push(next);
          expect(stored.lines.map((l) => l.lineTotalMinor)).toEqual(preview.lineTotalsMinor);
          expect([stored.subtotalMinor, stored.taxMinor, stored.totalMinor]).toEqual([preview.subtotalMinor, preview.taxMinor, preview.totalMinor]);
        }
        const { data: read } = await api.call('getQuote', { params: { path: { id: stored.id } } });
        const preview = previewQuote({ taxRateBp, lines: read.lines });
        expect([read.subtotalMinor, read.taxMinor, read.totalMinor]).toEqual([preview?.subtotalMinor, preview?.taxMinor, preview?.totalMinor]);
      }),
      { numRuns: 30 },
    );
    // Generated quotes reach the limits too, or the refusal branch proves nothing.
    expect(refused).toBeGreaterThan(0);
  }, 180_000);
});
