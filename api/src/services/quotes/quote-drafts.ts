import { addDays } from '../../domain/quotes/calendar.js';
import type { QuoteStatus } from '../../domain/quotes/lifecycle.js';
import { formatQuoteNumber, quoteLabel } from '../../domain/quotes/numbering.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import type { Db } from '../../db/database.js';
import { MAX_LINES_PER_QUOTE } from '../../domain/quotes/limits.js';
import { findProductsByIds } from '../../repositories/products.js';
import {
  findQuote,
  insertQuote,
  insertQuoteLine,
  listQuoteLines,
  listQuotes,
  takeQuoteNumber,
  updateQuote,
  type NewQuoteLine,
} from '../../repositories/quotes.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';
import type { ExpectedVersion } from '../versions.js';
import { changeQuote } from './quote-changes.js';
import type { QuoteContext } from './quote-context.js';
import { expireDueQuotesNow } from './quote-expiry.js';
import { lineTotalOf, toPriced, totalsOf } from './quote-pricing.js';

const toPricedLine = (line: Pick<NewQuoteLine, 'quantity' | 'unitPriceMinor' | 'discountBp'>) => ({
  quantity: line.quantity,
  unitPriceMinor: line.unitPriceMinor,
  discountBp: line.discountBp,
});
import { toQuoteSummaryView, toQuoteView, type QuoteSummaryView, type QuoteView } from './quote-view.js';

export interface QuoteListQuery {
  limit: number;
  cursor?: string | undefined;
  status?: QuoteStatus | undefined;
  customerId?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
}

export interface NewQuoteInput {
  customerId: string;
  title: string;
  currency?: string | undefined;
  taxRateBp?: number | undefined;
  validUntil?: string | undefined;
  notes?: string | null | undefined;
}

/** A line of a draft made in one go (from a reviewed RFQ document): a catalogue product or a free-text item. */
export type DraftLineInput =
  | { productId: string; quantity: string; unit?: string | undefined }
  | { description: string; quantity: string; unit?: string | undefined; unitPriceMinor: number };

export type QuoteChanges = Partial<Omit<NewQuoteInput, 'notes'>> & { notes?: string | null | undefined };

