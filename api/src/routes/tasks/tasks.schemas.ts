import { z } from '@hono/zod-openapi';
import { TimestampSchema, UuidSchema } from '../../http/schemas.js';
import { ProductSchema, text } from '../products/products.schemas.js';

export const TaskSchema = z
  .object({
    id: UuidSchema,
    name: z.string(),
    description: z.string().nullable(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('Task', { description: 'A job people buy products for ("drill into concrete"); products are USED_FOR tasks.' });

export const CreateTaskSchema = z
  .object({
    name: text(1, 200).openapi({ example: 'Drilling into concrete' }),
    description: text(0, 5000).nullable().optional(),
  })
  .openapi('CreateTaskRequest');

export const KitItemSchema = z
  .object({
    product: ProductSchema,
    reason: z.string().openapi({ example: 'Required by DeWalt SDS Hammer Drill (eye protection)' }),
    requiredBy: z.array(UuidSchema).openapi({ description: 'Products of the kit that require this one (empty for the task\'s own products).' }),
  })
  .openapi('KitItem');

export const TaskKitSchema = z
  .object({
    task: TaskSchema,
    products: z.array(KitItemSchema).openapi({ description: 'Products USED_FOR the task, in stock first.' }),
    requiredItems: z
      .array(KitItemSchema)
      .openapi({ description: 'What those products REQUIRE (e.g. safety equipment), followed transitively up to 3 hops; each once.' }),
  })
  .openapi('TaskKit');
