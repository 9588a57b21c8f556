import ExcelJS from 'exceljs';
import type { ExtractedDocument, TableBlock, TableRow } from '../domain/documents/document-structure.js';
import { MEDIA_TYPES } from './detect-kind.js';
import { UnreadableDocumentError } from './errors.js';
import { ExtractionBudget, type ExtractionLimits } from './limits.js';

/**
 * Every visible sheet of a workbook as a table of its used range, wherever
 * that starts (an RFQ's table is rarely at A1). Merged cells give their text
 * to every cell they cover, so a two-row merged header reads the same in
 * each column; formulas give their cached result.
 */
export async function extractXlsx(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableDocumentError(`the spreadsheet could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const budget = new ExtractionBudget(limits);
  const blocks: TableBlock[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    const block = sheetTable(sheet, budget);
    if (block.rows.length > 0) blocks.push(block);
  });
  return { kind: 'xlsx', mediaType: MEDIA_TYPES.xlsx, blocks, numberFormat: { decimalSeparator: '.' } };
}

function sheetTable(sheet: ExcelJS.Worksheet, budget: ExtractionBudget): TableBlock {
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (cellText(cell) === '') return;
      first = Math.min(first, column);
      last = Math.max(last, column);
    });
  });
  if (last === 0) return { type: 'table', name: sheet.name, rows: [] };
  last = Math.min(last, first + budget.limits.maxColumns - 1);
  budget.rows(sheet.actualRowCount, `sheet ${sheet.name}`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = first; column <= last; column += 1) cells.push(budget.text(cellText(row.getCell(column))));
    if (cells.some((c) => c !== '')) rows.push({ location: { kind: 'sheet', sheet: sheet.name, row: rowNumber }, cells });
  });
  return { type: 'table', name: sheet.name, firstColumn: columnLetter(first), rows };
}

/** A cell's text; a merged cell reads its range's top-left (master) cell. */
function cellText(cell: ExcelJS.Cell): string {
  const source = cell.isMerged && cell.master ? cell.master : cell;
  return valueText(source.value).replace(/\s+/g, ' ').trim();
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? valueText(value.result as ExcelJS.CellValue) : '';
    if ('text' in value) return valueText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return '';
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
