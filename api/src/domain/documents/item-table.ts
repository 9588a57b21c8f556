import { classifyHeader, type ItemField } from './item-headers.js';
import { CARRIED_ROW, TOTAL_ROW } from './not-items.js';
import { parseQuantityCell, type DecimalSeparator } from './quantity.js';
import type { RequestedItem } from './requested-item.js';
import type { SourceLocation } from './document-structure.js';
import { normalizeUnit } from './units.js';

/**
 * Finding an item table by its header and reading its rows, for any grid of
 * cells: a sheet, a Word table, a CSV file, or a PDF page's lines once their
 * cells are put into columns. The header may be one row or two (a merged
 * group header over sub-headers); columns may be in any order.
 */

export type ColumnMap = Partial<Record<ItemField, number>>;

export interface GridRow {
  location: SourceLocation;
  cells: string[];
}

export interface FoundHeader {
  /** Index of the header's first row, and how many rows it spans (1 or 2). */
  index: number;
  span: number;
  columns: ColumnMap;
}

/** Header cells' fields; the first column of each field wins, a second description column becomes the specification. */
export function mapHeader(cells: readonly string[]): ColumnMap {
  const columns: ColumnMap = {};
  cells.forEach((cell, index) => {
    const field = classifyHeader(cell);
    if (!field) return;
    if (columns[field] === undefined) columns[field] = index;
    else if (field === 'description' && columns.specification === undefined) columns.specification = index;
  });
  return columns;
}

/** Two header rows read as one: the lower (more specific) text where it names a field, else the upper. */
function mergedHeader(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, i) => {
    const below = lower[i] ?? '';
    return below !== '' && classifyHeader(below) ? below : (upper[i] ?? '');
  });
}

const isItemHeader = (columns: ColumnMap) =>
  columns.quantity !== undefined && (columns.description !== undefined || columns.code !== undefined);
const headerScore = (columns: ColumnMap) => Object.keys(columns).length;

/** The first item-table header at or after `from`. */
export function findHeader(rows: readonly GridRow[], from = 0): FoundHeader | undefined {
  for (let i = from; i < rows.length; i += 1) {
    const single = mapHeader(rows[i]!.cells);
    const next = rows[i + 1];
    let best: FoundHeader | undefined = isItemHeader(single) ? { index: i, span: 1, columns: single } : undefined;
    // A group header above sub-headers names fields itself ("Item" over "Description | Specification").
    const upperNames = rows[i]!.cells.filter((c) => classifyHeader(c)).length;
    if (next && upperNames >= 2 && !next.cells.some((c) => parseQuantityCell(c, '.') !== undefined) && next.cells.some((c) => classifyHeader(c))) {
      const merged = mapHeader(mergedHeader(rows[i]!.cells, next.cells));
      if (isItemHeader(merged) && (!best || headerScore(merged) > headerScore(best.columns))) best = { index: i, span: 2, columns: merged };
    }
    if (best) return best;
  }
  return undefined;
}

/** A header repeated on a later page (or after a page break in a sheet). */
export function isRepeatedHeader(cells: readonly string[], columns: ColumnMap): boolean {
  const again = mapHeader(cells);
  const fields = Object.keys(columns) as ItemField[];
  const same = fields.filter((f) => again[f] === columns[f]).length;
  return same >= Math.max(2, Math.ceil(fields.length / 2));
}

const cellAt = (cells: readonly string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? '').trim());
const orNull = (value: string) => (value === '' ? null : value);

export type RowVerdict = { item: RequestedItem } | { end: true } | { skip: string };

/** One data row under a header. */
export function readItemRow(row: GridRow, columns: ColumnMap, decimal: DecimalSeparator): RowVerdict {
  const cells = row.cells;
  const firstText = cells.find((c) => c.trim() !== '') ?? '';
  if (cells.some((c) => TOTAL_ROW.test(c.trim()))) return { end: true };
  if (CARRIED_ROW.test(firstText)) return { skip: 'carried forward' };
  if (isRepeatedHeader(cells, columns)) return { skip: 'repeated header' };

  const description = cellAt(cells, columns.description);
  const code = cellAt(cells, columns.code);
  const brand = cellAt(cells, columns.brand);
  if (description === '' && code === '') return { skip: 'no description' };
  const quantityText = cellAt(cells, columns.quantity);
  const parsed = parseQuantityCell(quantityText, decimal);
  if (!parsed) return { skip: quantityText === '' ? 'no quantity' : `quantity "${quantityText}" is not a number` };
  // A cell merged across the row (a note) repeats its text in every column, the quantity column too.
  if (description !== '' && description === quantityText) return { skip: 'note row' };

  const unitWritten = orNull(cellAt(cells, columns.unit)) ?? parsed.unit;
  const normalized = unitWritten === null ? null : normalizeUnit(unitWritten);
  let confidence = 0.9;
  if (unitWritten !== null && normalized !== null) confidence += 0.05;
  if (unitWritten !== null && normalized === null) confidence -= 0.05;
  if (parsed.words) confidence -= 0.1;
  if (description === '') confidence -= 0.05;
  return {
    item: {
      description: description !== '' ? description : [brand, code].filter(Boolean).join(' '),
      specification: orNull(cellAt(cells, columns.specification)),
      brand: orNull(brand),
      code: orNull(code),
      remarks: orNull(cellAt(cells, columns.remarks)),
      quantity: parsed.quantity,
      unit: { written: unitWritten, normalized },
      location: row.location,
      confidence: Math.round(confidence * 100) / 100,
    },
  };
}

export interface GridReading {
  items: RequestedItem[];
  tables: { headerLocation: SourceLocation; columns: ColumnMap }[];
  /** Rows that are in no item table (for free-text reading). */
  outside: GridRow[];
}

/** Every item table in a grid, one after another (a total row closes a table). */
export function readItemTables(rows: readonly GridRow[], decimal: DecimalSeparator): GridReading {
  const reading: GridReading = { items: [], tables: [], outside: [] };
  let at = 0;
  while (at < rows.length) {
    const header = findHeader(rows, at);
    if (!header) {
      reading.outside.push(...rows.slice(at));
      break;
    }
    reading.outside.push(...rows.slice(at, header.index));
    reading.tables.push({ headerLocation: rows[header.index]!.location, columns: header.columns });
    let i = header.index + header.span;
    for (; i < rows.length; i += 1) {
      const verdict = readItemRow(rows[i]!, header.columns, decimal);
      if ('end' in verdict) {
        i += 1;
        break;
      }
      if ('item' in verdict) reading.items.push(verdict.item);
    }
    at = i;
  }
  return reading;
}
