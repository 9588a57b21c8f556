import { createHash } from 'node:crypto';
import { canonicalQuantity } from '@nexus/sdk/pricing';
import type { AppDeps } from '../../deps.js';
import type { DocumentStatus } from '../../db/schema.js';
import { MEDIA_TYPES, detectDocumentKind } from '../../extraction/detect-kind.js';
import { UnreadableDocumentError } from '../../extraction/errors.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { ProblemError, problems } from '../../lib/problem.js';
import { inspectArchive, isZipArchive } from '../../parsing/archive-inspection.js';
import { formatBytes, parseLimitsFrom } from '../../parsing/limits.js';
import { recordActivity } from '../../repositories/activity.js';
import { findCustomer } from '../../repositories/customers.js';
import {
  deleteDocument,
  DOCUMENT_JOB,
  documentFile,
  findDocument,
  findDocumentItem,
  insertDocumentOnce,
  listDocumentItems,
  listDocuments,
  listRecentDocuments,
  lockDocument,
  reviewDocumentItem,
  touchDocument,
} from '../../repositories/documents.js';
import { cancelJob, enqueueJob, findJobForSubject } from '../../repositories/jobs.js';
import { findProduct } from '../../repositories/products.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';
import { quotesService, type QuoteView } from '../quotes/index.js';
import type { DraftLineInput } from '../quotes/quote-drafts.js';
import { requireVersion, type ExpectedVersion } from '../versions.js';
import { toDocumentDetailView, toDocumentView, type DocumentDetailView, type DocumentView } from './document-view.js';

export { DOCUMENT_EVENTS_CHANNEL, type DocumentEvent } from './document-events.js';

/** The media types a document can be (read from its bytes, not its name): what the upload accepts. */
export const DOCUMENT_MEDIA_TYPES: readonly string[] = Object.values(MEDIA_TYPES);
export type { DocumentDetailView, DocumentView, DocumentItemView } from './document-view.js';

/** An uploaded file as the HTTP layer read it. */
export interface DocumentUpload {
  content: Buffer;
  fileName: string | null;
  customerId: string | null;
}

export interface DocumentItemChangesInput {
  productId?: string | null | undefined;
  quantity?: string | undefined;
  unit?: string | undefined;
  notAnItem?: boolean | undefined;
}

type DocumentsDeps = Pick<AppDeps, 'db' | 'jobs' | 'config' | 'logger' | 'pubsub' | 'graph' | 'cache' | 'pdfRenderer'>;

const unprocessable = (detail: string, reason: string) => new ProblemError({ status: 422, slug: 'unreadable-document', detail, extensions: { reason } });

/**
 * RFQ documents: upload (stored once per content, read on the job queue),
 * list and read them, the original file, review of the requested items, and
 * the draft quote made from them.
 */
