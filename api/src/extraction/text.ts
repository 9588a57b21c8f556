import type { ExtractedDocument, TextLine } from '../domain/documents/document-structure.js';
import { decodeText, MEDIA_TYPES } from './detect-kind.js';
import { UnreadableDocumentError } from './errors.js';
import { ExtractionBudget, type ExtractionLimits } from './limits.js';

/** Plain text as numbered lines; lines that start with a bullet or a list number are list items. */
export function extractText(bytes: Uint8Array, limits: ExtractionLimits): ExtractedDocument {
  const text = decodeText(bytes);
  if (text === undefined) throw new UnreadableDocumentError('the file is not text');
  return { kind: 'text', mediaType: MEDIA_TYPES.text, blocks: [{ type: 'text', lines: textLines(text.replace(/^\uFEFF/, ''), limits) }], numberFormat: { decimalSeparator: '.' } };
}

const LIST_MARKER = /^\s*(?:[-*•–·▪‣◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/i;

export function textLines(text: string, limits: ExtractionLimits, firstLine = 1): TextLine[] {
  const budget = new ExtractionBudget(limits);
  const raw = text.split(/\r\n|\r|\n/);
  budget.rows(raw.length, 'the text');
  const lines: TextLine[] = [];
  raw.forEach((line, index) => {
    const value = budget.text(line.replace(/\s+/g, ' ').trim());
    if (value === '') return;
    lines.push({ location: { kind: 'line', line: firstLine + index }, text: value, ...(LIST_MARKER.test(line) ? { listItem: true } : {}) });
  });
  return lines;
}
