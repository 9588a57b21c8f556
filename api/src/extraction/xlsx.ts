import type { ExtractedDocument, TableBlock, TableRow } from '../domain/documents/document-structure.js';
import { DEFAULT_PARSE_LIMITS } from '../parsing/limits.js';
import { columnOf, streamXlsxSheets } from '../parsing/tables/xlsx-stream.js';
import { MEDIA_TYPES } from './detect-kind.js';
import { ExtractionBudget, type ExtractionLimits } from './limits.js';

/**
 * Every sheet of a workbook as a table of its used range, wherever that
 * starts (an RFQ's table is rarely at A1). Read with the bounded parser's
 * streaming XLSX reader, so a row costs what its cells cost. Merged cells
 * give their text to every cell they cover, so a two-row merged header reads
 * the same in each column; formulas give their cached result.
 */
export async function extractXlsx(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const budget = new ExtractionBudget(limits);
  const sheets: { name: string; rows: Map<number, string[]>; merges: string[] }[] = [];
  let rowCount = 0;
  await streamXlsxSheets(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { ...DEFAULT_PARSE_LIMITS, ...limits }, (info) => {
    const sheet = { name: info.name, rows: new Map<number, string[]>(), merges: [] as string[] };
    sheets.push(sheet);
    return {
      width: () => limits.maxColumns,
      row(rowNumber, cells) {
        rowCount += 1;
        budget.rows(rowCount, 'the workbook');
        sheet.rows.set(rowNumber, Array.from(cells, (c) => budget.text((c ?? '').replace(/\s+/g, ' ').trim())));
      },
      merge: (range) => sheet.merges.push(range),
    };
  });
  const blocks = sheets.map((sheet) => sheetTable(sheet, budget)).filter((block) => block.rows.length > 0);
  return { kind: 'xlsx', mediaType: MEDIA_TYPES.xlsx, blocks, numberFormat: { decimalSeparator: '.' } };
}

/** Fills each merged range with its top-left cell's text, then cuts the sheet to its used columns. */
function sheetTable(sheet: { name: string; rows: Map<number, string[]>; merges: string[] }, budget: ExtractionBudget): TableBlock {
  for (const range of sheet.merges) {
    const [from, to] = range.split(':');
    const [top, left] = cellRef(from ?? '');
    const [bottom, right] = cellRef(to ?? from ?? '');
    if (!top || !left || !bottom || !right || bottom - top > budget.limits.maxRows || right > budget.limits.maxColumns) continue;
    const text = sheet.rows.get(top)?.[left - 1] ?? '';
    if (text === '') continue;
    for (let row = top; row <= bottom; row += 1) {
      const cells = sheet.rows.get(row) ?? [];
      for (let column = left; column <= right; column += 1) if (!cells[column - 1]) cells[column - 1] = text;
      sheet.rows.set(row, cells);
    }
  }
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const cells of sheet.rows.values()) {
    cells.forEach((cell, i) => {
      if (!cell) return;
      first = Math.min(first, i + 1);
      last = Math.max(last, i + 1);
    });
  }
  if (last === 0) return { type: 'table', name: sheet.name, rows: [] };
  const rows: TableRow[] = [...sheet.rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({
      location: { kind: 'sheet' as const, sheet: sheet.name, row },
      cells: Array.from({ length: last - first + 1 }, (_, i) => cells[first - 1 + i] ?? ''),
    }))
    .filter((row) => row.cells.some((c) => c !== ''));
  return { type: 'table', name: sheet.name, firstColumn: columnLetter(first), rows };
}

function cellRef(ref: string): [number | undefined, number | undefined] {
  const row = /\d+$/.exec(ref)?.[0];
  return [row ? Number(row) : undefined, columnOf(ref)];
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