export function documentsService(deps: DocumentsDeps) {
  const { db, config } = deps;
  const quotes = quotesService(deps);
  const limits = parseLimitsFrom(config);

  async function detail(id: string): Promise<DocumentDetailView> {
    const row = await findDocument(db, id);
    if (!row) throw problems.notFound('The document');
    return toDocumentDetailView(row, await listDocumentItems(db, id));
  }

  /** The cheap checks at upload, before anything is stored: size, type by content, the archive's directory. */
  async function checkUpload(content: Buffer) {
    if (content.length === 0) throw unprocessable('The file is empty; choose the RFQ document again.', 'the file is empty');
    if (content.length > config.DOCUMENT_MAX_BYTES) {
      throw new ProblemError({
        status: 413,
        slug: 'body-too-large',
        detail: `The file is ${formatBytes(content.length)}; documents up to ${formatBytes(config.DOCUMENT_MAX_BYTES)} are accepted.`,
        extensions: { maxBytes: config.DOCUMENT_MAX_BYTES },
      });
    }
    // XLSX and DOCX are ZIP archives: their directory is inspected before anything opens them (the job inflates them under limits).
    if (isZipArchive(content)) {
      const verdict = await inspectArchive(content, limits, { inflate: false });
      if (!verdict.ok) throw unprocessable(`The file cannot be read: ${verdict.reason}.`, verdict.reason);
    }
    try {
      return await detectDocumentKind(content);
    } catch (error) {
      if (error instanceof UnreadableDocumentError) throw unprocessable(`The file cannot be read: ${error.message}.`, error.message);
      throw error;
    }
  }

  return {
    /** Stores the document and queues its reading; the same bytes again answer the existing document (`created: false`). */
    async upload(caller: Caller, upload: DocumentUpload): Promise<{ created: boolean; document: DocumentView }> {
      const detected = await checkUpload(upload.content);
      if (upload.customerId !== null && !(await findCustomer(db, upload.customerId))) throw problems.notFound('The customer');
      const checksum = createHash('sha256').update(upload.content).digest('hex');
      const stored = await db.transaction().execute(async (trx) => {
        const result = await insertDocumentOnce(trx, {
          fileName: upload.fileName,
          kind: detected.kind,
          mediaType: detected.mediaType,
          checksum,
          content: upload.content,
          customerId: upload.customerId,
          createdBy: caller.id,
        });
        if (result.created) {
          await enqueueJob(trx, { kind: DOCUMENT_JOB, subjectId: result.id });
          await recordActivity(trx, {
            actorId: caller.id,
            action: 'document.uploaded',
            entityType: 'document',
            entityId: result.id,
            summary: `${caller.name} uploaded the RFQ document ${upload.fileName ?? `(${detected.kind})`}`,
          });
        }
        return result;
      });
      if (stored.created) deps.jobs.wake();
      const row = await findDocument(db, stored.id);
      if (!row) throw problems.notFound('The document');
      return { created: stored.created, document: toDocumentView(row) };
    },

    async list(query: { limit: number; cursor?: string | undefined; status?: DocumentStatus | undefined; customerId?: string | undefined }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listDocuments(db, {
        limit: query.limit,
        ...(after ? { after } : {}),
        filters: { ...(query.status ? { status: query.status } : {}), ...(query.customerId ? { customerId: query.customerId } : {}) },
      });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toDocumentView), nextCursor: page.nextCursor };
    },

    async recent(limit: number) {
      return { items: (await listRecentDocuments(db, limit)).map(toDocumentView) };
    },

    get: detail,

    async file(id: string) {
      const file = await documentFile(db, id);
      if (!file) throw problems.notFound('The document');
      const extension = { xlsx: 'xlsx', docx: 'docx', pdf: 'pdf', csv: 'csv', text: 'txt', email: 'eml' }[file.kind];
      return { content: file.content, mediaType: file.media_type || MEDIA_TYPES[file.kind], fileName: file.file_name ?? `document.${extension}` };
    },

    /** Deletes the document, its file and items; its job is cancelled. A quote made from it stays. */
    async remove(caller: Caller, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await lockDocument(trx, id);
        if (!row) throw problems.notFound('The document');
        const job = await findJobForSubject(trx, DOCUMENT_JOB, id);
        if (job && (job.status === 'queued' || job.status === 'processing')) await cancelJob(trx, job.id);
        await deleteDocument(trx, id);
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'document.deleted',
          entityType: 'document',
          entityId: id,
          summary: `${caller.name} deleted the RFQ document ${row.file_name ?? id}`,
        });
      });
    },

    /** A person's review of one item: the chosen product (null: none, a free-text line), quantity, unit, or not an item. */
    async updateItem(caller: Caller, request: { id: string; itemId: string; expected: ExpectedVersion }, changes: DocumentItemChangesInput): Promise<DocumentDetailView> {
      await db.transaction().execute(async (trx) => {
        const row = await lockDocument(trx, request.id);
        if (!row) throw problems.notFound('The document');
        requireVersion(request.expected, row.version, 'The document');
        if (row.status !== 'extracted') {
          throw problems.conflict(`Items can be reviewed once the document is read; it is ${row.status}.`, { currentStatus: row.status });
        }
        const item = await findDocumentItem(trx, request.id, request.itemId);
        if (!item) throw problems.notFound('The document item');
        if (changes.productId) {
          const product = await findProduct(trx, changes.productId);
          if (!product) throw problems.notFound('The product');
        }
        await reviewDocumentItem(
          trx,
          request.id,
          request.itemId,
          {
            ...(changes.productId !== undefined ? { chosenProductId: changes.productId } : {}),
            ...(changes.quantity !== undefined ? { quantity: changes.quantity } : {}),
            ...(changes.unit !== undefined ? { unit: changes.unit } : {}),
            ...(changes.notAnItem !== undefined ? { notAnItem: changes.notAnItem } : {}),
          },
          caller.id,
        );
      });
      return detail(request.id);
    },

    /**
     * A draft quote from the reviewed items, in item order: an item with a
     * chosen product becomes a catalogue line, one without a free-text line
     * (price 0, to be priced), "not an item"s are left out. The document
     * links to the quote; a document has at most one quote.
     */
    async createQuote(
      caller: Caller,
      request: { id: string; idempotencyKey: string | undefined },
      input: { customerId?: string | undefined; title?: string | undefined },
    ): Promise<Created<QuoteView>> {
      const created = await createOnce(
        db,
        { userId: caller.id, key: request.idempotencyKey, operation: 'createQuoteFromDocument', payload: { documentId: request.id, ...input } },
        async (trx) => {
          const row = await lockDocument(trx, request.id);
          if (!row) throw problems.notFound('The document');
          if (row.quote_id) throw problems.conflict('A quote was already made from this document.', { quoteId: row.quote_id });
          if (row.status !== 'extracted') {
            throw problems.conflict(`A quote can be made once the document is read; it is ${row.status}.`, { currentStatus: row.status });
          }
          const customerId = input.customerId ?? row.customer_id;
          if (!customerId) throw problems.conflict('The document has no customer: give `customerId`.');
          const items = (await listDocumentItems(trx, row.id)).filter((item) => !item.not_an_item);
          if (items.length === 0) throw problems.conflict('Every item of the document is marked "not an item": there is nothing to quote.');
          const missing = items.find((item) => item.quantity === null);
          if (missing) throw problems.conflict(`Item ${missing.position} (${missing.description}) has no quantity; set one first.`, { itemId: missing.id });
          const lines: DraftLineInput[] = items.map((item) => {
            const quantity = canonicalQuantity(item.quantity!);
            const unit = item.unit ? item.unit.slice(0, 20) : undefined;
            return item.chosen_product_id
              ? { productId: item.chosen_product_id, quantity, ...(unit ? { unit } : {}) }
              : { description: [item.description, item.specification].filter(Boolean).join(' — ').slice(0, 2000), quantity, unitPriceMinor: 0, ...(unit ? { unit } : {}) };
          });
          const title = input.title ?? `RFQ ${row.file_name ?? row.id}`.slice(0, 200);
          const quote = await quotes.createWithLines(trx, caller, {
            customerId,
            title,
            activitySummary: `${caller.name} created a quote for ${lines.length} item${lines.length === 1 ? '' : 's'} of the RFQ document ${row.file_name ?? row.id}`,
          }, lines);
          await touchDocument(trx, row.id, { quoteId: quote.id });
          await recordActivity(trx, {
            actorId: caller.id,
            action: 'document.quoted',
            entityType: 'document',
            entityId: row.id,
            summary: `${caller.name} made quote ${quote.number} from the RFQ document ${row.file_name ?? row.id}`,
            details: { quoteId: quote.id },
          });
          return quote;
        },
      );
      if (!created.replayed) await quotes.publishCreated(created.value, caller);
      return created;
    },
  };
}

export type DocumentsService = ReturnType<typeof documentsService>;
