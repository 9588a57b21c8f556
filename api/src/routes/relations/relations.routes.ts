import { z } from '@hono/zod-openapi';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, PaginationQuerySchema, UuidSchema, pageOf } from '../../http/schemas.js';
import { CreateRelationSchema, RelationSchema, RelationTypeSchema } from './relations.schemas.js';

const notFound = problem('No such relation.');

const relationLinks = {
  GetRelationById: { operationId: 'getRelation', parameters: { id: '$response.body#/id' } },
  DeleteRelationById: { operationId: 'deleteRelation', parameters: { id: '$response.body#/id' } },
};

const listedRelationLinks = {
  GetFirstListedRelation: { operationId: 'getRelation', parameters: { id: '$response.body#/items/0/id' } },
  DeleteFirstListedRelation: { operationId: 'deleteRelation', parameters: { id: '$response.body#/items/0/id' } },
};

export const list = defineRoute({
  method: 'get',
  path: '/api/relations',
  operationId: 'listRelations',
  summary: 'List stored relations, newest first',
  description: 'The curated relations as stored (the source of truth of the graph). For ranked suggestions use `GET /api/products/{id}/related`.',
  tags: ['Relations'],
  security: BEARER,
  request: {
    query: PaginationQuerySchema.extend({
      productId: UuidSchema.optional().openapi({ param: { name: 'productId', in: 'query' }, description: 'Relations with this product at either end.' }),
      taskId: UuidSchema.optional().openapi({ param: { name: 'taskId', in: 'query' }, description: 'USED_FOR relations of this task.' }),
      type: RelationTypeSchema.optional().openapi({ param: { name: 'type', in: 'query' } }),
    }),
  },
  responses: {
    200: { description: 'A page of relations.', content: { 'application/json': { schema: pageOf(RelationSchema, 'RelationPage') } }, links: listedRelationLinks },
  },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/relations',
  operationId: 'createRelation',
  summary: 'Add a typed relation',
  description:
    'Between two products (`COMPATIBLE_WITH`, `ALTERNATIVE_TO`, `ACCESSORY_OF`, `REQUIRES`) or a product and a task ' +
    '(`USED_FOR`). Stored in PostgreSQL and synced to the graph through the outbox (usually within a second).',
  tags: ['Relations'],
  security: BEARER,
  roles: ['admin'],
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateRelationSchema } } },
  },
  responses: {
    201: { description: 'Created.', content: { 'application/json': { schema: RelationSchema } }, links: relationLinks },
    404: problem('The product or task does not exist.'),
    409: problem('The relation exists already (`existingId`), a product was related to itself, or the Idempotency-Key was used for a different request.'),
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/relations/{id}',
  operationId: 'getRelation',
  summary: 'Get a relation',
  tags: ['Relations'],
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'The relation.',
      content: { 'application/json': { schema: RelationSchema } },
      links: { DeleteRelationById: relationLinks.DeleteRelationById },
    },
    404: notFound,
  },
});

export const remove = defineRoute({
  method: 'delete',
  path: '/api/relations/{id}',
  operationId: 'deleteRelation',
  summary: 'Remove a relation',
  tags: ['Relations'],
  security: BEARER,
  roles: ['admin'],
  request: { params: IdParamsSchema },
  responses: { 204: { description: 'Removed (from the graph shortly after).' }, 404: notFound },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type RemoveRoute = typeof remove;
