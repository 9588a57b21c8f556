import type { ExtractedDocument, PositionedCell, TextLine } from './document-structure.js';
import { mapHeader, readItemRow, readItemTables, type ColumnMap, type GridRow } from './item-table.js';
import type { DecimalSeparator } from './quantity.js';
import type { RecognitionResult, RequestedItem } from './requested-item.js';
import { notAnItemLine } from './not-items.js';
import { readTextItems, type TextLineInput } from './text-items.js';

/**
 * The requested items of an extracted document: item tables found by their
 * header (sheets, Word tables, CSV, PDF lines rebuilt into columns) and items
 * written in the text around them. Deterministic: the same document gives
 * the same items, each with where it was found.
 */
export function recognizeRequestedItems(document: ExtractedDocument): RecognitionResult {
  const decimal = document.numberFormat.decimalSeparator;
  const result: RecognitionResult = { items: [], tables: [], reason: null };
  for (const block of document.blocks) {
    if (block.type === 'table') {
      const reading = readItemTables(block.rows, decimal);
      result.items.push(...reading.items);
      result.tables.push(...reading.tables.map((t) => ({ name: block.name, headerLocation: t.headerLocation, columns: t.columns })));
      // Rows outside any item table may still hold items written as text ("Qty 20 gloves" in a notes cell).
      const outside = reading.outside.map((row) => ({ location: row.location, text: row.cells.filter((c) => c !== '').filter(unique).join(' ') }));
      result.items.push(...readTextItems(outside, decimal));
    } else if (block.lines.some((line) => line.cells)) {
      const reading = readPositionedLines(block.lines, decimal);
      result.items.push(...reading.items);
      result.tables.push(...reading.tables);
    } else {
      result.items.push(...readTextItems(block.lines, decimal));
    }
  }
  if (result.items.length === 0) {
    result.reason =
      result.tables.length > 0
        ? 'an item table was found but none of its rows has a description and a quantity'
        : 'no table with a quantity column found, and no line of text names a quantity of something';
  }
  return result;
}

const unique = (value: string, index: number, all: string[]) => all.indexOf(value) === index;

/**
 * PDF lines: a line whose cells read as an item header fixes the columns by
 * the x position of its cells; the lines below it (on this and the following
 * pages, repeated headers skipped) are put into those columns and read as
 * rows, until a total line. A line holding only description text right after
 * an item continues that item's description (a wrapped cell).
 */
function readPositionedLines(lines: readonly TextLine[], decimal: DecimalSeparator): { items: RequestedItem[]; tables: RecognitionResult['tables'] } {
  const items: RequestedItem[] = [];
  const tables: RecognitionResult['tables'] = [];
  const freeText: TextLineInput[] = [];
  let columns: ColumnMap | undefined;
  let columnX: number[] = [];
  let lastItem: RequestedItem | undefined;
  for (const line of lines) {
    const cells = line.cells ?? [];
    if (!columns) {
      const header = mapHeader(cells.map((c) => c.text));
      if (header.quantity !== undefined && (header.description !== undefined || header.code !== undefined)) {
        columns = header;
        columnX = cells.map((c) => c.x);
        tables.push({ name: `Page ${line.location.kind === 'page' ? line.location.page : 1}`, headerLocation: line.location, columns: header });
        continue;
      }
      freeText.push(line);
      continue;
    }
    const row: GridRow = { location: line.location, cells: intoColumns(cells, columnX) };
    const verdict = readItemRow(row, columns, decimal);
    if ('end' in verdict) {
      columns = undefined;
      lastItem = undefined;
      continue;
    }
    if ('item' in verdict) {
      items.push(verdict.item);
      lastItem = verdict.item;
      continue;
    }
    if (lastItem && continuesDescription(row, lastItem, columns)) {
      lastItem.description = `${lastItem.description} ${row.cells[columns.description!]!.trim()}`;
      continue;
    }
    lastItem = undefined;
  }
  items.push(...readTextItems(freeText, decimal));
  return { items, tables };
}

/** Cells put under the header cell they start at (left-aligned) or within (right-aligned numbers). */
function intoColumns(cells: readonly PositionedCell[], columnX: readonly number[]): string[] {
  const row = columnX.map(() => '');
  for (const cell of cells) {
    let column = 0;
    for (let i = 0; i < columnX.length; i += 1) if (columnX[i]! <= cell.x + 3) column = i;
    row[column] = row[column] ? `${row[column]} ${cell.text}` : cell.text;
  }
  return row;
}

function continuesDescription(row: GridRow, previous: RequestedItem, columns: ColumnMap): boolean {
  if (columns.description === undefined) return false;
  const samePage = row.location.kind === 'page' && previous.location.kind === 'page' && row.location.page === previous.location.page;
  // Page footers ("Page 1 of 2") sit under the description column too.
  if (!samePage || notAnItemLine(row.cells.join(' '))) return false;
  const filled = row.cells.map((c, i) => (c.trim() !== '' ? i : -1)).filter((i) => i >= 0);
  return filled.length === 1 && filled[0] === columns.description;
}
