import type { Db } from '../../db/database.js';
import type { QuoteLineRow } from '../../db/schema.js';
import { isEditable } from '../../domain/quotes/lifecycle.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { findQuote, listQuoteLines, type QuoteRecord } from '../../repositories/quotes.js';
import type { Caller } from '../caller.js';
import { requireVersion, type ExpectedVersion } from '../versions.js';
import type { QuoteChange } from './quote-events.js';
import { expireDueQuotesNow } from './quote-expiry.js';
import type { QuoteContext } from './quote-context.js';

export interface ChangeRequest {
  id: string;
  caller: Caller;
  expected: ExpectedVersion;
  /** Edits are for drafts only; status changes are not. */
  draftOnly: boolean;
}

/** What a change did, for the activity log. */
export interface ChangeEntry {
  action: string;
  summary: string;
  details?: Record<string, unknown>;
}

export type ApplyChange = (trx: Db, quote: QuoteRecord, lines: QuoteLineRow[]) => Promise<ChangeEntry>;

export interface ChangedQuote {
  quote: QuoteRecord;
  lines: QuoteLineRow[];
}

/**
 * The frame of every change to one quote, inside the caller's transaction:
 * lock it, check the expected version and, for edits, that it is a draft;
 * apply the change and record it in the activity log.
 */
export async function applyChange(ctx: QuoteContext, trx: Db, request: ChangeRequest, apply: ApplyChange): Promise<ChangedQuote> {
  const quote = await findQuote(trx, request.id, { forUpdate: true });
  if (!quote) throw problems.notFound('The quote');
  // Under the row lock: of two writers holding the same ETag, exactly one gets past this.
  requireVersion(request.expected, quote.version, 'The quote');
  // Expired just now (the date turned since the sweep before this transaction)?
  const status = ctx.statusToday(quote);
  if (request.draftOnly && !isEditable(status)) throw ctx.notEditable(status);
  const lines = await listQuoteLines(trx, quote.id);
  const entry = await apply(trx, { ...quote, status }, lines);
  await recordActivity(trx, { actorId: request.caller.id, entityType: 'quote', entityId: quote.id, ...entry });
  const after = await findQuote(trx, quote.id);
  return { quote: after!, lines: await listQuoteLines(trx, quote.id) };
}

/** {@link applyChange} in a transaction of its own (after expiring the quote if due), publishing `quote.changed` after commit. */
export async function changeQuote(ctx: QuoteContext, request: ChangeRequest & { change: QuoteChange }, apply: ApplyChange): Promise<ChangedQuote> {
  await expireDueQuotesNow(ctx.deps, [request.id]);
  const changed = await ctx.deps.db.transaction().execute((trx) => applyChange(ctx, trx, request, apply));
  await ctx.publish(request.change, changed.quote, request.caller);
  return changed;
}
