import { z } from '@hono/zod-openapi';
import { nonBlankText, TimestampSchema, UuidSchema } from '../../http/schemas.js';
import { QuantitySchema } from '../quotes/quotes.lines.schemas.js';

export const DOCUMENT_STATUSES = ['queued', 'processing', 'extracted', 'failed'] as const;

export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES).openapi('DocumentStatus', {
  description:
    '`queued` → `processing` → `extracted` (items read and matched) or `failed` (`error` says why, for a person: ' +
    '"PDF has no text layer …", "no table with a quantity column found …").',
});

export const DocumentKindSchema = z.enum(['xlsx', 'docx', 'pdf', 'csv', 'text', 'email']).openapi('DocumentKind', {
  description: 'What the file is, decided from its bytes (never from its name).',
});

const documentFields = {
  id: UuidSchema,
  fileName: z.string().nullable().openapi({ description: 'The name the file was uploaded with.', example: 'RFQ-Jurong-0412.xlsx' }),
  kind: DocumentKindSchema,
  mediaType: z.string().openapi({ description: 'The media type of the original (from its content).', example: 'application/pdf' }),
  sizeBytes: z.number().int(),
  checksum: z.string().openapi({ description: 'SHA-256 of the original, hex. The same bytes uploaded again answer this document.' }),
  customerId: UuidSchema.nullable(),
  customerName: z.string().nullable(),
  status: DocumentStatusSchema,
  progress: z.number().min(0).max(1).openapi({ description: 'Share of the reading done (items matched / items found while processing; 1 once ended).' }),
  error: z.string().nullable().openapi({ description: 'Why the document could not be read (status `failed`).' }),
  itemCount: z.number().int().openapi({ description: 'Requested items read from the document.' }),
  matchedCount: z.number().int().openapi({ description: 'Items with a chosen catalogue product.' }),
  quoteId: UuidSchema.nullable().openapi({ description: 'The draft quote made from this document.' }),
  quoteNumber: z.string().nullable(),
  version: z.number().int().openapi({ description: 'Increments on every change (items too); the `ETag` is this number in quotes.' }),
  createdBy: UuidSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  processedAt: TimestampSchema.nullable(),
};

export const DocumentSchema = z.object(documentFields).openapi('Document');

const SourceLocationSchema = z
  .union([
    z.object({ kind: z.literal('sheet'), sheet: z.string(), row: z.number().int(), column: z.string().optional() }),
    z.object({ kind: z.literal('table'), table: z.number().int(), row: z.number().int() }),
    z.object({ kind: z.literal('page'), page: z.number().int(), row: z.number().int() }),
    z.object({ kind: z.literal('row'), row: z.number().int() }),
    z.object({ kind: z.literal('paragraph'), paragraph: z.number().int() }),
    z.object({ kind: z.literal('bullet'), list: z.number().int(), item: z.number().int() }),
    z.object({ kind: z.literal('line'), line: z.number().int() }),
  ])
  .openapi('SourceLocation', { description: 'Where the item is in the original, in the file’s own terms (1-based).' });

const CandidateSchema = z
  .object({
    productId: UuidSchema,
    sku: z.string(),
    name: z.string(),
    score: z.number().openapi({ description: '0–1; a match needs 0.6 and a clear lead over the next candidate.' }),
    reasons: z.array(z.string()).openapi({ description: 'What matched: "code DCD791D2 = SKU", "words: angle, grinder".' }),
    conflicts: z.array(z.string()).openapi({ description: 'What disagrees: "voltage 12V ≠ 18V".' }),
  })
  .openapi('DocumentItemCandidate');

export const DocumentItemSchema = z
  .object({
    id: UuidSchema,
    position: z.number().int().openapi({ description: '1-based order in the document.' }),
    description: z.string().openapi({ description: 'As written.' }),
    specification: z.string().nullable(),
    brand: z.string().nullable(),
    code: z.string().nullable().openapi({ description: 'Model, part or catalogue number from its own column.' }),
    remarks: z.string().nullable(),
    quantity: QuantitySchema.nullable().openapi({ description: 'Exact decimal as text; null when the document gave none that fits a quote line.' }),
    unit: z.string().nullable().openapi({ description: 'Normalised (EA, BOX, PR, …) or as written; editable.' }),
    unitWritten: z.string().nullable().openapi({ description: 'The unit as the document wrote it.' }),
    location: SourceLocationSchema,
    locationLabel: z.string().openapi({ example: 'sheet RFQ row 7' }),
    confidence: z.number().min(0).max(1).openapi({ description: 'How sure the reader is that this is a requested item with this quantity.' }),
    match: z.enum(['matched', 'no-confident-match']).openapi({ description: 'The matcher’s verdict (never silently matched below its threshold).' }),
    matchReason: z.string().nullable().openapi({ description: 'Why there is no confident match.' }),
    candidates: z.array(CandidateSchema).openapi({ description: 'Best first.' }),
    chosen: z
      .object({ productId: UuidSchema, sku: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'The product the quote line will be: the confident match until a person chooses; null makes a free-text line.' }),
    notAnItem: z.boolean().openapi({ description: 'Marked by a person as not a requested item: left out of the quote.' }),
    reviewed: z.boolean().openapi({ description: 'A person changed it.' }),
  })
  .openapi('DocumentItem');

export const DocumentDetailSchema = z
  .object({ ...documentFields, items: z.array(DocumentItemSchema) })
  .openapi('DocumentDetail');

export const UpdateDocumentItemSchema = z
  .object({
    productId: UuidSchema.nullable()
      .optional()
      // Not the UUID example: no product has it, and an example should be a request that can succeed.
      .openapi({ description: 'The chosen catalogue product (any, not only a candidate); null: none (a free-text line).', example: null }),
    quantity: QuantitySchema.optional(),
    unit: nonBlankText(20).optional().openapi({ example: 'EA' }),
    notAnItem: z.boolean().optional(),
  })
  .openapi('UpdateDocumentItemRequest', {
    description: 'Only the fields present change. The document must be `extracted`.',
    example: { quantity: '12', unit: 'EA' },
  });

export const CreateQuoteFromDocumentSchema = z
  .object({
    customerId: UuidSchema.optional().openapi({ description: 'Defaults to the document’s customer; required when it has none.' }),
    title: nonBlankText(200).optional().openapi({ description: 'Defaults to "RFQ <file name>".' }),
  })
  .openapi('CreateQuoteFromDocumentRequest');
