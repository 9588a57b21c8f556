import { z } from '@hono/zod-openapi';
import { QUANTITY_PATTERN } from '@nexus/sdk/pricing';
import { MAX_UNIT_PRICE_MINOR } from '../../domain/catalogue/money.js';
import { nonBlankText, UuidSchema } from '../../http/schemas.js';

// The lines of a quote: the representation and the requests that add or change one.

export const MinorUnitsSchema = z.number().int().openapi({ description: 'Integer minor units of the quote currency (cents for SGD).' });

export const QuantitySchema = z
  .string()
  .regex(QUANTITY_PATTERN, 'Must be a positive decimal with at most 3 decimals, like "12" or "2.5".')
  .openapi({
    description: 'Exact decimal as text (no binary floating point): positive, up to 7 digits and 3 decimals.',
    example: '12',
  });

const UnitPriceSchema = z
  .number()
  .int()
  .min(0)
  .max(MAX_UNIT_PRICE_MINOR)
  .openapi({ description: 'Unit price in integer minor units of the quote currency.', example: 12_990 });

const DiscountSchema = z
  .number()
  .int()
  .min(0)
  .max(10_000)
  .openapi({ description: 'Line discount in basis points: 1250 = 12.5 %.', example: 0 });

const UnitSchema = nonBlankText(20).openapi({ example: 'EA' });
const DescriptionSchema = nonBlankText(2000).openapi({ example: 'Cordless drill 18V, 2 batteries' });

export const QuoteLineSchema = z
  .object({
    id: UuidSchema,
    position: z.number().int().openapi({ description: '1-based order on the quote.' }),
    productId: UuidSchema.nullable().openapi({ description: 'The catalogue product, or null for a free-text item.' }),
    sku: z.string().nullable().openapi({ description: 'The SKU when the line was added (kept if the catalogue changes).' }),
    description: z.string(),
    quantity: QuantitySchema,
    unit: z.string(),
    unitPriceMinor: MinorUnitsSchema,
    discountBp: z.number().int(),
    lineTotalMinor: MinorUnitsSchema.openapi({ description: 'round-half-up(quantity × unit price × (1 − discount)).' }),
  })
  .openapi('QuoteLine');

export const AddCatalogueLineSchema = z
  .object({
    productId: UuidSchema.openapi({ description: 'Catalogue product; its name, unit and current price are copied onto the line.' }),
    quantity: QuantitySchema,
    description: DescriptionSchema.optional().openapi({ description: "Defaults to the product's name." }),
    unit: UnitSchema.optional(),
    unitPriceMinor: UnitPriceSchema.optional().openapi({ description: "Defaults to the product's price (which must then be in the quote currency)." }),
    discountBp: DiscountSchema.optional(),
  })
  .openapi('AddCatalogueQuoteLine');

export const AddFreeTextLineSchema = z
  .object({
    description: DescriptionSchema,
    quantity: QuantitySchema,
    unitPriceMinor: UnitPriceSchema,
    unit: UnitSchema.optional().openapi({ description: 'Defaults to EA.' }),
    discountBp: DiscountSchema.optional(),
  })
  .openapi('AddFreeTextQuoteLine');

export const AddQuoteLineSchema = z.union([AddCatalogueLineSchema, AddFreeTextLineSchema]).openapi('AddQuoteLineRequest', {
  description: 'A catalogue product (`productId`) or a free-text item (`description` and `unitPriceMinor`).',
});

export const UpdateQuoteLineSchema = z
  .object({
    description: DescriptionSchema.optional(),
    quantity: QuantitySchema.optional(),
    unit: UnitSchema.optional(),
    unitPriceMinor: UnitPriceSchema.optional(),
    discountBp: DiscountSchema.optional(),
  })
  .openapi('UpdateQuoteLineRequest', { description: 'Drafts only. Only the fields present change.' });
