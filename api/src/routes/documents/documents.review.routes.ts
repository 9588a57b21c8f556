import { z } from '@hono/zod-openapi';
import { QUOTE_EDITOR_ROLES } from '../../domain/quotes/permissions.js';
import { etagHeader, problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, IfMatchHeaderSchema, UuidSchema } from '../../http/schemas.js';
import { QuoteSchema } from '../quotes/quotes.schemas.js';
import { DOCUMENT_ETAG as ETAG, documentDetailLinks } from './documents.links.js';
import { CreateQuoteFromDocumentSchema, DocumentDetailSchema, UpdateDocumentItemSchema } from './documents.schemas.js';

// The review of a read document: each requested item checked or corrected, then a draft quote made from them.

const TAGS: ['Documents'] = ['Documents'];
const WRITERS = QUOTE_EDITOR_ROLES;

const ItemParamsSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
  itemId: UuidSchema.openapi({ param: { name: 'itemId', in: 'path' } }),
});

export const updateItem = defineRoute({
  method: 'patch',
  path: '/api/documents/{id}/items/{itemId}',
  operationId: 'updateDocumentItem',
  summary: 'Review a requested item: the chosen product, quantity, unit, or not an item',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    params: ItemParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: UpdateDocumentItemSchema } } },
  },
  responses: {
    200: { description: 'The document with the changed item.', headers: ETAG, content: { 'application/json': { schema: DocumentDetailSchema } }, links: documentDetailLinks },
    404: problem('No such document, item or product.'),
    409: problem('The document is not read yet (or failed).'),
    412: problem('The document changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const createQuote = defineRoute({
  method: 'post',
  path: '/api/documents/{id}/quote',
  operationId: 'createQuoteFromDocument',
  summary: 'Create a draft quote from the reviewed items',
  description:
    'One line per item in document order, "not an item"s left out: an item with a chosen product becomes a catalogue line ' +
    '(name, unit and current price copied); one without — or whose product is inactive or priced in another currency — a free-text ' +
    'line at price 0, to be priced. The document links to the quote; a document makes at most one quote (409 with `quoteId` after).',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateQuoteFromDocumentSchema } } },
  },
  responses: {
    201: {
      description: 'The draft quote (or, for a retried Idempotency-Key, the quote created the first time).',
      headers: { ...etagHeader('The quote’s version.'), Location: { description: 'The quote.', schema: { type: 'string' as const } } },
      content: { 'application/json': { schema: QuoteSchema } },
      links: {
        GetQuoteById: { operationId: 'getQuote', parameters: { id: '$response.body#/id' } },
        GetQuotePdf: { operationId: 'getQuotePdf', parameters: { id: '$response.body#/id' } },
      },
    },
    404: problem('No such document or customer.'),
    409: problem(
      'A quote was already made from it (`quoteId`), it is not read yet, it has no customer and none was given, an item has no quantity, ' +
        'the customer is archived, or the Idempotency-Key was used for a different request.',
    ),
  },
});

export type UpdateItemRoute = typeof updateItem;
export type CreateQuoteRoute = typeof createQuote;
