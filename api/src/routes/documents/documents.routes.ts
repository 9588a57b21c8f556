import { z } from '@hono/zod-openapi';
import { QUOTE_EDITOR_ROLES } from '../../domain/quotes/permissions.js';
import { etagHeader, problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, IfMatchHeaderSchema, PaginationQuerySchema, pageOf, UuidSchema } from '../../http/schemas.js';
import { DOCUMENT_MEDIA_TYPES } from '../../services/documents/index.js';
import { QuoteSchema } from '../quotes/quotes.schemas.js';
import {
  CreateQuoteFromDocumentSchema,
  DocumentDetailSchema,
  DocumentSchema,
  DocumentStatusSchema,
  UpdateDocumentItemSchema,
} from './documents.schemas.js';

const TAGS: ['Documents'] = ['Documents'];
const WRITERS = QUOTE_EDITOR_ROLES;
const notFound = problem('No such document.');
const ETAG = etagHeader('The document’s version, for `If-Match` on the next review of an item.');
const binary = { type: 'string' as const, format: 'binary' };

const ItemParamsSchema = z.object({
  id: UuidSchema.openapi({ param: { name: 'id', in: 'path' } }),
  itemId: UuidSchema.openapi({ param: { name: 'itemId', in: 'path' } }),
});

/** Links that let a client (and Schemathesis' stateful phase) follow a document from its upload to its quote. */
const documentLinks = {
  GetDocumentById: { operationId: 'getDocument', parameters: { id: '$response.body#/id' } },
  GetDocumentFile: { operationId: 'getDocumentFile', parameters: { id: '$response.body#/id' } },
  CreateQuoteFromDocument: { operationId: 'createQuoteFromDocument', parameters: { id: '$response.body#/id' } },
  DeleteDocument: { operationId: 'deleteDocument', parameters: { id: '$response.body#/id' } },
};

/** On answers that carry the items (where the document has none yet the link does not apply). */
const documentDetailLinks = {
  ...documentLinks,
  UpdateFirstDocumentItem: {
    operationId: 'updateDocumentItem',
    parameters: { id: '$response.body#/id', itemId: '$response.body#/items/0/id', 'header.if-match': '$response.header.ETag' },
  },
};

export const upload = defineRoute({
  method: 'post',
  path: '/api/documents',
  operationId: 'uploadDocument',
  summary: 'Upload an RFQ document (XLSX, DOCX, PDF, CSV, text or e-mail)',
  description:
    '`multipart/form-data` with a `file` part and optionally `customerId`. The type is read from the bytes, not the name. ' +
    'The original is stored with its SHA-256: the same bytes uploaded again answer the existing document (200) instead of a copy. ' +
    'A new document answers 202 at once and is read on the job queue (`queued` → `processing` → `extracted` | `failed`); ' +
    'follow it at `GET /api/documents/{id}`. Refused before anything is stored: a file larger than the limit (413), an empty file, ' +
    'a file that is not one of the document types, or an archive (XLSX, DOCX) that is a zip bomb or damaged (422, `reason`).',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object' as const,
            properties: {
              file: { ...binary, description: 'The RFQ document.' },
              customerId: { type: 'string' as const, format: 'uuid', description: 'The customer who sent it.' },
            },
            required: ['file'],
          },
          // JSON Schema cannot say what the bytes must be; the part's media types can (the type is still read from the bytes).
          encoding: { file: { contentType: DOCUMENT_MEDIA_TYPES.join(', ') } },
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The same file was uploaded before: the existing document.',
      content: { 'application/json': { schema: DocumentSchema } },
      links: documentLinks,
    },
    202: {
      description: 'Accepted: the new document, queued to be read.',
      headers: { Location: { description: 'The document.', schema: { type: 'string' as const } } },
      content: { 'application/json': { schema: DocumentSchema } },
      links: documentLinks,
    },
    404: problem('No such customer.'),
    422: problem('The file is empty, not a document of a supported type, or an archive that is refused (zip bomb, damaged, encrypted); `reason` says which.'),
  },
});

export const list = defineRoute({
  method: 'get',
  path: '/api/documents',
  operationId: 'listDocuments',
  summary: 'List RFQ documents, newest first',
  tags: TAGS,
  security: BEARER,
  request: {
    query: PaginationQuerySchema.extend({
      status: DocumentStatusSchema.optional().openapi({ param: { name: 'status', in: 'query' } }),
      customerId: UuidSchema.optional().openapi({ param: { name: 'customerId', in: 'query' } }),
    }),
  },
  responses: {
    200: {
      description: 'A page of documents (without items).',
      content: { 'application/json': { schema: pageOf(DocumentSchema, 'DocumentPage') } },
      links: { GetFirstListedDocument: { operationId: 'getDocument', parameters: { id: '$response.body#/items/0/id' } } },
    },
  },
});

export const recent = defineRoute({
  method: 'get',
  path: '/api/documents/recent',
  operationId: 'listRecentDocuments',
  summary: 'The documents changed last (uploaded, read or reviewed)',
  tags: TAGS,
  security: BEARER,
  request: {
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(20)
        .default(5)
        .openapi({ param: { name: 'limit', in: 'query' }, description: 'How many (1–20).', example: 5 }),
    }),
  },
  responses: {
    200: {
      description: 'Most recently changed first.',
      content: { 'application/json': { schema: z.object({ items: z.array(DocumentSchema) }).openapi('RecentDocuments') } },
      links: { GetFirstRecentDocument: { operationId: 'getDocument', parameters: { id: '$response.body#/items/0/id' } } },
    },
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/documents/{id}',
  operationId: 'getDocument',
  summary: 'A document: status, progress, requested items with their candidates and chosen match',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'The document.', headers: ETAG, content: { 'application/json': { schema: DocumentDetailSchema } }, links: documentDetailLinks },
    404: notFound,
  },
});

export const file = defineRoute({
  method: 'get',
  path: '/api/documents/{id}/file',
  operationId: 'getDocumentFile',
  summary: 'The original file as uploaded',
  description: 'The bytes as uploaded, with the media type read from them (the `mediaType` of the document).',
  tags: TAGS,
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The original.',
      headers: { 'Content-Disposition': { description: 'attachment; filename="<file name>"', schema: { type: 'string' as const } } },
      // Each media type a document can be, as read from its bytes when it was uploaded.
      content: Object.fromEntries(DOCUMENT_MEDIA_TYPES.map((mediaType) => [mediaType, { schema: z.string().openapi({ format: 'binary' }) }])),
    },
    404: notFound,
  },
});

export const remove = defineRoute({
  method: 'delete',
  path: '/api/documents/{id}',
  operationId: 'deleteDocument',
  summary: 'Delete a document, its original and its items',
  description: 'A document still being read has its job cancelled. A quote made from it stays.',
  tags: TAGS,
  security: BEARER,
  roles: WRITERS,
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Deleted.' }, 404: notFound },
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

export type UploadRoute = typeof upload;
export type ListRoute = typeof list;
export type RecentRoute = typeof recent;
export type GetRoute = typeof get;
export type FileRoute = typeof file;
export type RemoveRoute = typeof remove;
export type UpdateItemRoute = typeof updateItem;
export type CreateQuoteRoute = typeof createQuote;
