import { addDays } from '../../domain/quotes/calendar.js';
import { canRevise, listInWords, revisableStatuses, transitionQuote, type QuoteStatus } from '../../domain/quotes/lifecycle.js';
import { quoteLabel } from '../../domain/quotes/numbering.js';
import { newlyQuotedPairs } from '../../domain/quotes/quoted-pairs.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import {
  copyQuoteLines,
  findQuote,
  insertQuote,
  listQuoteLines,
  productSetsOfSentRevisions,
  takeRevision,
  updateQuote,
} from '../../repositories/quotes.js';
import { recordQuotedTogether } from '../../repositories/relations.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';
import type { ExpectedVersion } from '../versions.js';
import { changeQuote } from './quote-changes.js';
import type { QuoteContext } from './quote-context.js';
import { expireDueQuotesNow } from './quote-expiry.js';
import { toPriced, totalsOf } from './quote-pricing.js';
import { actorOf, toQuoteView, type QuoteView } from './quote-view.js';

/** The statuses a person can ask for (expiry is the system's). */
export type TransitionTarget = 'sent' | 'accepted' | 'rejected' | 'cancelled';

const VERBS: Record<TransitionTarget, string> = { sent: 'sent', accepted: 'marked as accepted', rejected: 'marked as rejected', cancelled: 'cancelled' };

/** Moving a quote through its lifecycle, and revising it into a new draft. */
export function quoteLifecycle(ctx: QuoteContext) {
  const { deps } = ctx;

  return {
    async transition(caller: Caller, request: { id: string; expected: ExpectedVersion }, to: TransitionTarget): Promise<QuoteView> {
      const changed = await changeQuote(
        ctx,
        { id: request.id, caller, expected: request.expected, draftOnly: false, change: 'status_changed' },
        async (trx, quote, lines) => {
          const verdict = transitionQuote({ status: quote.status, validUntil: quote.valid_until, lineCount: lines.length }, to, actorOf(caller), ctx.today());
          if (!verdict.ok) {
            const extensions = { currentStatus: verdict.from, allowedTransitions: verdict.allowed };
            if (verdict.reason === 'forbidden') throw problems.forbidden(`Only an admin can move a quote to ${to}; you are ${caller.role}.`);
            if (verdict.reason === 'guard') throw problems.conflict(verdict.detail, extensions);
            throw problems.conflict(
              `The quote is ${verdict.from}; it cannot go to ${to}. ` +
                (verdict.allowed.length > 0 ? `Allowed from ${verdict.from}: ${listInWords(verdict.allowed)}.` : `No further status is open to you from ${verdict.from}.`),
              extensions,
            );
          }
          await updateQuote(trx, quote.id, { status: to, ...(to === 'sent' ? { sentAt: new Date() } : {}) });
          if (to === 'sent') {
            // Sent quotes feed the QUOTED_WITH weights, once per pair per deal (number).
            const products = [...new Set(lines.map((line) => line.product_id).filter((p): p is string => p !== null))];
            const pairs = newlyQuotedPairs(products, await productSetsOfSentRevisions(trx, quote.number, quote.id));
            if (pairs.length > 0) await recordQuotedTogether(trx, pairs.map((pair) => [pair.a, pair.b]));
          }
          return { action: `quote.${to}`, summary: `${caller.name} ${VERBS[to]} quote ${quoteLabel(quote)}`, details: { from: quote.status, to } };
        },
      );
      return toQuoteView(changed.quote, changed.lines, caller);
    },

    async revise(caller: Caller, request: { id: string; idempotencyKey: string | undefined }): Promise<Created<QuoteView>> {
      const { id } = request;
      await expireDueQuotesNow(deps, [id]);
      const created = await createOnce(
        deps.db,
        { userId: caller.id, key: request.idempotencyKey, operation: 'reviseQuote', payload: { quoteId: id } },
        async (trx) => {
          const source = await findQuote(trx, id, { forUpdate: true });
          if (!source) throw problems.notFound('The quote');
          const status: QuoteStatus = ctx.statusToday(source);
          if (!canRevise(status)) {
            throw problems.conflict(
              `A ${status} quote cannot be revised; only ${listInWords(revisableStatuses())} quotes can.${status === 'draft' ? ' Edit the draft instead.' : ''}`,
              { currentStatus: status },
            );
          }
          const sourceLines = await listQuoteLines(trx, source.id);
          const revision = await takeRevision(trx, source.number);
          const newId = await insertQuote(trx, {
            number: source.number,
            revision,
            revisionOf: source.id,
            customerId: source.customer_id,
            title: source.title,
            currency: source.currency,
            taxRateBp: source.tax_rate_bp,
            validUntil: addDays(ctx.today(), deps.config.QUOTE_VALIDITY_DAYS),
            notes: source.notes,
            createdBy: caller.id,
            // Priced afresh from the lines rather than copied from the source row.
            totals: totalsOf(source.tax_rate_bp, sourceLines.map(toPriced)),
          });
          await copyQuoteLines(trx, source.id, newId);
          const label = quoteLabel({ number: source.number, revision });
          await recordActivity(trx, {
            actorId: caller.id,
            action: 'quote.revised',
            entityType: 'quote',
            entityId: newId,
            summary: `${caller.name} revised quote ${quoteLabel(source)} as ${label}`,
            details: { revisionOf: source.id },
          });
          await recordActivity(trx, {
            actorId: caller.id,
            action: 'quote.revision_created',
            entityType: 'quote',
            entityId: source.id,
            summary: `${caller.name} made revision ${label} of quote ${quoteLabel(source)}`,
            details: { revisionId: newId },
          });
          return toQuoteView((await findQuote(trx, newId))!, await listQuoteLines(trx, newId), caller);
        },
      );
      if (!created.replayed) await ctx.publish('revised', created.value, caller);
      return created;
    },
  };
}
