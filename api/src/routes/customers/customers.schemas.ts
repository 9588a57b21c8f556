import { z } from '@hono/zod-openapi';
import { EmailSchema, nonBlankText, TimestampSchema, UuidSchema } from '../../http/schemas.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const CustomerSchema = z
  .object({
    id: UuidSchema,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    taxId: z.string().nullable(),
    billingAddress: z.string().nullable(),
    notes: z.string().nullable(),
    archived: z.boolean(),
    archivedAt: TimestampSchema.nullable(),
    version: z.number().int().openapi({ description: 'Increments on every change; the `ETag` is this number in quotes.' }),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .openapi('Customer');

const fields = {
  name: nonBlankText(200).openapi({ example: 'Tan Hardware Pte Ltd' }),
  email: EmailSchema.nullable().optional(),
  phone: optionalText(50),
  company: optionalText(200),
  taxId: optionalText(50),
  billingAddress: optionalText(1000),
  notes: optionalText(5000),
};

export const CreateCustomerSchema = z.object(fields).openapi('CreateCustomerRequest');

export const UpdateCustomerSchema = z
  .object({ ...fields, name: fields.name.optional() })
  .openapi('UpdateCustomerRequest', { description: 'Only the fields present change; `null` clears an optional field.' });
