import { z } from '@hono/zod-openapi';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdempotencyKeyHeaderSchema, IdParamsSchema, PaginationQuerySchema, pageOf } from '../../http/schemas.js';
import { text } from '../products/products.schemas.js';
import { CreateTaskSchema, TaskKitSchema, TaskSchema } from './tasks.schemas.js';

const notFound = problem('No such task.');

const taskLinks = {
  GetTaskById: { operationId: 'getTask', parameters: { id: '$response.body#/id' } },
  GetTaskKitById: { operationId: 'getTaskKit', parameters: { id: '$response.body#/id' } },
};

export const list = defineRoute({
  method: 'get',
  path: '/api/tasks',
  operationId: 'listTasks',
  summary: 'List tasks, newest first',
  tags: ['Tasks'],
  security: BEARER,
  request: {
    query: PaginationQuerySchema.extend({
      q: text(1, 200).optional().openapi({ param: { name: 'q', in: 'query' }, description: 'Matches the name (substring, case-insensitive).' }),
    }),
  },
  responses: { 200: { description: 'A page of tasks.', content: { 'application/json': { schema: pageOf(TaskSchema, 'TaskPage') } } } },
});

export const create = defineRoute({
  method: 'post',
  path: '/api/tasks',
  operationId: 'createTask',
  summary: 'Create a task',
  description: 'Link products to it with `POST /api/relations` (`type: USED_FOR`).',
  tags: ['Tasks'],
  security: BEARER,
  roles: ['admin'],
  request: {
    headers: z.object({ 'idempotency-key': IdempotencyKeyHeaderSchema }),
    body: { required: true, content: { 'application/json': { schema: CreateTaskSchema } } },
  },
  responses: {
    201: { description: 'Created.', content: { 'application/json': { schema: TaskSchema } }, links: taskLinks },
    409: problem('The Idempotency-Key was used for a different request.'),
  },
});

export const get = defineRoute({
  method: 'get',
  path: '/api/tasks/{id}',
  operationId: 'getTask',
  summary: 'Get a task',
  tags: ['Tasks'],
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: { 200: { description: 'The task.', content: { 'application/json': { schema: TaskSchema } }, links: taskLinks }, 404: notFound },
});

export const kit = defineRoute({
  method: 'get',
  path: '/api/tasks/{id}/kit',
  operationId: 'getTaskKit',
  summary: 'Everything a task needs, from the knowledge graph',
  description:
    'The products USED_FOR the task and the items they REQUIRE — safety equipment and consumables, followed up to 3 hops ' +
    '(task → product → required item → its own requirements). Answers 503 when the graph (Neo4j) is not configured or down.',
  tags: ['Tasks'],
  security: BEARER,
  request: { params: IdParamsSchema },
  responses: { 200: { description: 'The kit.', content: { 'application/json': { schema: TaskKitSchema } } }, 404: notFound },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetRoute = typeof get;
export type KitRoute = typeof kit;
