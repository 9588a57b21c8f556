import { FileLimitError } from '../errors.js';
import { formatCount, type ParseLimits } from '../limits.js';
import { PackedRowsWriter, type PackedRows } from '../packed-rows.js';

/** A table read from a file: its header row and the data rows under it, never wider than the header. */
export interface Table {
  header: string[];
  /** Row number of the header in the file (1-based). */
  headerRowNumber: number;
  rows: PackedRows;
}

/**
 * Collects rows under the limits: the first non-empty row is the header and
 * fixes the width; cells right of it are dropped before they are kept;
 * empty rows are skipped; too many rows, columns or characters stop the read.
 */
export class TableBuilder {
  private header: string[] | undefined;
  private headerRowNumber = 0;
  private readonly rows: PackedRowsWriter;

  constructor(private readonly limits: ParseLimits) {
    this.rows = new PackedRowsWriter(limits.maxExtractedBytes);
  }

  /** Columns kept: the header's width once it is known, `maxColumns` before. */
  get width(): number {
    return this.header?.length ?? this.limits.maxColumns;
  }

  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  get rowCount(): number {
    return this.rows.count;
  }

  /** Checks one cell's text before it is kept. */
  cell(text: string, rowNumber: number, column: number): string {
    if (text.length > this.limits.maxCellChars) {
      throw new FileLimitError(`row ${formatCount(rowNumber)}, column ${formatCount(column)} holds more than ${formatCount(this.limits.maxCellChars)} characters`);
    }
    return text.trim();
  }

  /** Adds a row of at most {@link width} cells (index 0 = first column). */
  row(rowNumber: number, cells: string[]): void {
    let last = cells.length - 1;
    while (last >= 0 && !cells[last]) last -= 1;
    if (last < 0) return;
    const trimmed = Array.from({ length: last + 1 }, (_, i) => cells[i] ?? '');
    if (!this.header) {
      this.header = trimmed;
      this.headerRowNumber = rowNumber;
      return;
    }
    if (this.rows.count >= this.limits.maxRows) {
      throw new FileLimitError(`the table has more than ${formatCount(this.limits.maxRows)} rows; split the file`);
    }
    this.rows.push(rowNumber, trimmed);
  }

  /** Called when a row reaches past {@link width} before the header is known. */
  tooWide(rowNumber: number, column: number): never {
    throw new FileLimitError(`row ${formatCount(rowNumber)} reaches column ${formatCount(column)}; at most ${formatCount(this.limits.maxColumns)} columns are read`);
  }

  finish(): Table | undefined {
    if (!this.header) return undefined;
    return { header: this.header, headerRowNumber: this.headerRowNumber, rows: this.rows.finish() };
  }
}
