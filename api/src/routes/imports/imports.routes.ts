import { z } from '@hono/zod-openapi';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, PaginationQuerySchema, pageOf } from '../../http/schemas.js';
import { XLSX_MEDIA_TYPE } from '../../domain/catalogue/catalogue-file.js';
import { ImportJobDetailSchema, ImportJobSchema } from './imports.schemas.js';

const binary = { type: 'string' as const, format: 'binary' };

export const create = defineRoute({
  method: 'post',
  path: '/api/imports',
  operationId: 'createImport',
  summary: 'Import a catalogue file (CSV or XLSX)',
  description:
    'Send the file as the raw body (`Content-Type: text/csv` or the XLSX media type; optional `?filename=`) or as ' +
    '`multipart/form-data` with a `file` part. Answers 202 with a job at once; follow it at `GET /api/imports/{id}`. ' +
    'Products are upserted by SKU (case-insensitive). Columns (header row, any order, case-insensitive): `sku`, `name`, ' +
    '`price` (decimal, major units) or `unit_price_minor`, and optionally `description`, `brand`, `category`, `unit`, ' +
    '`currency` (default CATALOGUE_DEFAULT_CURRENCY), `stock`, `model_numbers` (separated by `;` or `|`), `active`, ' +
    '`attributes` (JSON object) and `attr_<name>` columns. Relation columns hold SKUs: `accessory_of`, `accessories`, ' +
    '`compatible_with`, `alternative_to`, `requires`, `required_by`. Rows with a problem are rejected with a reason and ' +
    'the rest is applied; a file that cannot be read at all makes the job fail with the reason.',
  tags: ['Imports'],
  security: BEARER,
  roles: ['admin'],
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    query: z.object({
      filename: z
        .string()
        .max(200)
        .regex(/^[^\u0000]*$/)
        .optional()
        .openapi({ param: { name: 'filename', in: 'query' }, description: 'Name of the file sent as raw body, kept with the job.', example: 'catalogue-2026.xlsx' }),
    }),
    body: {
      required: true,
      content: {
        'text/csv': { schema: binary },
        [XLSX_MEDIA_TYPE]: { schema: binary },
        'multipart/form-data': {
          schema: { type: 'object' as const, properties: { file: binary }, required: ['file'] },
        },
      },
    },
  },
  responses: {
    202: {
      description: 'Accepted: the job (queued; or failed at once when the file is empty).',
      headers: { Location: { description: 'The job.', schema: { type: 'string' as const } } },
      content: { 'application/json': { schema: ImportJobSchema } },
      links: { GetImportById: { operationId: 'getImport', parameters: { id: '$response.body#/id' } } },
    },
    409: problem('The Idempotency-Key was used for a different request.'),
  },
});

export const list = defineRoute({
  method: 'get',
  path: '/api/imports',
  operationId: 'listImports',
  summary: 'List import jobs, newest first',
  tags: ['Imports'],
  security: BEARER,
  roles: ['admin'],
  request: { query: PaginationQuerySchema },
  responses: { 200: { description: 'A page of jobs.', content: { 'application/json': { schema: pageOf(ImportJobSchema, 'ImportJobPage') } } } },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/imports/{id}',
  operationId: 'getImport',
  summary: 'An import job: status, progress, counts and rejected rows',
  tags: ['Imports'],
  security: BEARER,
  roles: ['admin'],
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'The job.', content: { 'application/json': { schema: ImportJobDetailSchema } } },
    404: problem('No such import job.'),
  },
});

export type CreateRoute = typeof create;
export type ListRoute = typeof list;
export type GetRoute = typeof get;
