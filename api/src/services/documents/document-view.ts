import { canonicalQuantity } from '@nexus/sdk/pricing';
import { describeLocation, type SourceLocation } from '../../domain/documents/document-structure.js';
import type { ScoredCandidate } from '../../domain/documents/match-scoring.js';
import type { DocumentItemRecord, DocumentRecord } from '../../repositories/documents.js';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/**
 * The status a person should see: a document still waiting or being read
 * whose job the queue ended (it gave up after its process died on it, or it
 * was cancelled) is failed with the queue's reason, even before the event
 * publisher has recorded that on the row.
 */
function shownStatus(row: DocumentRecord): { status: DocumentRecord['status']; error: string | null } {
  if ((row.status === 'queued' || row.status === 'processing') && (row.job_status === 'failed' || row.job_status === 'cancelled')) {
    return { status: 'failed', error: row.job_error ?? 'The document could not be read.' };
  }
  return { status: row.status, error: row.error };
}

function progressOf(row: DocumentRecord, status: DocumentRecord['status']): number {
  if (status === 'extracted' || status === 'failed') return 1;
  if (status === 'queued' || !row.job_progress_total) return 0;
  return Math.min(1, Math.round(((row.job_progress_done ?? 0) / row.job_progress_total) * 10_000) / 10_000);
}

/** A document as the API shows it (the contract's `Document`). */
export function toDocumentView(row: DocumentRecord) {
  const { status, error } = shownStatus(row);
  return {
    id: row.id,
    fileName: row.file_name,
    kind: row.kind,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    checksum: row.checksum,
    customerId: row.customer_id,
    customerName: row.customer_name,
    status,
    progress: progressOf(row, status),
    error,
    itemCount: row.item_count,
    matchedCount: row.matched_count,
    quoteId: row.quote_id,
    quoteNumber: row.quote_number,
    version: row.version,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    processedAt: iso(row.processed_at),
  };
}

export type DocumentView = ReturnType<typeof toDocumentView>;

/** A requested item with its candidates and the chosen product (the contract's `DocumentItem`). */
export function toDocumentItemView(row: DocumentItemRecord) {
  const candidates = (row.candidates as ScoredCandidate[]).map((c) => ({
    productId: c.productId,
    sku: c.sku,
    name: c.name,
    score: c.score,
    reasons: c.reasons,
    conflicts: c.conflicts,
  }));
  return {
    id: row.id,
    position: row.position,
    description: row.description,
    specification: row.specification,
    brand: row.brand,
    code: row.code,
    remarks: row.remarks,
    quantity: row.quantity === null ? null : canonicalQuantity(row.quantity),
    unit: row.unit,
    unitWritten: row.unit_written,
    location: row.location as SourceLocation,
    locationLabel: describeLocation(row.location as SourceLocation),
    confidence: row.confidence,
    match: row.match_status,
    matchReason: row.match_reason,
    candidates,
    chosen:
      row.chosen_product_id === null ? null : { productId: row.chosen_product_id, sku: row.chosen_sku ?? '', name: row.chosen_name ?? '' },
    notAnItem: row.not_an_item,
    reviewed: row.reviewed_at !== null,
  };
}

export type DocumentItemView = ReturnType<typeof toDocumentItemView>;

export function toDocumentDetailView(row: DocumentRecord, items: readonly DocumentItemRecord[]) {
  return { ...toDocumentView(row), items: items.map(toDocumentItemView) };
}

export type DocumentDetailView = ReturnType<typeof toDocumentDetailView>;
