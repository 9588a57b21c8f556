import { PricingError, canonicalQuantity, priceLine, priceQuote, type LineToPrice } from '@nexus/sdk/pricing';
import type { QuoteLineRow } from '../../db/schema.js';
import { problems } from '../../lib/problem.js';

/** A stored line as the pricing function reads it. */
export const toPriced = (line: Pick<QuoteLineRow, 'quantity' | 'unit_price_minor' | 'discount_bp'>): LineToPrice => ({
  quantity: canonicalQuantity(line.quantity),
  unitPriceMinor: line.unit_price_minor,
  discountBp: line.discount_bp,
});

/** Pricing refusals (amounts beyond what can be carried exactly) are conflicts with the quote's other lines. */
function priced<T>(price: () => T): T {
  try {
    return price();
  } catch (error) {
    if (error instanceof PricingError) throw problems.conflict(`The quote cannot be priced: ${error.message}.`);
    throw error;
  }
}

export const lineTotalOf = (line: LineToPrice) => priced(() => priceLine(line));

/** New totals from every line, written with the change (which bumps the version). */
export function totalsOf(taxRateBp: number, lines: readonly LineToPrice[]) {
  const pricing = priced(() => priceQuote({ taxRateBp, lines }));
  return { subtotalMinor: pricing.subtotalMinor, taxMinor: pricing.taxMinor, totalMinor: pricing.totalMinor };
}
