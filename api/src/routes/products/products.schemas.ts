import { z } from '@hono/zod-openapi';
import { TimestampSchema, UuidSchema } from '../../http/schemas.js';
import {
  CURRENCY_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  MAX_MODEL_NUMBERS,
  MAX_NAME_LENGTH,
  MAX_STOCK_QUANTITY,
  SKU_PATTERN,
} from '../../domain/catalogue/catalogue-row.js';
import { MAX_UNIT_PRICE_MINOR } from '../../domain/catalogue/money.js';

/** Text PostgreSQL can store: anything but NUL. */
export const NO_NUL = /^[^\u0000]*$/;
export const text = (min: number, max: number) => z.string().min(min).max(max).regex(NO_NUL, 'Must not contain NUL characters.');

export const SkuSchema = z
  .string()
  .regex(SKU_PATTERN, 'Letters, digits and . _ / # + - (no spaces), starting with a letter or digit, at most 64 characters.')
  .openapi({ example: 'DCD791D2' });

export const CurrencySchema = z.string().regex(CURRENCY_PATTERN, 'An ISO 4217 code in capitals.').openapi({ example: 'SGD' });

const AttributeValueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const AttributesSchema = z
  .record(z.string().max(100), AttributeValueSchema)
  .openapi({ description: 'Free-form specifications (voltage, size, …): names to strings, numbers, booleans or null.', example: { voltage: '18V', chuckMm: 13 } });

export const ProductSchema = z
  .object({
    id: UuidSchema,
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    brand: z.string().nullable(),
    category: z.string().nullable(),
    modelNumbers: z.array(z.string()),
    unit: z.string().openapi({ description: 'Unit of measure (EA, BOX, M, …).' }),
    unitPriceMinor: z.number().int().openapi({ description: 'Unit price in minor units of `currency` (1999 = 19.99).' }),
    currency: z.string(),
    stockQuantity: z.number().int(),
    inStock: z.boolean(),
    attributes: z.record(z.string(), z.unknown()),
    active: z.boolean(),
    version: z.number().int().openapi({ description: 'Increments on every change; the `ETag` is this number in quotes.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('Product');

const fields = {
  sku: SkuSchema,
  name: text(1, MAX_NAME_LENGTH).openapi({ example: 'DeWalt 18V XR Brushless Drill Driver' }),
  description: text(0, MAX_DESCRIPTION_LENGTH).nullable().optional(),
  brand: text(0, 100).nullable().optional().openapi({ example: 'DeWalt' }),
  category: text(0, 100).nullable().optional().openapi({ example: 'Power Tools' }),
  modelNumbers: z.array(text(1, 64)).max(MAX_MODEL_NUMBERS).optional().openapi({ example: ['DCD791', 'DCD791D2'] }),
  unit: text(1, 20).optional().openapi({ description: 'Unit of measure; EA when omitted.', example: 'EA' }),
  unitPriceMinor: z.number().int().min(0).max(MAX_UNIT_PRICE_MINOR).openapi({ example: 19900 }),
  currency: CurrencySchema,
  stockQuantity: z.number().int().min(0).max(MAX_STOCK_QUANTITY).optional().openapi({ description: '0 when omitted.', example: 12 }),
  attributes: AttributesSchema.optional(),
  active: z.boolean().optional().openapi({ description: 'true when omitted.' }),
};

export const CreateProductSchema = z.object(fields).openapi('CreateProductRequest');

export const UpdateProductSchema = z
  .object({
    ...fields,
    sku: fields.sku.optional(),
    name: fields.name.optional(),
    unitPriceMinor: fields.unitPriceMinor.optional(),
    currency: fields.currency.optional(),
    modelNumbers: fields.modelNumbers,
  })
  .openapi('UpdateProductRequest', { description: 'Only the fields present change; `null` clears an optional field.' });

export const SearchHitSchema = z
  .object({
    score: z.number().openapi({ description: 'Relevance; higher first. Exact SKU/model match adds 100, partial code 30, full text up to 20, similarity up to 10.' }),
    match: z.object({
      exactCode: z.boolean().openapi({ description: 'The query is this SKU or one of its model numbers (case, spaces and punctuation ignored).' }),
      partialCode: z.boolean().openapi({ description: 'The query is part of the SKU or a model number.' }),
      fullText: z.boolean().openapi({ description: 'All words of the query occur (stemmed) in name, codes, brand, category or description.' }),
      similarity: z.number().openapi({ description: 'Trigram word similarity (0–1) with SKU, models, name, brand and category: forgives typos.' }),
    }),
    product: ProductSchema,
  })
  .openapi('ProductSearchHit');
