import { z } from '@hono/zod-openapi';
import { QUOTE_EDITOR_ROLES } from '../../domain/quotes/permissions.js';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdParamsSchema, PaginationQuerySchema, pageOf, UuidSchema } from '../../http/schemas.js';
import { DOCUMENT_MEDIA_TYPES } from '../../services/documents/index.js';
import { DOCUMENT_ETAG as ETAG, documentDetailLinks, documentLinks } from './documents.links.js';
import { DocumentDetailSchema, DocumentSchema, DocumentStatusSchema } from './documents.schemas.js';

// Upload, read and delete documents; their review (items, the quote) is in documents.review.routes.ts.

const TAGS: ['Documents'] = ['Documents'];
const WRITERS = QUOTE_EDITOR_ROLES;
const notFound = problem('No such document.');
const binary = { type: 'string' as const, format: 'binary' };

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

export type UploadRoute = typeof upload;
export type ListRoute = typeof list;
export type RecentRoute = typeof recent;
export type GetRoute = typeof get;
export type FileRoute = typeof file;
export type RemoveRoute = typeof remove;
