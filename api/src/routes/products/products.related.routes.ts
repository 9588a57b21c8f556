import { z } from '@hono/zod-openapi';
import { RELATED_GROUPS } from '../../domain/catalogue/related.js';
import { problemResponse as problem } from '../../http/responses.js';
import { BEARER, defineRoute } from '../../http/define-route.js';
import { IdParamsSchema } from '../../http/schemas.js';
import { ProductSchema } from './products.schemas.js';

// What goes with a product, read from the knowledge graph.

const notFound = problem('No such product.');

export const RelatedItemSchema = z
  .object({
    product: ProductSchema,
    score: z.number().openapi({ description: 'Rank within the group; higher first.' }),
    reason: z.string().openapi({ description: 'Why it is suggested, in words for a salesperson.', example: 'An accessory for DeWalt 18V Drill; quoted together on 3 quotes' }),
    note: z.string().nullable().openapi({ description: 'The note stored on the relation, if any.' }),
  })
  .openapi('RelatedProduct');

export const RelatedGroupSchema = z
  .object({
    group: z.enum(RELATED_GROUPS.map((g) => g.group) as [string, ...string[]]),
    relation: z.enum(['COMPATIBLE_WITH', 'ALTERNATIVE_TO', 'ACCESSORY_OF', 'REQUIRES', 'QUOTED_WITH']),
    direction: z.enum(['outgoing', 'incoming', 'both']).openapi({ description: 'Which way the relation points from the product asked about.' }),
    title: z.string(),
    items: z.array(RelatedItemSchema),
  })
  .openapi('RelatedGroup');

export const related = defineRoute({
  method: 'get',
  path: '/api/products/{id}/related',
  operationId: 'getRelatedProducts',
  summary: 'What goes with a product, from the knowledge graph',
  description:
    'Accessories, required items (e.g. safety equipment), compatible products, alternatives, and products often quoted ' +
    'together — grouped by relation, ranked (in stock first, then how often quoted together), each with a `reason`. ' +
    'Every group is always present (possibly empty). Answers 503 when the graph (Neo4j) is not configured or down.',
  tags: ['Products'],
  security: BEARER,
  request: {
    params: IdParamsSchema,
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .default(10)
        .openapi({ param: { name: 'limit', in: 'query' }, description: 'Items per group (1–50).', example: 10 }),
    }),
  },
  responses: {
    200: {
      description: 'Suggestions grouped by relation.',
      content: {
        'application/json': {
          schema: z.object({ product: ProductSchema, groups: z.array(RelatedGroupSchema) }).openapi('RelatedProducts'),
        },
      },
    },
    404: notFound,
  },
});

export type RelatedRoute = typeof related;
