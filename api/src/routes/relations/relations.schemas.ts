import { z } from '@hono/zod-openapi';
import { TimestampSchema, UuidSchema } from '../../http/schemas.js';
import { PRODUCT_RELATION_TYPES, RELATION_TYPES } from '../../domain/catalogue/relation-types.js';
import { text } from '../products/products.schemas.js';

export const RelationTypeSchema = z.enum(RELATION_TYPES).openapi('RelationType', {
  description:
    '`COMPATIBLE_WITH` and `ALTERNATIVE_TO` read both ways; `ACCESSORY_OF` (product is an accessory of the related one), ' +
    '`REQUIRES` (product needs the related one, e.g. safety equipment) and `USED_FOR` (product → task) are directed.',
});

export const RelationSchema = z
  .object({
    id: UuidSchema,
    type: RelationTypeSchema,
    productId: UuidSchema,
    relatedProductId: UuidSchema.nullable().openapi({ description: 'The other product; null for USED_FOR.' }),
    taskId: UuidSchema.nullable().openapi({ description: 'The task, for USED_FOR; null otherwise.' }),
    note: z.string().nullable(),
    source: z.enum(['manual', 'import']),
    createdAt: TimestampSchema,
  })
  .openapi('Relation');

const note = text(0, 500).nullable().optional().openapi({ description: 'Shown with the suggestion, e.g. "use with 13 mm chuck".' });

export const CreateProductRelationSchema = z
  .object({
    type: z.enum(PRODUCT_RELATION_TYPES),
    productId: UuidSchema,
    relatedProductId: UuidSchema,
    note,
  })
  .openapi('CreateProductRelationRequest');

export const CreateUsedForRelationSchema = z
  .object({
    type: z.enum(['USED_FOR']),
    productId: UuidSchema,
    taskId: UuidSchema,
    note,
  })
  .openapi('CreateUsedForRelationRequest');

export const CreateRelationSchema = z
  .discriminatedUnion('type', [CreateProductRelationSchema, CreateUsedForRelationSchema])
  .openapi('CreateRelationRequest');
