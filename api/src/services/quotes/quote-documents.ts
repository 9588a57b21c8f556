import { canonicalQuantity } from '@nexus/sdk/pricing';
import { todayIn } from '../../domain/quotes/calendar.js';
import { problems } from '../../lib/problem.js';
import { cachedQuotePdf } from '../../pdf/cached-quote-pdf.js';
import { findCustomer } from '../../repositories/customers.js';
import { listQuoteLines } from '../../repositories/quotes.js';
import type { QuoteContext } from './quote-context.js';
import { quoteSuggestions } from './quote-suggestions.js';

/** What is derived from a quote without changing it: its PDF and what the product graph suggests adding. */
export function quoteDocuments(ctx: QuoteContext) {
  const { deps } = ctx;

  return {
    async pdf(id: string): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
      const quote = await ctx.readQuote(id);
      const [lines, customer] = await Promise.all([listQuoteLines(deps.db, quote.id), findCustomer(deps.db, quote.customer_id)]);
      const { config } = deps;
      const pdfDeps = { cache: deps.cache, pdfRenderer: deps.pdfRenderer, ttlSeconds: config.PDF_CACHE_SECONDS };
      const bytes = await cachedQuotePdf(pdfDeps, quote, {
        company: {
          name: config.COMPANY_NAME,
          addressLines: config.COMPANY_ADDRESS,
          phone: config.COMPANY_PHONE,
          email: config.COMPANY_EMAIL,
          taxId: config.COMPANY_TAX_ID,
        },
        taxLabel: config.QUOTE_TAX_LABEL,
        quote: {
          number: quote.number,
          revision: quote.revision,
          title: quote.title,
          status: quote.status,
          currency: quote.currency,
          taxRateBp: quote.tax_rate_bp,
          issuedOn: todayIn(config.QUOTE_TIME_ZONE, new Date(quote.sent_at ?? quote.created_at)),
          validUntil: quote.valid_until,
          notes: quote.notes,
          subtotalMinor: quote.subtotal_minor,
          taxMinor: quote.tax_minor,
          totalMinor: quote.total_minor,
        },
        customer: {
          name: customer?.name ?? quote.customer_name,
          company: customer?.company ?? null,
          billingAddress: customer?.billing_address ?? null,
          email: customer?.email ?? null,
          phone: customer?.phone ?? null,
          taxId: customer?.tax_id ?? null,
        },
        lines: lines.map((line) => ({
          position: line.position,
          sku: line.sku,
          description: line.description,
          quantity: canonicalQuantity(line.quantity),
          unit: line.unit,
          unitPriceMinor: line.unit_price_minor,
          discountBp: line.discount_bp,
          lineTotalMinor: line.line_total_minor,
        })),
      });
      return { fileName: `${quote.number}${quote.revision > 1 ? `-rev${quote.revision}` : ''}.pdf`, bytes: new Uint8Array(bytes) };
    },

    async suggestions(id: string) {
      const quote = await ctx.readQuote(id);
      if (quote.status !== 'draft') {
        throw problems.conflict(`Suggestions are for drafts; this quote is ${quote.status}.`, { currentStatus: quote.status });
      }
      return quoteSuggestions(deps, quote.id, await listQuoteLines(deps.db, quote.id));
    },
  };
}
