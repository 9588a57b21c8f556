import type { AppDeps } from '../../deps.js';
import type { Db } from '../../db/database.js';
import { todayIn } from '../../domain/quotes/calendar.js';
import { canRevise, isDueToExpire, type QuoteStatus } from '../../domain/quotes/lifecycle.js';
import { problems } from '../../lib/problem.js';
import { findCustomer } from '../../repositories/customers.js';
import { findQuote, type QuoteRecord } from '../../repositories/quotes.js';
import type { Caller } from '../caller.js';
import { publishQuoteChanged, type QuoteChange } from './quote-events.js';
import { expireDueQuotesNow } from './quote-expiry.js';

export type QuotesDeps = Pick<AppDeps, 'db' | 'config' | 'pubsub' | 'logger' | 'graph' | 'cache' | 'pdfRenderer'>;

/** The rules every quote use case shares: the calendar of the quote time zone, customers that can be quoted, events. */
export function quoteContext(deps: QuotesDeps) {
  const today = () => todayIn(deps.config.QUOTE_TIME_ZONE);

  /** The status as of today: a quote past its validity date is expired even if the sweep has not reached it yet. */
  const statusToday = (quote: Pick<QuoteRecord, 'status' | 'valid_until'>): QuoteStatus =>
    isDueToExpire({ status: quote.status, validUntil: quote.valid_until }, today()) ? 'expired' : quote.status;

  return {
    deps,
    today,
    statusToday,

    notBeforeToday(validUntil: string) {
      const now = today();
      if (validUntil < now) {
        throw problems.conflict(`validUntil ${validUntil} is before today (${now}); a quote must be valid at least until today.`);
      }
    },

    async liveCustomer(db: Db, id: string) {
      const customer = await findCustomer(db, id);
      if (!customer) throw problems.notFound('The customer');
      if (customer.archived_at !== null) throw problems.conflict(`Customer ${customer.name} is archived; restore the customer first.`);
      return customer;
    },

    /** Reads a quote as it is now: one past its validity date is expired first, so a stale status is never shown. */
    async readQuote(id: string): Promise<QuoteRecord> {
      const quote = await findQuote(deps.db, id);
      if (!quote) throw problems.notFound('The quote');
      // The row says whether it is due: only then is it expired (with its activity entry and event) and read again.
      if (!isDueToExpire({ status: quote.status, validUntil: quote.valid_until }, today())) return quote;
      await expireDueQuotesNow(deps, [id]);
      const expired = await findQuote(deps.db, id);
      if (!expired) throw problems.notFound('The quote');
      return expired;
    },

    notEditable(status: QuoteStatus) {
      return problems.conflict(
        `Only drafts can be edited; this quote is ${status}.${canRevise(status) ? ' Revise it to make a new draft.' : ''}`,
        { currentStatus: status },
      );
    },

    /** `quote.changed` for live views, after commit. */
    publish(change: QuoteChange, quote: Pick<QuoteRecord, 'id' | 'number' | 'revision' | 'status' | 'version'>, caller: Caller | null) {
      return publishQuoteChanged(deps, {
        change,
        quoteId: quote.id,
        number: quote.number,
        revision: quote.revision,
        status: quote.status,
        version: quote.version,
        actorId: caller?.id ?? null,
      });
    },
  };
}

export type QuoteContext = ReturnType<typeof quoteContext>;
