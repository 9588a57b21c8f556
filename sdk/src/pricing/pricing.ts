import { parseQuantity, QuantityError } from './quantity.js';

/**
 * Prices a quote in integer minor units. Pure and dependency-free: the API
 * prices every stored quote with this very code, and the dashboard's live
 * preview and third parties (`@nexus/sdk/pricing`) compute the totals the
 * server will compute — a property test holds the two to it.
 *
 *   line total = round-half-up(quantity × unit price × (1 − discount))
 *   subtotal   = Σ line totals
 *   tax        = round-half-up(subtotal × tax rate)
 *   total      = subtotal + tax
 *
 * Tax is taken once on the subtotal (not per line), so the order and the
 * grouping of lines can never change it. Arithmetic is BigInt throughout;
 * results must fit a JSON-safe integer or {@link PricingError} is thrown.
 */

export const BASIS_POINTS = 10_000;

/** The largest amount a quote may carry: exact in JSON numbers and in PostgreSQL bigint. */
export const MAX_AMOUNT_MINOR = Number.MAX_SAFE_INTEGER;

export interface LineToPrice {
  /** Exact decimal text, e.g. "2.5" (see quantity.ts). */
  quantity: string;
  unitPriceMinor: number;
  /** Discount in basis points of the line: 1250 = 12.5 %. */
  discountBp: number;
}

export interface QuoteToPrice {
  /** Tax rate in basis points: 900 = 9 %. */
  taxRateBp: number;
  lines: readonly LineToPrice[];
}

export interface QuotePricing {
  lineTotalsMinor: number[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export class PricingError extends Error {
  override name = 'PricingError';
}

/** round-half-up(numerator / denominator) for non-negative integers. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new PricingError('amounts must not be negative');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function checkedAmount(value: bigint, what: string): number {
  if (value > BigInt(MAX_AMOUNT_MINOR)) throw new PricingError(`the ${what} exceeds the largest amount supported (${MAX_AMOUNT_MINOR} minor units)`);
  return Number(value);
}

function checkInteger(value: number, min: number, max: number, what: string) {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new PricingError(`${what} must be an integer from ${min} to ${max}`);
}

/**
 * The total of one line, in minor units.
 *
 * @example
 * priceLine({ quantity: '2.5', unitPriceMinor: 1299, discountBp: 1000 }); // 2923 (2.5 × 12.99 × 0.9 = 29.2275 → 29.23)
 */
export function priceLine(line: LineToPrice): number {
  checkInteger(line.unitPriceMinor, 0, MAX_AMOUNT_MINOR, 'unit price');
  checkInteger(line.discountBp, 0, BASIS_POINTS, 'discount');
  const thousandths = BigInt(parseQuantity(line.quantity));
  const numerator = thousandths * BigInt(line.unitPriceMinor) * BigInt(BASIS_POINTS - line.discountBp);
  return checkedAmount(roundHalfUp(numerator, 1000n * BigInt(BASIS_POINTS)), 'line total');
}

/**
 * A quote's line totals, subtotal, tax and total, exactly as the server computes
 * them. Throws {@link PricingError} or {@link QuantityError} for input the server
 * would refuse.
 *
 * @example
 * import { priceQuote } from '@nexus/sdk/pricing';
 *
 * priceQuote({ taxRateBp: 900, lines: [{ quantity: '2', unitPriceMinor: 12_990, discountBp: 0 }] });
 * // { lineTotalsMinor: [25980], subtotalMinor: 25980, taxMinor: 2338, totalMinor: 28318 }
 */
export function priceQuote(quote: QuoteToPrice): QuotePricing {
  checkInteger(quote.taxRateBp, 0, BASIS_POINTS, 'tax rate');
  const lineTotalsMinor = quote.lines.map(priceLine);
  const subtotal = lineTotalsMinor.reduce((sum, total) => sum + BigInt(total), 0n);
  const tax = roundHalfUp(subtotal * BigInt(quote.taxRateBp), BigInt(BASIS_POINTS));
  return {
    lineTotalsMinor,
    subtotalMinor: checkedAmount(subtotal, 'subtotal'),
    taxMinor: checkedAmount(tax, 'tax'),
    totalMinor: checkedAmount(subtotal + tax, 'total'),
  };
}

/**
 * Like {@link priceQuote}, but `undefined` instead of an error when a line is not
 * a valid one (yet): for totals shown while someone is still typing.
 *
 * @example
 * import { previewQuote } from '@nexus/sdk/pricing';
 *
 * previewQuote({ taxRateBp: 900, lines: [{ quantity: '2.', unitPriceMinor: 100, discountBp: 0 }] }); // undefined
 */
export function previewQuote(quote: QuoteToPrice): QuotePricing | undefined {
  try {
    return priceQuote(quote);
  } catch (error) {
    if (error instanceof PricingError || error instanceof QuantityError) return undefined;
    throw error;
  }
}
