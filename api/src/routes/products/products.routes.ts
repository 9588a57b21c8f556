import { z } from '@hono/zod-openapi';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, IfMatchHeaderSchema, PaginationQuerySchema, pageOf } from '../../http/schemas.js';
import { MAX_UNIT_PRICE_MINOR } from '../../domain/catalogue/money.js';
import { listedProductLinks, productResponse } from './products.links.js';
import { CreateProductSchema, CurrencySchema, ProductSchema, SearchHitSchema, UpdateProductSchema, text } from './products.schemas.js';

// The catalogue's own operations; what goes with a product is in `products.related.routes.ts`, the links between operations in `products.links.ts`.

const notFound = problem('No such product.');
const WRITERS = ['admin'] as const;

const booleanParam = (name: string, description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .openapi({ param: { name, in: 'query' }, description });

// Not z.coerce: Number('') is 0, so `?maxPrice=` would filter on a price of 0 instead of being refused.
const priceParam = (name: string, description: string) =>
  z
    .preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number().int().min(0).max(MAX_UNIT_PRICE_MINOR))
    // A query string holds no null; in the SDK's types null stands for "no filter", which it sends as nothing.
    .nullable()
    .optional()
    .transform((value) => value ?? undefined)
    .openapi({ param: { name, in: 'query' }, description });

/** Filters shared by the list and the search. */
const FilterQuerySchema = z.object({
  brand: text(1, 100).optional().openapi({ param: { name: 'brand', in: 'query' }, description: 'Only this brand (case-insensitive).', example: 'DeWalt' }),
  category: text(1, 100)
    .optional()
    .openapi({ param: { name: 'category', in: 'query' }, description: 'Only this category (case-insensitive).', example: 'Power Tools' }),
  minPrice: priceParam('minPrice', 'Lowest unit price, in minor units.'),
  maxPrice: priceParam('maxPrice', 'Highest unit price, in minor units.'),
  currency: CurrencySchema.optional().openapi({ param: { name: 'currency', in: 'query' }, description: 'Only prices in this currency.' }),
  inStock: booleanParam('inStock', '`true`: only products in stock; `false`: only out of stock.'),
  includeInactive: booleanParam('includeInactive', 'Include deactivated products (default false).'),
});

export const list = defineRoute({
  method: 'get',
  path: '/api/products',
  operationId: 'listProducts',
  summary: 'List products, newest first, with filters',
  description: 'Browsing without a query. To find products by words, SKU or model number use `GET /api/catalogue/search`.',
  tags: ['Products'],
  security: BEARER,
  request: { query: PaginationQuerySchema.extend(FilterQuerySchema.shape) },
  responses: {
    200: { description: 'A page of products.', content: { 'application/json': { schema: pageOf(ProductSchema, 'ProductPage') } }, links: listedProductLinks },
  },
});

export const search = defineRoute({
  method: 'get',
  path: '/api/catalogue/search',
  operationId: 'searchProducts',
  summary: 'Search the catalogue, ranked by relevance',
  description:
    'Ranked over SKU, model numbers, name, brand, category and description: an exact SKU or model number match first ' +
    '(case, spaces and punctuation ignored), then partial model numbers (`DCD791` finds `DCD791D2`), full-text relevance ' +
    'and trigram similarity (typos). Each hit carries its `score` and what matched. Results are ranked, so the cursor is ' +
    'the rank position of the next page (an offset, at most 10,000): if the catalogue changes between pages, items may ' +
    'shift by a few places.',
  tags: ['Products'],
  security: BEARER,
  request: {
    query: FilterQuerySchema.extend({
      q: text(1, 200).openapi({ param: { name: 'q', in: 'query', required: true }, description: 'Words, a SKU or a model number.', example: 'dewalt drill' }),
      limit: PaginationQuerySchema.shape.limit,
      cursor: z
        .string()
        .regex(/^\d{1,5}$/)
        .optional()
        .openapi({ param: { name: 'cursor', in: 'query' }, description: "The previous page's `nextCursor` (the rank position the next page starts at).", example: '20' }),
    }),
  },
  responses: {
    200: {
      description: 'A page of hits, best first.',
      content: {
        'application/json': {
          schema: z
            .object({
              items: z.array(SearchHitSchema),
              nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
            })
            .openapi('ProductSearchPage'),
        },
      },
    },
  },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/products',
  operationId: 'createProduct',
  summary: 'Create a product',
  tags: ['Products'],
  security: BEARER,
  roles: WRITERS,
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateProductSchema } } },
  },
  responses: {
    201: productResponse('Created (or, for a retried Idempotency-Key, the product created the first time).'),
    409: problem('A product with this SKU exists, or the Idempotency-Key was used for a different request.'),
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/products/{id}',
  operationId: 'getProduct',
  summary: 'Get a product',
  tags: ['Products'],
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: { 200: productResponse('The product.'), 404: notFound },
});

export const update = defineRoute({
  method: 'patch',
  path: '/api/products/{id}',
  operationId: 'updateProduct',
  summary: 'Update a product (optimistic concurrency with If-Match)',
  tags: ['Products'],
  security: BEARER,
  roles: WRITERS,
  request: {
    params: IdParamsSchema,
    headers: z.object({ 'if-match': IfMatchHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: UpdateProductSchema } } },
  },
  responses: {
    200: productResponse('The updated product.'),
    404: notFound,
    409: problem('Another product has this SKU.'),
    412: problem('The product changed since the `If-Match` version; reload and retry.'),
    428: problem('If-Match is required.'),
  },
});

export const deactivate = defineRoute({
  method: 'post',
  path: '/api/products/{id}/deactivate',
  operationId: 'deactivateProduct',
  summary: 'Deactivate a product',
  description: 'Deactivated products leave search, lists and suggestions but keep their history and relations. Deactivating twice is harmless.',
  tags: ['Products'],
  security: BEARER,
  roles: WRITERS,
  request: { params: IdParamsSchema },
  responses: { 200: productResponse('The deactivated product.'), 404: notFound, 409: problem('A concurrent change; retry.') },
});

export const activate = defineRoute({
  method: 'post',
  path: '/api/products/{id}/activate',
  operationId: 'activateProduct',
  summary: 'Activate a deactivated product',
  tags: ['Products'],
  security: BEARER,
  roles: WRITERS,
  request: { params: IdParamsSchema },
  responses: { 200: productResponse('The active product.'), 404: notFound, 409: problem('A concurrent change; retry.') },
});

export type ListRoute = typeof list;
export type SearchRoute = typeof search;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type UpdateRoute = typeof update;
export type DeactivateRoute = typeof deactivate;
export type ActivateRoute = typeof activate;
