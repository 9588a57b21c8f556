import { z } from '@hono/zod-openapi';
import { QUOTE_EDITOR_ROLES } from '../../domain/quotes/permissions.js';
import { MAX_LINES_PER_QUOTE } from '../../domain/quotes/limits.js';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, IfMatchHeaderSchema, UuidSchema } from '../../http/schemas.js';
import { quoteResponse, quoteWithLineLinks } from './quotes.links.js';
import { AddQuoteLineSchema, UpdateQuoteLineSchema } from './quotes.lines.schemas.js';

// The lines of a draft quote: each change answers the whole quote with new totals.

const WRITERS = QUOTE_EDITOR_ROLES;
const TAGS: ['Quotes'] = ['Quotes'];

const LineParamsSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
  lineId: UuidSchema.openapi({ param: { name: 'lineId', in: 'path' } }),
});

export const addLine = defineRoute({
  method: 'post',
  path: '/api/quotes/{id}/lines',
  operationId: 'addQuoteLine',
  summary: 'Add a line to a draft quote',
  description:
    'A catalogue product copies its name, unit and current price onto the line (later catalogue changes do not alter the quote); ' +
    'a free-text item gives its own. Answers the whole quote with new totals.',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema, 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: AddQuoteLineSchema } } },
  },
  responses: {
    201: quoteResponse('The quote with the new line last.', quoteWithLineLinks),
    404: problem('No such quote or product.'),
    409: problem(
      `The quote is not a draft, already holds ${MAX_LINES_PER_QUOTE} lines (the most a quote may have; see \`maxLines\`), the product is inactive or priced in another currency, the total would be too large, or the Idempotency-Key was used for a different request.`,
    ),
    412: problem('The quote changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const updateLine = defineRoute({
  method: 'patch',
  path: '/api/quotes/{id}/lines/{lineId}',
  operationId: 'updateQuoteLine',
  summary: 'Change a line of a draft quote',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    params: LineParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: UpdateQuoteLineSchema } } },
  },
  responses: {
    200: quoteResponse('The quote with the changed line and new totals.', quoteWithLineLinks),
    404: problem('No such quote or line.'),
    409: problem('The quote is not a draft, or the total would be too large.'),
    412: problem('The quote changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const removeLine = defineRoute({
  method: 'delete',
  path: '/api/quotes/{id}/lines/{lineId}',
  operationId: 'removeQuoteLine',
  summary: 'Remove a line from a draft quote',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: { params: LineParamsSchema, headers: z.object({ 'if-match': IfMatchHeaderSchema }) },
  responses: {
    200: quoteResponse('The quote without the line, with new totals.'),
    404: problem('No such quote or line.'),
    409: problem('The quote is not a draft.'),
    412: problem('The quote changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export type AddLineRoute = typeof addLine;
export type UpdateLineRoute = typeof updateLine;
export type RemoveLineRoute = typeof removeLine;