/** Listing, reading, creating and editing quotes (the head of a quote; its lines are quote-lines.ts). */
export function quoteDrafts(ctx: QuoteContext) {
  const { deps } = ctx;

  /**
   * Creates a draft, with its lines if any, in the caller's transaction (a
   * document that asked for it is linked in the same one). Catalogue lines
   * copy the product's name, unit and price like addLine; a product that is no
   * longer sold, or is priced in another currency, becomes a free-text line at
   * price 0 for the salesperson to price. Publish after commit.
   */
  async function createDraft(
    trx: Db,
    caller: Caller,
    input: NewQuoteInput & { activitySummary?: string },
    lines: readonly DraftLineInput[],
  ): Promise<QuoteView> {
    if (lines.length > MAX_LINES_PER_QUOTE) {
      throw problems.conflict(`A quote holds at most ${MAX_LINES_PER_QUOTE} lines; this one would have ${lines.length}.`, { maxLines: MAX_LINES_PER_QUOTE });
    }
    const customer = await ctx.liveCustomer(trx, input.customerId);
    const issuedOn = ctx.today();
    const validUntil = input.validUntil ?? addDays(issuedOn, deps.config.QUOTE_VALIDITY_DAYS);
    ctx.notBeforeToday(validUntil);
    const currency = input.currency ?? deps.config.QUOTE_DEFAULT_CURRENCY;
    const taxRateBp = input.taxRateBp ?? deps.config.QUOTE_DEFAULT_TAX_RATE_BP;
    const products = await findProductsByIds(trx, lines.flatMap((line) => ('productId' in line ? [line.productId] : [])));
    const rows: NewQuoteLine[] = lines.map((line) => {
      const product = 'productId' in line ? products.get(line.productId) : undefined;
      if ('productId' in line && product && product.active && product.currency === currency) {
        const row = { productId: product.id, sku: product.sku, description: product.name, quantity: line.quantity, unit: line.unit ?? product.unit, unitPriceMinor: product.unit_price_minor, discountBp: 0, lineTotalMinor: 0 };
        return { ...row, lineTotalMinor: lineTotalOf(toPricedLine(row)) };
      }
      const description = 'description' in line ? line.description : product ? `${product.name} (${product.sku})` : 'Item';
      const row = { productId: null, sku: null, description, quantity: line.quantity, unit: line.unit ?? 'EA', unitPriceMinor: 'unitPriceMinor' in line ? line.unitPriceMinor : 0, discountBp: 0, lineTotalMinor: 0 };
      return { ...row, lineTotalMinor: lineTotalOf(toPricedLine(row)) };
    });
    // The number comes last: its counter row stays locked until this transaction commits.
    const year = Number(issuedOn.slice(0, 4));
    const number = formatQuoteNumber(year, await takeQuoteNumber(trx, year));
    const id = await insertQuote(trx, {
      number,
      revision: 1,
      revisionOf: null,
      customerId: customer.id,
      title: input.title,
      currency,
      taxRateBp,
      validUntil,
      notes: input.notes ?? null,
      createdBy: caller.id,
      totals: totalsOf(taxRateBp, rows.map(toPricedLine)),
    });
    for (const row of rows) await insertQuoteLine(trx, id, row);
    await recordActivity(trx, {
      actorId: caller.id,
      action: 'quote.created',
      entityType: 'quote',
      entityId: id,
      summary: input.activitySummary ?? `${caller.name} created quote ${number} for ${customer.name}`,
    });
    return toQuoteView((await findQuote(trx, id))!, rows.length === 0 ? [] : await listQuoteLines(trx, id), caller);
  }

  return {
    async list(caller: Caller, query: QuoteListQuery): Promise<{ items: QuoteSummaryView[]; nextCursor: string | null }> {
      const { limit, cursor, status, customerId, createdFrom, createdTo } = query;
      await expireDueQuotesNow(deps);
      const after = cursor ? decodeKeysetCursor(cursor) : undefined;
      const rows = await listQuotes(deps.db, {
        limit,
        ...(after ? { after } : {}),
        filters: {
          timeZone: deps.config.QUOTE_TIME_ZONE,
          ...(status ? { status } : {}),
          ...(customerId ? { customerId } : {}),
          ...(createdFrom ? { createdFrom } : {}),
          ...(createdTo ? { createdTo } : {}),
        },
      });
      const page = paginate(rows, limit);
      return { items: page.items.map((row) => toQuoteSummaryView(row, caller)), nextCursor: page.nextCursor };
    },

    async get(caller: Caller, id: string): Promise<QuoteView> {
      // Expiry changes the status, never the lines: both are read at once.
      const [quote, lines] = await Promise.all([ctx.readQuote(id), listQuoteLines(deps.db, id)]);
      return toQuoteView(quote, lines, caller);
    },

    async create(caller: Caller, input: NewQuoteInput, idempotencyKey: string | undefined): Promise<Created<QuoteView>> {
      const request = { userId: caller.id, key: idempotencyKey, operation: 'createQuote', payload: input };
      const created = await createOnce(deps.db, request, (trx) => createDraft(trx, caller, input, []));
      if (!created.replayed) await ctx.publish('created', created.value, caller);
      return created;
    },

    /** A draft with its lines, in the caller's transaction: see {@link createDraft}. Publish with `publishCreated` after commit. */
    createWithLines: createDraft,

    /** `quote.changed` (created) after the transaction of `createWithLines` committed. */
    publishCreated(quote: QuoteView, caller: Caller): Promise<void> {
      return ctx.publish('created', quote, caller);
    },

    async update(caller: Caller, request: { id: string; expected: ExpectedVersion }, changes: QuoteChanges): Promise<QuoteView> {
      const { id } = request;
      const changed = await changeQuote(ctx, { id, caller, expected: request.expected, draftOnly: true, change: 'updated' }, async (trx, quote, lines) => {
        if (changes.customerId !== undefined && changes.customerId !== quote.customer_id) await ctx.liveCustomer(trx, changes.customerId);
        if (changes.validUntil !== undefined) ctx.notBeforeToday(changes.validUntil);
        if (changes.currency !== undefined && changes.currency !== quote.currency && lines.length > 0) {
          throw problems.conflict(`The quote has lines priced in ${quote.currency}; remove them before changing the currency.`);
        }
        const taxRateBp = changes.taxRateBp ?? quote.tax_rate_bp;
        await updateQuote(trx, id, {
          ...changes,
          ...(changes.notes === undefined ? {} : { notes: changes.notes === '' ? null : changes.notes }),
          totals: totalsOf(taxRateBp, lines.map(toPriced)),
        });
        const fields = Object.keys(changes);
        return {
          action: 'quote.updated',
          summary: `${caller.name} updated ${fields.length > 0 ? fields.join(', ') : 'nothing'} of quote ${quoteLabel(quote)}`,
          details: { fields },
        };
      });
      return toQuoteView(changed.quote, changed.lines, caller);
    },
  };
}
