import type { ExtractedDocument } from '../../domain/documents/document-structure.js';
import { extractDocument, loadDocumentReaders } from '../../extraction/extract-document.js';
import { defineParser } from '../parser.js';

/**
 * An uploaded RFQ document (XLSX, DOCX, PDF, CSV, text, e-mail; the type read
 * from its bytes) extracted with its structure, inside the bounded worker.
 */
export default defineParser<Record<string, never>, ExtractedDocument>({
  parse(file, { limits }) {
    return extractDocument(file, limits);
  },
  load: loadDocumentReaders,
});
