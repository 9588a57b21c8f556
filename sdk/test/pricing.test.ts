import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASIS_POINTS,
  PricingError,
  QuantityError,
  formatQuantity,
  parseQuantity,
  previewQuote,
  priceLine,
  priceQuote,
  roundHalfUp,
  QUANTITY_PATTERN,
  type LineToPrice,
} from '../src/pricing/index.js';

/** Quantities as the API accepts them: 0.001 … 9,999,999.999. */
const quantity = fc.integer({ min: 1, max: 9_999_999_999 }).map(formatQuantity);
/** Everyday lines: totals stay far from the limits. */
const line: fc.Arbitrary<LineToPrice> = fc.record({
  quantity: fc.oneof(fc.integer({ min: 1, max: 100_000 }).map(formatQuantity), fc.integer({ min: 1, max: 10_000 }).map(String)),
  unitPriceMinor: fc.integer({ min: 0, max: 100_000_000 }),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: BASIS_POINTS })),
});
const taxRateBp = fc.integer({ min: 0, max: BASIS_POINTS });
const lines = fc.array(line, { maxLength: 30 });

/** The exact line value as a fraction of minor units: quantity(thousandths) × price × (10000 − discount) / 10^7. */
const exactLine = (l: LineToPrice) => ({
  numerator: BigInt(parseQuantity(l.quantity)) * BigInt(l.unitPriceMinor) * BigInt(BASIS_POINTS - l.discountBp),
  denominator: 10_000_000n,
});

describe('priceQuote', () => {
  it('total = subtotal + tax, and subtotal = Σ line totals', () => {
    fc.assert(
      fc.property(lines, taxRateBp, (ls, rate) => {
        const priced = priceQuote({ taxRateBp: rate, lines: ls });
        expect(priced.totalMinor).toBe(priced.subtotalMinor + priced.taxMinor);
        expect(priced.subtotalMinor).toBe(priced.lineTotalsMinor.reduce((a, b) => a + b, 0));
        expect(priced.lineTotalsMinor).toEqual(ls.map(priceLine));
      }),
    );
  });

  it('is never negative, and every amount is a whole number of minor units', () => {
    fc.assert(
      fc.property(lines, taxRateBp, (ls, rate) => {
        const priced = priceQuote({ taxRateBp: rate, lines: ls });
        for (const amount of [priced.subtotalMinor, priced.taxMinor, priced.totalMinor, ...priced.lineTotalsMinor]) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        lines.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        taxRateBp,
        ([ls, shuffled], rate) => {
          const a = priceQuote({ taxRateBp: rate, lines: ls });
          const b = priceQuote({ taxRateBp: rate, lines: shuffled });
          expect([b.subtotalMinor, b.taxMinor, b.totalMinor]).toEqual([a.subtotalMinor, a.taxMinor, a.totalMinor]);
        },
      ),
    );
  });

  it('rounds each line half-up: within half a minor unit of the exact value, and exactly .5 goes up', () => {
    fc.assert(
      fc.property(line, (l) => {
        const { numerator, denominator } = exactLine(l);
        const total = BigInt(priceLine(l));
        // |total − exact| ≤ ½  ⇔  |2·total·d − 2·n| ≤ d, and a tie (= d) only ever rounds up.
        const twiceDiff = 2n * total * denominator - 2n * numerator;
        expect(twiceDiff <= denominator && twiceDiff > -denominator).toBe(true);
      }),
    );
  });

  it('taxes the subtotal once, rounded half-up', () => {
    fc.assert(
      fc.property(lines, taxRateBp, (ls, rate) => {
        const priced = priceQuote({ taxRateBp: rate, lines: ls });
        const twiceDiff = 2n * BigInt(priced.taxMinor) * 10_000n - 2n * BigInt(priced.subtotalMinor) * BigInt(rate);
        expect(twiceDiff <= 10_000n && twiceDiff > -10_000n).toBe(true);
      }),
    );
  });

  it('never lets a discount raise a line, and a 100 % discount makes it free', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: 0, max: BASIS_POINTS }), (l, more) => {
        const discounted = priceLine({ ...l, discountBp: Math.max(l.discountBp, more) });
        expect(discounted).toBeLessThanOrEqual(priceLine(l));
        expect(priceLine({ ...l, discountBp: BASIS_POINTS })).toBe(0);
      }),
    );
  });

  it('gives the same totals for one line of n as for n lines of one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 10_000_000 }), taxRateBp, (n, price, rate) => {
        const one = priceQuote({ taxRateBp: rate, lines: [{ quantity: String(n), unitPriceMinor: price, discountBp: 0 }] });
        const many = priceQuote({ taxRateBp: rate, lines: Array.from({ length: n }, () => ({ quantity: '1', unitPriceMinor: price, discountBp: 0 })) });
        expect(many.totalMinor).toBe(one.totalMinor);
      }),
    );
  });

  it('prices known cases to the cent', () => {
    // 3 × 19.99 less 10 % = 53.973 → 53.97; 2.5 × 4.01 = 10.025 → 10.03 (half up); GST 9 % of 64.00 = 5.76.
    const priced = priceQuote({
      taxRateBp: 900,
      lines: [
        { quantity: '3', unitPriceMinor: 1999, discountBp: 1000 },
        { quantity: '2.5', unitPriceMinor: 401, discountBp: 0 },
      ],
    });
    expect(priced).toEqual({ lineTotalsMinor: [5397, 1003], subtotalMinor: 6400, taxMinor: 576, totalMinor: 6976 });
    expect(priceQuote({ taxRateBp: 900, lines: [] })).toEqual({ lineTotalsMinor: [], subtotalMinor: 0, taxMinor: 0, totalMinor: 0 });
    // 0.5 minor units of tax round up: 50 × 1 % = 0.5 → 1.
    expect(priceQuote({ taxRateBp: 100, lines: [{ quantity: '1', unitPriceMinor: 50, discountBp: 0 }] }).taxMinor).toBe(1);
  });

  it('refuses amounts beyond what JSON and PostgreSQL carry exactly, rather than rounding them', () => {
    expect(() => priceLine({ quantity: '9999999.999', unitPriceMinor: 1_000_000_000_000, discountBp: 0 })).toThrow(PricingError);
    expect(() => priceQuote({ taxRateBp: 0, lines: [{ quantity: '1', unitPriceMinor: -1, discountBp: 0 }] })).toThrow(PricingError);
    expect(() => priceQuote({ taxRateBp: 10_001, lines: [] })).toThrow(PricingError);
  });

  it('rounds half-up exactly at the boundary', () => {
    expect(roundHalfUp(5n, 10n)).toBe(1n);
    expect(roundHalfUp(4n, 10n)).toBe(0n);
    expect(roundHalfUp(15n, 10n)).toBe(2n);
    expect(roundHalfUp(25n, 10n)).toBe(3n);
  });
});

