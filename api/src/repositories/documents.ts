import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { DocumentEventRow, DocumentItemRow, DocumentKindColumn, DocumentRow, DocumentStatus } from '../db/schema.js';

/**
 * RFQ documents (tables of migration 0008): the document, its stored
 * original, its requested items and the outbox of its events. The work of
 * reading a document is a `document.extract` job on the job queue.
 */

/** A document with the names the views show (its customer's, its quote's number) and its job's progress. */
export type DocumentRecord = DocumentRow & {
  customer_name: string | null;
  quote_number: string | null;
  job_status: string | null;
  job_error: string | null;
  job_progress_done: number | null;
  job_progress_total: number | null;
};

export const DOCUMENT_JOB = 'document.extract';

function selectDocuments(db: Db) {
  return (
    db
      .selectFrom('documents')
      .leftJoin('customers', 'customers.id', 'documents.customer_id')
      .leftJoin('quotes', 'quotes.id', 'documents.quote_id')
      // The document's newest job: its progress while it runs, and its end when the queue ended it without the handler.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('jobs')
            .select(['jobs.status', 'jobs.error', 'jobs.progress_done', 'jobs.progress_total'])
            .where('jobs.kind', '=', DOCUMENT_JOB)
            .where(sql<boolean>`jobs.payload ->> 'subjectId' = documents.id::text`)
            .orderBy('jobs.created_at', 'desc')
            .limit(1)
            .as('job'),
        (join) => join.onTrue(),
      )
      .selectAll('documents')
      .select([
        'customers.name as customer_name',
        'quotes.number as quote_number',
        'job.status as job_status',
        'job.error as job_error',
        'job.progress_done as job_progress_done',
        'job.progress_total as job_progress_total',
      ])
  );
}

export interface NewDocument {
  fileName: string | null;
  kind: DocumentKindColumn;
  mediaType: string;
  checksum: string;
  content: Buffer;
  customerId: string | null;
  createdBy: string | null;
}

/**
 * Stores a document and its original, unless a document with the same
 * checksum exists: then nothing is written and `created` is false. Call in a
 * transaction (the row, its file and its job commit together).
 */
