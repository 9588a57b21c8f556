import { z } from '@hono/zod-openapi';
import { QUOTE_STATUSES } from '../../domain/quotes/lifecycle.js';
import { MAX_LINES_PER_QUOTE } from '../../domain/quotes/limits.js';
import { nonBlankText, TimestampSchema, UuidSchema } from '../../http/schemas.js';
import { MinorUnitsSchema, QuoteLineSchema } from './quotes.lines.schemas.js';

export const QuoteStatusSchema = z.enum(QUOTE_STATUSES).openapi('QuoteStatus', {
  description: 'draft → sent → accepted | rejected; draft/sent → expired after the validity date; any → cancelled (admin).',
});

/** Statuses a person can ask for (expiry is the system's). */
export const TransitionTargetSchema = z.enum(['sent', 'accepted', 'rejected', 'cancelled']).openapi('QuoteTransitionTarget');

/**
 * A calendar date `YYYY-MM-DD` that exists (leap years included, year 0001
 * on), as one pattern so that clients check exactly what the server does.
 */
const CALENDAR_DATE = new RegExp(
  '^(?:(?:000[1-9]|00[1-9]\\d|0[1-9]\\d{2}|[1-9]\\d{3})-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
    '|(?:\\d\\d(?:[2468][048]|[13579][26]|0[48])|(?:[2468][048]|[13579][26]|0[48])00)-02-29)$',
);

export const CalendarDateSchema = z
  .string()
  .regex(CALENDAR_DATE, 'Must be a date that exists, like 2026-12-31.')
  .openapi({ format: 'date', example: '2026-12-31' });

const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 code such as SGD.')
  .openapi({ description: 'ISO 4217 currency code.', example: 'SGD' });

const quoteFields = {
  id: UuidSchema,
  number: z.string().openapi({ example: 'Q-2026-000123', description: '`Q-YYYY-NNNNNN`, gap-free per year; revisions keep it.' }),
  revision: z.number().int().openapi({ description: '1 for the original; a revision has the next number.' }),
  revisionOf: UuidSchema.nullable().openapi({ description: 'The quote this one revises.' }),
  customerId: UuidSchema,
  customerName: z.string(),
  title: z.string(),
  currency: z.string(),
  taxRateBp: z.number().int().openapi({ description: 'Tax rate in basis points (9% = 900).' }),
  validUntil: z.string().openapi({ format: 'date', description: 'Valid through this day; expires after it.' }),
  notes: z.string().nullable(),
  status: QuoteStatusSchema,
  allowedTransitions: z.array(QuoteStatusSchema).openapi({
    description:
      'Statuses **you** can move it to now (`POST /api/quotes/{id}/transitions`): per caller, because who may take a step depends on the step ' +
      '(any staff member sends, accepts and rejects; only an admin cancels), which the operation’s roles cannot say. Empty for a viewer.',
  }),
  editable: z.boolean().openapi({
    description: 'Whether its details and lines can be changed now (drafts only). Who may change them is the roles of `updateQuote`.',
  }),
  revisable: z.boolean().openapi({
    description:
      'Whether a revision can be made from it now (`POST /api/quotes/{id}/revisions`: it was sent, rejected or expired). ' +
      'A fact of the quote, the same for every caller; who may revise is the roles of `reviseQuote`.',
  }),
  subtotalMinor: MinorUnitsSchema,
  taxMinor: MinorUnitsSchema.openapi({ description: 'round-half-up(subtotal × tax rate).' }),
  totalMinor: MinorUnitsSchema.openapi({ description: 'subtotal + tax.' }),
  statusChangedAt: TimestampSchema,
  sentAt: TimestampSchema.nullable(),
  version: z.number().int().openapi({ description: 'Increments on every change (lines too); the `ETag` is this number in quotes.' }),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

export const QuoteSummarySchema = z.object(quoteFields).openapi('QuoteSummary');

export const QuoteSchema = z
  .object({
    ...quoteFields,
    lines: z.array(QuoteLineSchema).max(MAX_LINES_PER_QUOTE).openapi({ description: `At most ${MAX_LINES_PER_QUOTE} lines.` }),
  })
  .openapi('Quote');

const TitleSchema = nonBlankText(200).openapi({ example: 'Site tools for Jurong project' });
const NotesSchema = z.string().trim().max(5000).nullable().openapi({ example: 'Delivery within 5 working days.' });
const TaxRateSchema = z.number().int().min(0).max(10_000).openapi({ description: 'Tax rate in basis points (9% = 900).', example: 900 });

export const CreateQuoteSchema = z
  .object({
    customerId: UuidSchema,
    title: TitleSchema,
    currency: CurrencySchema.optional().openapi({ description: 'Defaults to the configured currency.' }),
    taxRateBp: TaxRateSchema.optional().openapi({ description: 'Defaults to the configured rate.' }),
    validUntil: CalendarDateSchema.optional().openapi({ description: 'Defaults to today plus the configured validity days. Not before today.' }),
    notes: NotesSchema.optional(),
  })
  .openapi('CreateQuoteRequest');

export const UpdateQuoteSchema = z
  .object({
    customerId: UuidSchema.optional(),
    title: TitleSchema.optional(),
    currency: CurrencySchema.optional().openapi({ description: 'Only while the quote has no lines.' }),
    taxRateBp: TaxRateSchema.optional(),
    validUntil: CalendarDateSchema.optional().openapi({ description: 'Not before today.' }),
    notes: NotesSchema.optional(),
  })
  .openapi('UpdateQuoteRequest', { description: 'Drafts only. Only the fields present change; `null` clears notes.' });

export const TransitionRequestSchema = z
  .object({ to: TransitionTargetSchema.openapi({ example: 'sent' }) })
  .openapi('QuoteTransitionRequest', { example: { to: 'sent' } });

export const SuggestionSchema = z
  .object({
    productId: UuidSchema,
    sku: z.string(),
    name: z.string(),
    unit: z.string(),
    unitPriceMinor: MinorUnitsSchema,
    currency: z.string(),
    inStock: z.boolean(),
    score: z.number().openapi({ description: 'Higher first.' }),
    reasons: z.array(z.string()).openapi({ description: 'Why, one entry per product of the quote that led here.' }),
    forProductIds: z.array(UuidSchema).openapi({ description: 'Products of the quote that led to this suggestion.' }),
  })
  .openapi('QuoteSuggestion');

export const SuggestionsSchema = z
  .object({
    quoteId: UuidSchema,
    required: z.array(SuggestionSchema).openapi({ description: 'Items the quoted products require (e.g. safety equipment) and the quote lacks.' }),
    accessories: z.array(SuggestionSchema).openapi({ description: 'Accessories of the quoted products the quote lacks.' }),
    oftenQuotedTogether: z.array(SuggestionSchema).openapi({ description: 'Products often on the same sent quotes (QUOTED_WITH).' }),
  })
  .openapi('QuoteSuggestions');