describe('previewQuote', () => {
  it('is priceQuote for every quote priceQuote accepts', () => {
    fc.assert(
      fc.property(lines, taxRateBp, (ls, rate) => {
        expect(previewQuote({ taxRateBp: rate, lines: ls })).toEqual(priceQuote({ taxRateBp: rate, lines: ls }));
      }),
    );
  });

  it('is undefined, not an error, while a line is not a valid one yet', () => {
    const valid = { quantity: '2', unitPriceMinor: 100, discountBp: 0 };
    for (const typed of [{ quantity: '2.' }, { quantity: '' }, { quantity: '0' }, { unitPriceMinor: -1 }, { unitPriceMinor: 1.5 }, { discountBp: 10_001 }]) {
      const line = { ...valid, ...typed };
      expect(() => priceQuote({ taxRateBp: 900, lines: [valid, line] })).toThrow('quantity' in typed ? QuantityError : PricingError);
      expect(previewQuote({ taxRateBp: 900, lines: [valid, line] }), JSON.stringify(typed)).toBeUndefined();
    }
    expect(previewQuote({ taxRateBp: -1, lines: [valid] })).toBeUndefined();
  });
});

describe('quantities', () => {
  it('round-trip between text and thousandths for every accepted value', () => {
    fc.assert(
      fc.property(quantity, (text) => {
        expect(QUANTITY_PATTERN.test(text)).toBe(true);
        expect(formatQuantity(parseQuantity(text))).toBe(text);
      }),
    );
  });

  it('accept positive decimals with up to 3 places and refuse the rest', () => {
    for (const ok of ['1', '2.5', '0.001', '0.5', '0.05', '12.125', '9999999.999', '10.0']) expect(QUANTITY_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['0', '0.0', '0.000', '-1', '1.2345', '01', '', '1e3', ' 1', '10000000', '.5']) expect(QUANTITY_PATTERN.test(bad), bad).toBe(false);
  });
});
