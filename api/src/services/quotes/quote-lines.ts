import { canonicalQuantity, type LineToPrice } from '@nexus/sdk/pricing';
import { canAddLine, MAX_LINES_PER_QUOTE } from '../../domain/quotes/limits.js';
import { quoteLabel } from '../../domain/quotes/numbering.js';
import { problems } from '../../lib/problem.js';
import { findProduct } from '../../repositories/products.js';
import { deleteQuoteLine, insertQuoteLine, updateQuote, updateQuoteLine, type NewQuoteLine } from '../../repositories/quotes.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';
import type { ExpectedVersion } from '../versions.js';
import { applyChange, changeQuote } from './quote-changes.js';
import type { QuoteContext } from './quote-context.js';
import { expireDueQuotesNow } from './quote-expiry.js';
import { lineTotalOf, toPriced, totalsOf } from './quote-pricing.js';
import { toQuoteView, type QuoteView } from './quote-view.js';

/** A catalogue product (its name, unit and price copied) or a free-text item. */
export type NewLineInput =
  | { productId: string; quantity: string; description?: string; unit?: string; unitPriceMinor?: number; discountBp?: number }
  | { description: string; quantity: string; unitPriceMinor: number; unit?: string; discountBp?: number };

export interface LineChanges {
  description?: string;
  quantity?: string;
  unit?: string;
  unitPriceMinor?: number;
  discountBp?: number;
}

/** Adding, changing and removing the lines of a draft; every change reprices the quote. */
export function quoteLines(ctx: QuoteContext) {
  const { deps } = ctx;

  return {
    async addLine(
      caller: Caller,
      request: { id: string; expected: ExpectedVersion; idempotencyKey: string | undefined },
      input: NewLineInput,
    ): Promise<Created<QuoteView>> {
      const { id } = request;
      await expireDueQuotesNow(deps, [id]);
      const created = await createOnce(
        deps.db,
        { userId: caller.id, key: request.idempotencyKey, operation: 'addQuoteLine', payload: { quoteId: id, line: input } },
        async (outer) => {
          const changed = await applyChange(ctx, outer, { id, caller, expected: request.expected, draftOnly: true }, async (trx, quote, lines) => {
            if (!canAddLine(lines.length)) {
              throw problems.conflict(`A quote holds at most ${MAX_LINES_PER_QUOTE} lines; this one is full.`, { maxLines: MAX_LINES_PER_QUOTE });
            }
            let line: NewQuoteLine;
            const discountBp = input.discountBp ?? 0;
            if ('productId' in input) {
              // Copied now, so that later catalogue changes never alter this quote.
              const product = await findProduct(trx, input.productId);
              if (!product) throw problems.notFound('The product');
              if (!product.active) throw problems.conflict(`Product ${product.sku} is no longer sold (inactive).`);
              if (input.unitPriceMinor === undefined && product.currency !== quote.currency) {
                throw problems.conflict(
                  `Product ${product.sku} is priced in ${product.currency} and the quote in ${quote.currency}; give unitPriceMinor in ${quote.currency}.`,
                );
              }
              line = {
                productId: product.id,
                sku: product.sku,
                description: input.description ?? product.name,
                quantity: input.quantity,
                unit: input.unit ?? product.unit,
                unitPriceMinor: input.unitPriceMinor ?? product.unit_price_minor,
                discountBp,
                lineTotalMinor: 0,
              };
            } else {
              line = {
                productId: null,
                sku: null,
                description: input.description,
                quantity: input.quantity,
                unit: input.unit ?? 'EA',
                unitPriceMinor: input.unitPriceMinor,
                discountBp,
                lineTotalMinor: 0,
              };
            }
            line.lineTotalMinor = lineTotalOf(line);
            const totals = totalsOf(quote.tax_rate_bp, [...lines.map(toPriced), line]);
            const inserted = await insertQuoteLine(trx, quote.id, line);
            await updateQuote(trx, quote.id, { totals });
            return {
              action: 'quote.line_added',
              summary: `${caller.name} added ${line.quantity} ${line.unit} ${line.description} to quote ${quoteLabel(quote)}`,
              details: { lineId: inserted.id, productId: line.productId },
            };
          });
          return toQuoteView(changed.quote, changed.lines, caller);
        },
      );
      if (!created.replayed) await ctx.publish('line_added', created.value, caller);
      return created;
    },

    async updateLine(caller: Caller, request: { id: string; lineId: string; expected: ExpectedVersion }, changes: LineChanges): Promise<QuoteView> {
      const { id, lineId } = request;
      const changed = await changeQuote(
        ctx,
        { id, caller, expected: request.expected, draftOnly: true, change: 'line_updated' },
        async (trx, quote, lines) => {
          const current = lines.find((line) => line.id === lineId);
          if (!current) throw problems.notFound('The quote line');
          const next: LineToPrice = {
            quantity: changes.quantity ?? canonicalQuantity(current.quantity),
            unitPriceMinor: changes.unitPriceMinor ?? current.unit_price_minor,
            discountBp: changes.discountBp ?? current.discount_bp,
          };
          const lineTotalMinor = lineTotalOf(next);
          const totals = totalsOf(quote.tax_rate_bp, lines.map((line) => (line.id === lineId ? next : toPriced(line))));
          await updateQuoteLine(trx, quote.id, lineId, { ...changes, lineTotalMinor });
          await updateQuote(trx, quote.id, { totals });
          return {
            action: 'quote.line_updated',
            summary: `${caller.name} changed line ${current.position} (${Object.keys(changes).join(', ') || 'nothing'}) of quote ${quoteLabel(quote)}`,
            details: { lineId, fields: Object.keys(changes) },
          };
        },
      );
      return toQuoteView(changed.quote, changed.lines, caller);
    },

    async removeLine(caller: Caller, request: { id: string; lineId: string; expected: ExpectedVersion }): Promise<QuoteView> {
      const { id, lineId } = request;
      const changed = await changeQuote(
        ctx,
        { id, caller, expected: request.expected, draftOnly: true, change: 'line_removed' },
        async (trx, quote, lines) => {
          const current = lines.find((line) => line.id === lineId);
          if (!current) throw problems.notFound('The quote line');
          await deleteQuoteLine(trx, quote.id, lineId);
          await updateQuote(trx, quote.id, { totals: totalsOf(quote.tax_rate_bp, lines.filter((line) => line.id !== lineId).map(toPriced)) });
          return {
            action: 'quote.line_removed',
            summary: `${caller.name} removed line ${current.position} (${current.description}) from quote ${quoteLabel(quote)}`,
            details: { lineId, productId: current.product_id },
          };
        },
      );
      return toQuoteView(changed.quote, changed.lines, caller);
    },
  };
}
