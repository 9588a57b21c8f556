import { fileTypeFromBuffer } from 'file-type';
import type { DocumentKind } from '../domain/documents/document-structure.js';
import { UnreadableDocumentError } from './errors.js';

/**
 * Decides what a file is from its bytes, never from its name or the media
 * type the browser sent: a PDF renamed to .xlsx is a PDF (and a picture
 * renamed to .xlsx is refused). Binary formats by their signatures
 * (file-type); text is then told apart as e-mail, CSV or plain text by its
 * first lines.
 */

export interface DetectedKind {
  kind: DocumentKind;
  mediaType: string;
}

export const MEDIA_TYPES: Record<DocumentKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv',
  text: 'text/plain',
  email: 'message/rfc822',
};

const ACCEPTED = 'Upload an XLSX, DOCX, PDF, CSV, plain-text or e-mail (.eml) file.';

export async function detectDocumentKind(bytes: Uint8Array): Promise<DetectedKind> {
  if (bytes.length === 0) throw new UnreadableDocumentError('the file is empty');
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    switch (detected.ext) {
      case 'xlsx':
        return { kind: 'xlsx', mediaType: MEDIA_TYPES.xlsx };
      case 'docx':
        return { kind: 'docx', mediaType: MEDIA_TYPES.docx };
      case 'pdf':
        return { kind: 'pdf', mediaType: MEDIA_TYPES.pdf };
      case 'cfb':
        // Old .xls/.doc files and password-protected Office files are both OLE containers.
        throw new UnreadableDocumentError(
          'the file is an old-format (.xls/.doc) or password-protected Office file; save it as .xlsx or .docx without a password and upload it again',
        );
      case 'zip':
        throw new UnreadableDocumentError(`the file is a ZIP archive but not an XLSX or DOCX document. ${ACCEPTED}`);
      default:
        throw new UnreadableDocumentError(`the file is ${detected.mime} (.${detected.ext}), not a document that can be read. ${ACCEPTED}`);
    }
  }
  const text = decodeText(bytes);
  if (text === undefined) throw new UnreadableDocumentError(`the file is binary data of no known document type. ${ACCEPTED}`);
  if (text.trim() === '') throw new UnreadableDocumentError('the file holds no text');
  if (looksLikeEmail(text)) return { kind: 'email', mediaType: MEDIA_TYPES.email };
  if (looksLikeCsv(text)) return { kind: 'csv', mediaType: MEDIA_TYPES.csv };
  return { kind: 'text', mediaType: MEDIA_TYPES.text };
}

/** Text from UTF-8 (with or without BOM) or UTF-16 with a BOM; undefined when the bytes are not text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not UTF-8: spreadsheets exported on Windows are often Windows-1252; control bytes mean binary.
    let control = 0;
    for (const byte of sample) if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
    if (control > sample.length / 100) return undefined;
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/;
const MAIL_HEADERS = new Set(['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'received', 'return-path', 'cc', 'reply-to', 'content-type']);

/** An RFC 5322 message starts with a header block holding at least From and one of Subject/Date/Message-ID. */
function looksLikeEmail(text: string): boolean {
  const names = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 200)) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue;
    const header = HEADER_LINE.exec(line);
    if (!header) return false;
    names.add(header[1]!.toLowerCase());
  }
  const known = [...names].filter((n) => MAIL_HEADERS.has(n));
  return names.has('from') && known.length >= 2;
}

/** CSV when the first lines split into the same number (≥ 2) of fields by one delimiter. */
export function looksLikeCsv(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length < 2) return false;
  const delimiter = detectDelimiter(lines);
  if (!delimiter) return false;
  const counts = lines.map((l) => countOutsideQuotes(l, delimiter));
  const consistent = counts.filter((c) => c === counts[0]).length;
  return counts[0]! >= 1 && consistent >= Math.ceil(lines.length * 0.8);
}

const DELIMITERS = [';', ',', '\t', '|'] as const;

export function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count += 1;
  }
  return count;
}

/**
 * The delimiter that splits the most lines into the same number of fields;
 * ties go to the one that makes more fields. Undefined when none splits.
 */
export function detectDelimiter(lines: readonly string[]): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, delimiter));
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    const [fields, lineCount] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = lineCount * 1000 + fields;
    if (lineCount > 0 && (!best || score > best.score)) best = { delimiter, score };
  }
  return best?.delimiter;
}
