import { quoteContext, type QuotesDeps } from './quote-context.js';
import { quoteDocuments } from './quote-documents.js';
import { quoteDrafts } from './quote-drafts.js';
import { quoteLifecycle } from './quote-lifecycle.js';
import { quoteLines } from './quote-lines.js';

export { expireDueQuotesNow, startQuoteExpirySweep } from './quote-expiry.js';
export { QUOTE_CHANGED_CHANNEL, type QuoteChangedEvent, type QuoteChange } from './quote-events.js';
export type { QuoteView, QuoteSummaryView } from './quote-view.js';

/** The quote use cases: drafts and their lines, the lifecycle and revisions, PDFs and suggestions. */
export function quotesService(deps: QuotesDeps) {
  const ctx = quoteContext(deps);
  return { ...quoteDrafts(ctx), ...quoteLines(ctx), ...quoteLifecycle(ctx), ...quoteDocuments(ctx) };
}

export type QuotesService = ReturnType<typeof quotesService>;
