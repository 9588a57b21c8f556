import { z } from '@hono/zod-openapi';
import { TimestampSchema, UuidSchema } from '../../http/schemas.js';

const IssueSchema = z
  .object({
    row: z.number().int().openapi({ description: 'Row number in the file (the header is row 1).' }),
    sku: z.string().nullable(),
    reason: z.string().openapi({ example: 'bad price: "12,5O" is not a number' }),
  })
  .openapi('ImportIssue');

export const ImportJobSchema = z
  .object({
    id: UuidSchema,
    status: z.enum(['queued', 'running', 'succeeded', 'failed']).openapi({
      description: '`failed` jobs say in `error` where they stopped; rows before that point are applied, none after.',
    }),
    format: z.enum(['csv', 'xlsx']),
    fileName: z.string().nullable(),
    fileSize: z.number().int().openapi({ description: 'Bytes uploaded.' }),
    rowsTotal: z.number().int().nullable().openapi({ description: 'Data rows in the file; null until the file is read.' }),
    rowsDone: z.number().int().openapi({ description: 'Rows processed and committed (created, updated, unchanged or rejected).' }),
    progress: z.number().min(0).max(1).openapi({ description: 'rowsDone / rowsTotal (0 before the file is read).' }),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().openapi({ description: 'Rows equal to the product already stored.' }),
    rejected: z.number().int(),
    relationsCreated: z.number().int().openapi({ description: 'Relations created from relation columns (accessory_of, compatible_with, …).' }),
    error: z.string().nullable(),
    attempts: z.number().int().openapi({ description: 'Times a worker took the job (more than 1 after a restart resumed it).' }),
    createdAt: TimestampSchema,
    startedAt: TimestampSchema.nullable(),
    finishedAt: TimestampSchema.nullable(),
  })
  .openapi('ImportJob');

export const ImportJobDetailSchema = ImportJobSchema.extend({
  rejectedRows: z.array(IssueSchema).openapi({ description: 'Rejected rows with the reason, by row number (the first 1,000).' }),
  warnings: z.array(IssueSchema).openapi({ description: 'Applied rows with a problem, e.g. a relation naming an unknown SKU (the first 1,000).' }),
}).openapi('ImportJobDetail');
