import type { ParseLimits } from '../limits.js';
import { TableBuilder, type Table } from './table.js';
import { streamXlsxSheets } from './xlsx-stream.js';

/**
 * Reads the first worksheet of an XLSX file as a {@link Table}: the first
 * non-empty row is the header, cells right of it are never kept.
 */
export async function readXlsxTable(content: Buffer, limits: ParseLimits, onRow?: (rows: number) => void): Promise<Table | undefined> {
  const table = new TableBuilder(limits);
  await streamXlsxSheets(content, limits, ({ index }) =>
    index > 0
      ? 'stop'
      : {
          width: () => (table.hasHeader ? table.width : Number.MAX_SAFE_INTEGER),
          row(rowNumber, cells) {
            if (!table.hasHeader && cells.length > limits.maxColumns) table.tooWide(rowNumber, cells.length);
            table.row(rowNumber, Array.from({ length: cells.length }, (_, i) => (cells[i] === undefined ? '' : table.cell(cells[i]!, rowNumber, i + 1))));
            onRow?.(table.rowCount);
          },
        },
  );
  return table.finish();
}
