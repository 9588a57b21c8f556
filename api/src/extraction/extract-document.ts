import type { ExtractedDocument } from '../domain/documents/document-structure.js';
import { extractCsv } from './csv.js';
import { detectDocumentKind } from './detect-kind.js';
import { extractDocx } from './docx.js';
import { extractEmail } from './email.js';
import { DEFAULT_EXTRACTION_LIMITS, type ExtractionLimits } from './limits.js';
import { extractPdf } from './pdf.js';
import { extractText } from './text.js';
import { extractXlsx } from './xlsx.js';

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
  switch (kind) {
    case 'xlsx':
      return extractXlsx(bytes, limits);
    case 'docx':
      return extractDocx(bytes, limits);
    case 'pdf':
      return extractPdf(bytes, limits);
    case 'csv':
      return extractCsv(bytes, limits);
    case 'email':
      return extractEmail(bytes, limits);
    case 'text':
      return extractText(bytes, limits);
  }
}
