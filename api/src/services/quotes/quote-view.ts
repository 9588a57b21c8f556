import { canonicalQuantity } from '@nexus/sdk/pricing';
import type { QuoteLineRow } from '../../db/schema.js';
import { allowedTransitions, canRevise, isEditable, type TransitionActor } from '../../domain/quotes/lifecycle.js';
import type { QuoteRecord } from '../../repositories/quotes.js';
import type { Caller } from '../caller.js';

/**
 * A quote as the API shows it (the contract's `Quote` / `QuoteSummary`),
 * including what the caller may do with it next. Plain JSON, so it can be
 * stored with an idempotency key and replayed as it was.
 */

export const actorOf = (caller: Caller): TransitionActor => ({ kind: 'user', role: caller.role });

const iso = (value: Date | string) => new Date(value).toISOString();

export function toQuoteLineView(row: QuoteLineRow) {
  return {
    id: row.id,
    position: row.position,
    productId: row.product_id,
    sku: row.sku,
    description: row.description,
    quantity: canonicalQuantity(row.quantity),
    unit: row.unit,
    unitPriceMinor: row.unit_price_minor,
    discountBp: row.discount_bp,
    lineTotalMinor: row.line_total_minor,
  };
}

export function toQuoteSummaryView(row: QuoteRecord, caller: Caller) {
  return {
    id: row.id,
    number: row.number,
    revision: row.revision,
    revisionOf: row.revision_of,
    customerId: row.customer_id,
    customerName: row.customer_name,
    title: row.title,
    currency: row.currency,
    taxRateBp: row.tax_rate_bp,
    validUntil: row.valid_until,
    notes: row.notes,
    status: row.status,
    allowedTransitions: allowedTransitions(row.status, actorOf(caller)),
    editable: isEditable(row.status),
    revisable: canRevise(row.status),
    subtotalMinor: row.subtotal_minor,
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
    statusChangedAt: iso(row.status_changed_at),
    sentAt: row.sent_at ? iso(row.sent_at) : null,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toQuoteView(row: QuoteRecord, lines: readonly QuoteLineRow[], caller: Caller) {
  return { ...toQuoteSummaryView(row, caller), lines: lines.map(toQuoteLineView) };
}

export type QuoteSummaryView = ReturnType<typeof toQuoteSummaryView>;
export type QuoteView = ReturnType<typeof toQuoteView>;
