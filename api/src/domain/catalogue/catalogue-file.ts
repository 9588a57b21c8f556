import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/**
 * Reads an uploaded catalogue file into rows of text cells. CSV through
 * csv-parse, XLSX through exceljs' streaming reader (first worksheet only).
 */

export type CatalogueFormat = 'csv' | 'xlsx';

export interface CatalogueSheet {
  header: string[];
  /** Data rows with their row number in the file (the header is row 1). */
  rows: { rowNumber: number; cells: string[] }[];
}

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Format from a media type or a file name; undefined when neither says. */
export function formatOf(mediaType: string | undefined, fileName?: string | null): CatalogueFormat | undefined {
  const essence = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (essence === XLSX_MEDIA_TYPE) return 'xlsx';
  if (essence === 'text/csv' || essence === 'application/csv') return 'csv';
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  return undefined;
}

/** The most frequent of `,` `;` and tab outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

export function readCsv(content: Buffer): CatalogueSheet {
  const text = content.toString('utf8');
  if (text.includes('\u0000')) throw new UnreadableFileError('the file is binary, not CSV text');
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: false,
    }) as string[][];
  } catch (error) {
    throw new UnreadableFileError(`not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return toSheet(records);
}

function toSheet(records: string[][], rowNumbers?: number[]): CatalogueSheet {
  const [header, ...data] = records;
  if (!header) throw new UnreadableFileError('the file is empty');
  return {
    header,
    rows: data.map((cells, i) => ({ rowNumber: rowNumbers?.[i + 1] ?? i + 2, cells })),
  };
}

/** A cell's value as text: formulas give their result, rich text its plain text, dates ISO 8601. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readXlsx(content: Buffer): Promise<CatalogueSheet> {
  if (content.length < 4 || content.readUInt32LE(0) !== 0x04034b50) throw new UnreadableFileError('not an XLSX file (not a ZIP archive)');
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(content), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
        // exceljs rows are 1-based: values[0] is always empty.
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim());
        if (cells.every((c) => c === '')) continue;
        records.push(cells);
        rowNumbers.push((row as ExcelJS.Row).number);
      }
      break;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`not a readable XLSX file: ${error instanceof Error ? error.message : String(error)}`);
  }
  return toSheet(records, rowNumbers);
}

export function readCatalogueFile(content: Buffer, format: CatalogueFormat): Promise<CatalogueSheet> {
  if (content.length === 0) return Promise.reject(new UnreadableFileError('the file is empty'));
  return format === 'csv' ? Promise.resolve(readCsv(content)) : readXlsx(content);
}
