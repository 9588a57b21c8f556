import { parse } from 'csv-parse/sync';
import type { ExtractedDocument, TableRow } from '../domain/documents/document-structure.js';
import { decodeText, detectDelimiter } from './detect-kind.js';
import { MEDIA_TYPES } from './detect-kind.js';
import { UnreadableDocumentError } from './errors.js';
import { ExtractionBudget, type ExtractionLimits } from './limits.js';

/**
 * A CSV file as one table. The dialect is read from the file: the delimiter
 * (`;` `,` tab `|`), a byte-order mark, and whether numbers are written with
 * a decimal comma ("2,5" — usual with `;` in Europe and Indonesia).
 */
export function extractCsv(bytes: Uint8Array, limits: ExtractionLimits): ExtractedDocument {
  const text = decodeText(bytes)?.replace(/^\uFEFF/, '');
  if (text === undefined) throw new UnreadableDocumentError('the file is not text, so it is not CSV');
  const sampleLines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 50);
  const delimiter = detectDelimiter(sampleLines) ?? ',';
  const budget = new ExtractionBudget(limits);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, trim: false }) as unknown as typeof records;
  } catch (error) {
    throw new UnreadableDocumentError(`the file is not valid CSV (${error instanceof Error ? error.message : String(error)})`);
  }
  budget.rows(records.length, 'the CSV file');
  const rows: TableRow[] = records
    .map(({ record, info }) => ({
      location: { kind: 'row' as const, row: info.lines },
      cells: record.slice(0, limits.maxColumns).map((cell) => budget.text(cell.trim())),
    }))
    .filter((row) => row.cells.some((c) => c !== ''));
  return {
    kind: 'csv',
    mediaType: MEDIA_TYPES.csv,
    blocks: [{ type: 'table', name: 'CSV', rows }],
    numberFormat: { decimalSeparator: decimalSeparatorOf(rows, delimiter) },
  };
}

const COMMA_DECIMAL = /^-?\d{1,3}(?:\.\d{3})*,\d+$|^-?\d+,\d+$/;
const POINT_DECIMAL = /^-?\d{1,3}(?:,\d{3})*\.\d+$|^-?\d+\.\d+$/;

/**
 * A comma can only be a decimal separator when it is not the delimiter; then
 * the numbers decide: "2,5" and "1.234,50" say comma, "2.5" and "1,234.50" say point.
 */
export function decimalSeparatorOf(rows: readonly TableRow[], delimiter: string): '.' | ',' {
  if (delimiter === ',') return '.';
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      const value = cell.replace(/\s/g, '');
      if (COMMA_DECIMAL.test(value)) comma += 1;
      else if (POINT_DECIMAL.test(value)) point += 1;
    }
  }
  return comma > point ? ',' : '.';
}
