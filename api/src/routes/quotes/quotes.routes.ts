import { z } from '@hono/zod-openapi';
import { QUOTE_EDITOR_ROLES } from '../../domain/quotes/permissions.js';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, IfMatchHeaderSchema, PaginationQuerySchema, pageOf, UuidSchema } from '../../http/schemas.js';
import { quoteResponse } from './quotes.links.js';
import {
  CalendarDateSchema,
  CreateQuoteSchema,
  QuoteStatusSchema,
  QuoteSummarySchema,
  SuggestionsSchema,
  TransitionRequestSchema,
  UpdateQuoteSchema,
} from './quotes.schemas.js';

// A quote's own operations; its lines are in `quotes.lines.routes.ts`, the links between operations in `quotes.links.ts`.

const notFound = problem('No such quote.');
const WRITERS = QUOTE_EDITOR_ROLES;
const TAGS: ['Quotes'] = ['Quotes'];

export const list = defineRoute({
  method: 'get',
  path: '/api/quotes',
  operationId: 'listQuotes',
  summary: 'List quotes',
  description: 'Newest first. Quotes past their validity date show as expired.',
  tags: TAGS,
  security: BEARER,
  request: {
    query: PaginationQuerySchema.extend({
      status: QuoteStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
      customerId: UuidSchema.optional().openapi({ param: { name: 'customerId', in: 'query' } }),
      createdFrom: CalendarDateSchema.optional().openapi({
        param: { name: 'createdFrom', in: 'query' },
        description: 'Created on or after this date (in the configured time zone).',
      }),
      createdTo: CalendarDateSchema.optional().openapi({
        param: { name: 'createdTo', in: 'query' },
        description: 'Created on or before this date (in the configured time zone).',
      }),
    }),
  },
  responses: {
    200: {
      description: 'A page of quotes (without lines).',
      content: { 'application/json': { schema: pageOf(QuoteSummarySchema, 'QuotePage') } },
      links: { GetFirstListedQuote: { operationId: 'getQuote', parameters: { id: '$response.body#/items/0/id' } } },
    },
  },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/quotes',
  operationId: 'createQuote',
  summary: 'Create a draft quote',
  description: 'Takes the next number of the year (`Q-YYYY-NNNNNN`, gap-free). Tax rate, currency and validity default from configuration.',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateQuoteSchema } } },
  },
  responses: {
    201: quoteResponse('Created (or, for a retried Idempotency-Key, the quote created the first time).'),
    404: problem('No such customer.'),
    409: problem('The customer is archived, the validity date is in the past, or the Idempotency-Key was used for a different request.'),
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/quotes/{id}',
  operationId: 'getQuote',
  summary: 'Get a quote with its lines and totals',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: { 200: quoteResponse('The quote.'), 404: notFound },
});

export const update = defineRoute({
  method: 'patch',
  path: '/api/quotes/{id}',
  operationId: 'updateQuote',
  summary: 'Update a draft quote (optimistic concurrency with If-Match)',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: UpdateQuoteSchema } } },
  },
  responses: {
    200: quoteResponse('The updated quote.'),
    404: problem('No such quote (or customer).'),
    409: problem('The quote is not a draft (revise it instead), the customer is archived, the validity date is in the past, or the currency cannot change.'),
    412: problem('The quote changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const transition = defineRoute({
  method: 'post',
  path: '/api/quotes/{id}/transitions',
  operationId: 'transitionQuote',
  summary: 'Move a quote to another status',
  description:
    'draft → sent (needs a line) → accepted | rejected; an admin may cancel from any status. ' +
    'An illegal move is a 409 naming the current status (`currentStatus`) and the allowed ones (`allowedTransitions`). ' +
    'Expiry is automatic after the validity date.',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: TransitionRequestSchema } } },
  },
  responses: {
    200: quoteResponse('The quote in its new status.'),
    404: notFound,
    409: problem('Not allowed from the current status (see `currentStatus`, `allowedTransitions`), or the quote has no lines or is past its validity date.'),
    412: problem('The quote changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const revise = defineRoute({
  method: 'post',
  path: '/api/quotes/{id}/revisions',
  operationId: 'reviseQuote',
  summary: 'Revise a sent, rejected or expired quote',
  description: 'Creates a new draft with the same number and the next revision, its lines copied as they were, linked by `revisionOf`.',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: { params: IdParamsSchema, headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }) },
  responses: {
    201: quoteResponse('The new draft revision.'),
    404: notFound,
    409: problem('The quote cannot be revised from its status (see `currentStatus`), or the Idempotency-Key was used for a different request.'),
  },
});

export const pdf = defineRoute({
  method: 'get',
  path: '/api/quotes/{id}/pdf',
  operationId: 'getQuotePdf',
  summary: 'The quote as a PDF document',
  description:
    'Company header (from configuration), customer, lines, totals with the tax label and rate, validity. Rendered off the request thread on a bounded pool and kept per quote version (`PDF_CACHE_SECONDS`); when the pool is full or a PDF cannot be rendered the answer is 503 (`dependency`: `pdf renderer`) with `Retry-After`.',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The PDF.',
      headers: { 'Content-Disposition': { description: 'inline; filename="<number>.pdf"', schema: { type: 'string' as const } } },
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    404: notFound,
  },
});

export const suggestions = defineRoute({
  method: 'get',
  path: '/api/quotes/{id}/suggestions',
  operationId: 'getQuoteSuggestions',
  summary: 'Suggested additions to a draft, from the product graph',
  description: 'Required items (e.g. safety equipment) and accessories of the quoted products that the quote lacks, and products often quoted with them.',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'Suggestions, best first in each group.', content: { 'application/json': { schema: SuggestionsSchema } } },
    404: notFound,
    409: problem('Suggestions are for drafts.'),
  },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type UpdateRoute = typeof update;
export type TransitionRoute = typeof transition;
export type ReviseRoute = typeof revise;
export type PdfRoute = typeof pdf;
export type SuggestionsRoute = typeof suggestions;