export async function insertDocumentOnce(db: Db, document: NewDocument): Promise<{ id: string; created: boolean }> {
  const inserted = await db
    .insertInto('documents')
    .values({
      file_name: document.fileName,
      kind: document.kind,
      media_type: document.mediaType,
      size_bytes: document.content.length,
      checksum: document.checksum,
      customer_id: document.customerId,
      created_by: document.createdBy,
    })
    .onConflict((oc) => oc.column('checksum').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) {
    await db.insertInto('document_files').values({ document_id: inserted.id, content: document.content }).execute();
    return { id: inserted.id, created: true };
  }
  const existing = await db.selectFrom('documents').select('id').where('checksum', '=', document.checksum).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export function findDocument(db: Db, id: string): Promise<DocumentRecord | undefined> {
  return selectDocuments(db).where('documents.id', '=', id).executeTakeFirst() as Promise<DocumentRecord | undefined>;
}

/** The document row alone, locked for the rest of the transaction. */
export function lockDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface DocumentListFilters {
  status?: DocumentStatus;
  customerId?: string;
}

/** Newest first, keyset-paginated on (created_at, id). */
export function listDocuments(db: Db, options: { limit: number; after?: [string, string]; filters: DocumentListFilters }): Promise<DocumentRecord[]> {
  let query = selectDocuments(db).orderBy('documents.created_at', 'desc').orderBy('documents.id', 'desc').limit(options.limit + 1);
  if (options.filters.status) query = query.where('documents.status', '=', options.filters.status);
  if (options.filters.customerId) query = query.where('documents.customer_id', '=', options.filters.customerId);
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(documents.created_at, documents.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute() as Promise<DocumentRecord[]>;
}

/** The documents changed last (uploaded, read, reviewed). */
export function listRecentDocuments(db: Db, limit: number): Promise<DocumentRecord[]> {
  return selectDocuments(db).orderBy('documents.updated_at', 'desc').orderBy('documents.id', 'desc').limit(limit).execute() as Promise<DocumentRecord[]>;
}

export async function documentFile(db: Db, id: string): Promise<{ content: Buffer; media_type: string; file_name: string | null; kind: DocumentKindColumn } | undefined> {
  return db
    .selectFrom('document_files')
    .innerJoin('documents', 'documents.id', 'document_files.document_id')
    .select(['document_files.content', 'documents.media_type', 'documents.file_name', 'documents.kind'])
    .where('document_files.document_id', '=', id)
    .executeTakeFirst();
}

export async function deleteDocument(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** queued → processing, when the job starts (or starts again after its process died). */
export async function markDocumentProcessing(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db
    .updateTable('documents')
    .set({ status: 'processing', error: null, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'processing'])
    .returningAll()
    .executeTakeFirst();
}

/** processing → queued: the job was handed back (its process is stopping). */
export async function markDocumentQueued(db: Db, id: string): Promise<void> {
  await db.updateTable('documents').set({ status: 'queued', updated_at: new Date() }).where('id', '=', id).where('status', '=', 'processing').execute();
}

export interface NewDocumentItem {
  position: number;
  description: string;
  specification: string | null;
  brand: string | null;
  code: string | null;
  remarks: string | null;
  quantity: string | null;
  unit: string | null;
  unitWritten: string | null;
  location: Record<string, unknown>;
  confidence: number;
  matchStatus: 'matched' | 'no-confident-match';
  matchReason: string | null;
  candidates: unknown[];
  chosenProductId: string | null;
}

/**
 * Ends the reading of a document, if it is still being read: its items
 * (replacing any of an earlier run), status `extracted`, counts. Answers
 * the row, or undefined when the document is gone or ended already.
 */
export async function completeDocument(db: Db, id: string, items: readonly NewDocumentItem[]): Promise<DocumentRow | undefined> {
  const row = await db
    .updateTable('documents')
    .set({
      status: 'extracted',
      error: null,
      item_count: items.length,
      matched_count: items.filter((item) => item.chosenProductId !== null).length,
      processed_at: new Date(),
      updated_at: new Date(),
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'processing'])
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('document_items').where('document_id', '=', id).execute();
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insertInto('document_items')
      .values(
        items.slice(i, i + 500).map((item) => ({
          document_id: id,
          position: item.position,
          description: item.description,
          specification: item.specification,
          brand: item.brand,
          code: item.code,
          remarks: item.remarks,
          quantity: item.quantity,
          unit: item.unit,
          unit_written: item.unitWritten,
          location: JSON.stringify(item.location),
          confidence: item.confidence,
          match_status: item.matchStatus,
          match_reason: item.matchReason,
          candidates: JSON.stringify(item.candidates),
          chosen_product_id: item.chosenProductId,
        })),
      )
      .execute();
  }
  return row;
}

/** Fails a document that is still being read (or waiting), with the reason. Answers undefined when it is gone or ended already. */
export function failDocument(db: Db, id: string, reason: string): Promise<DocumentRow | undefined> {
  return db
    .updateTable('documents')
    .set({ status: 'failed', error: reason, processed_at: new Date(), updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'processing'])
    .returningAll()
    .executeTakeFirst();
}

/**
 * Documents still waiting or being read whose job the queue ended (failed or
 * cancelled: given up after its process died on it, or cancelled), with the
 * job's reason — the handler never got to say so. Locked, for failDocument.
 */
export function documentsWithEndedJobs(db: Db, limit: number): Promise<{ id: string; reason: string | null }[]> {
  return db
    .selectFrom('documents')
    .innerJoin('jobs', (join) => join.on(sql<boolean>`jobs.kind = ${DOCUMENT_JOB} and jobs.payload ->> 'subjectId' = documents.id::text`))
    .select(['documents.id', 'jobs.error as reason'])
    .where('documents.status', 'in', ['queued', 'processing'])
    .where('jobs.status', 'in', ['failed', 'cancelled'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('jobs as newer')
            .select(sql`1`.as('one'))
            .where('newer.kind', '=', DOCUMENT_JOB)
            .where(sql<boolean>`newer.payload ->> 'subjectId' = documents.id::text`)
            .where(sql<boolean>`newer.created_at > jobs.created_at`),
        ),
      ),
    )
    .limit(limit)
    .forUpdate(['documents'])
    .skipLocked()
    .execute();
}

export function listDocumentItems(db: Db, documentId: string) {
  return db
    .selectFrom('document_items')
    .leftJoin('products', 'products.id', 'document_items.chosen_product_id')
    .selectAll('document_items')
    .select(['products.sku as chosen_sku', 'products.name as chosen_name'])
    .where('document_items.document_id', '=', documentId)
    .orderBy('document_items.position')
    .execute();
}

export type DocumentItemRecord = Awaited<ReturnType<typeof listDocumentItems>>[number];

export function findDocumentItem(db: Db, documentId: string, itemId: string): Promise<DocumentItemRow | undefined> {
  return db.selectFrom('document_items').selectAll().where('document_id', '=', documentId).where('id', '=', itemId).executeTakeFirst();
}

export interface DocumentItemChanges {
  chosenProductId?: string | null;
  quantity?: string;
  unit?: string;
  notAnItem?: boolean;
}

/** A person's review of an item; bumps the document's version and recounts its matched items. */
export async function reviewDocumentItem(db: Db, documentId: string, itemId: string, changes: DocumentItemChanges, reviewedBy: string): Promise<void> {
  await db
    .updateTable('document_items')
    .set({
      ...(changes.chosenProductId !== undefined ? { chosen_product_id: changes.chosenProductId } : {}),
      ...(changes.quantity !== undefined ? { quantity: changes.quantity } : {}),
      ...(changes.unit !== undefined ? { unit: changes.unit } : {}),
      ...(changes.notAnItem !== undefined ? { not_an_item: changes.notAnItem } : {}),
      reviewed_by: reviewedBy,
      reviewed_at: new Date(),
    })
    .where('document_id', '=', documentId)
    .where('id', '=', itemId)
    .execute();
  await touchDocument(db, documentId);
}

/** Bumps the version (the `ETag`), recounting the items that have a chosen product. */
export async function touchDocument(db: Db, documentId: string, changes: { quoteId?: string } = {}): Promise<void> {
  await db
    .updateTable('documents')
    .set({
      version: sql`version + 1`,
      updated_at: new Date(),
      matched_count: sql`(select count(*) from document_items where document_id = ${documentId} and chosen_product_id is not null and not not_an_item)`,
      ...(changes.quoteId ? { quote_id: changes.quoteId } : {}),
    })
    .where('id', '=', documentId)
    .execute();
}

/* The outbox of document events. */

export async function insertDocumentEvent(db: Db, event: { documentId: string; type: 'document.processed' | 'document.failed'; payload: Record<string, unknown> }): Promise<void> {
  await db.insertInto('document_events').values({ document_id: event.documentId, type: event.type, payload: JSON.stringify(event.payload) }).execute();
}

/** Unpublished events, oldest first, locked so that two publishers never take the same ones. */
export function pendingDocumentEvents(trx: Db, limit: number): Promise<DocumentEventRow[]> {
  return trx.selectFrom('document_events').selectAll().where('published_at', 'is', null).orderBy('id').limit(limit).forUpdate().skipLocked().execute();
}

export async function markDocumentEventsPublished(trx: Db, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await trx.updateTable('document_events').set({ published_at: new Date() }).where('id', 'in', ids).execute();
}

export function documentEventsOf(db: Db, documentId: string): Promise<DocumentEventRow[]> {
  return db.selectFrom('document_events').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
}
