import type { ExtractedDocument } from '../domain/documents/document-structure.js';
import { detectDocumentKind } from './detect-kind.js';
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from './limits.js';

/**
 * Reads an uploaded RFQ document into its structure. The type is decided by
 * the bytes; a file that cannot be read throws UnreadableDocumentError (or
 * DocumentLimitError) with a reason for the person who uploaded it.
 *
 * A plain async function of bytes and limits returning plain data, so that
 * it can run inside the bounded parser runner's worker thread. ZIP-based
 * files (XLSX, DOCX) must have passed the archive inspection before this
 * opens them.
 */
export async function extractDocument(bytes: Uint8Array, limits: ExtractionLimits = DEFAULT_EXTRACTION_LIMITS): Promise<ExtractedDocument> {
  const { kind } = await detectDocumentKind(bytes);
  // Only the reader of this kind is loaded: pdf.js and mammoth take seconds to load on a busy machine,
  // and a one-off parser worker reads one file (a resident one loads them all first: loadDocumentReaders).
  switch (kind) {
    case 'xlsx':
      return (await import('./xlsx.js')).extractXlsx(bytes, limits);
    case 'docx':
      return (await import('./docx.js')).extractDocx(bytes, limits);
    case 'pdf':
      return (await import('./pdf.js')).extractPdf(bytes, limits);
    case 'csv':
      return (await import('./csv.js')).extractCsv(bytes, limits);
    case 'email':
      return (await import('./email.js')).extractEmail(bytes, limits);
    case 'text':
      return (await import('./text.js')).extractText(bytes, limits);
  }
}

/** Loads every reader (and the type detection) ahead of the first file: what a resident parser worker does while it waits. */
export async function loadDocumentReaders(): Promise<void> {
  await Promise.all([import('./detect-kind.js'), import('./xlsx.js'), import('./docx.js'), import('./pdf.js'), import('./csv.js'), import('./email.js'), import('./text.js')]);
}
