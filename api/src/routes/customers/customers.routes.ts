import { z } from '@hono/zod-openapi';
import { etagHeader, problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import {
  IdempotencyKeyHeaderSchema,
  IdParamsSchema,
  IfMatchHeaderSchema,
  PaginationQuerySchema,
  pageOf,
} from '../../http/schemas.js';
import { CreateCustomerSchema, CustomerSchema, UpdateCustomerSchema } from './customers.schemas.js';

const notFound = problem('No such customer.');
const ETAG = etagHeader('The version, for `If-Match` on the next update.');
const WRITERS = ['admin', 'sales'] as const;

/** Links that let a client (and Schemathesis' stateful phase) follow a customer through its life. */
const customerLinks = {
  GetCustomerById: { operationId: 'getCustomer', parameters: { id: '$response.body#/id' } },
  UpdateCustomerById: {
    operationId: 'updateCustomer',
    parameters: { id: '$response.body#/id', 'header.if-match': '$response.header.ETag' },
  },
  ArchiveCustomerById: { operationId: 'archiveCustomer', parameters: { id: '$response.body#/id' } },
  CreateQuoteForCustomer: {
    operationId: 'createQuote',
    requestBody: { customerId: '$response.body#/id', title: 'Quote for a linked customer' },
    'x-schemathesis': { merge_body: false },
  },
};

const customerResponse = (description: string) => ({
  description,
  headers: ETAG,
  content: { 'application/json': { schema: CustomerSchema } },
  links: customerLinks,
});

export const list = defineRoute({
  method: 'get',
  path: '/api/customers',
  operationId: 'listCustomers',
  summary: 'List and search customers',
  tags: ['Customers'],
  security: BEARER,
  request: {
    query: PaginationQuerySchema.extend({
      q: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ param: { name: 'q', in: 'query' }, description: 'Matches name, email or company (substring, case-insensitive).' }),
      includeArchived: z
        .enum(['true', 'false'])
        .default('false')
        .transform((value) => value === 'true')
        .openapi({ param: { name: 'includeArchived', in: 'query' }, description: 'Include archived customers.' }),
    }),
  },
  responses: {
    200: { description: 'A page of customers, newest first.', content: { 'application/json': { schema: pageOf(CustomerSchema, 'CustomerPage') } } },
  },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/customers',
  operationId: 'createCustomer',
  summary: 'Create a customer',
  tags: ['Customers'],
  security: BEARER,
  roles: WRITERS,
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateCustomerSchema } } },
  },
  responses: {
    201: customerResponse('Created (or, for a retried Idempotency-Key, the customer created the first time).'),
    409: problem('The Idempotency-Key was used for a different request.'),
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/customers/{id}',
  operationId: 'getCustomer',
  summary: 'Get a customer',
  tags: ['Customers'],
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: { 200: customerResponse('The customer.'), 404: notFound },
});

export const update = defineRoute({
  method: 'patch',
  path: '/api/customers/{id}',
  operationId: 'updateCustomer',
  summary: 'Update a customer (optimistic concurrency with If-Match)',
  tags: ['Customers'],
  security: BEARER,
  roles: WRITERS,
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: UpdateCustomerSchema } } },
  },
  responses: {
    200: customerResponse('The updated customer.'),
    404: notFound,
    412: problem('The customer changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const archive = defineRoute({
  method: 'post',
  path: '/api/customers/{id}/archive',
  operationId: 'archiveCustomer',
  summary: 'Archive a customer',
  description: 'Archived customers leave the default list but keep their history. Archiving twice is harmless.',
  tags: ['Customers'],
  security: BEARER,
  roles: WRITERS,
  request: { params: IdParamsSchema },
  responses: { 200: customerResponse('The archived customer.'), 404: notFound, 409: problem('A concurrent change; retry.') },
});

export const restore = defineRoute({
  method: 'post',
  path: '/api/customers/{id}/restore',
  operationId: 'restoreCustomer',
  summary: 'Restore an archived customer',
  tags: ['Customers'],
  security: BEARER,
  roles: WRITERS,
  request: { params: IdParamsSchema },
  responses: { 200: customerResponse('The restored customer.'), 404: notFound, 409: problem('A concurrent change; retry.') },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type UpdateRoute = typeof update;
export type ArchiveRoute = typeof archive;
export type RestoreRoute = typeof restore;
