import { parse } from 'csv-parse';
import { detectDelimiter } from '../../domain/catalogue/catalogue-file.js';
import { FileLimitError, UnreadableFileError } from '../errors.js';
import { formatCount, type ParseLimits } from '../limits.js';
import { TableBuilder, type Table } from './table.js';

const SLICE_BYTES = 64 * 1024;

/**
 * Reads CSV text as a {@link Table}, streaming in 64 KB slices (never the
 * whole file as one string): delimiter from the first line (`,` `;` or tab),
 * BOM removed, quotes relaxed, one record at most `maxCellChars` × 8
 * characters long.
 */
export async function readCsvTable(content: Buffer, limits: ParseLimits, onRow?: (rows: number) => void): Promise<Table | undefined> {
  if (content.includes(0)) throw new UnreadableFileError('the file is binary, not CSV text');
  const head = content.subarray(0, Math.min(content.length, SLICE_BYTES)).toString('utf8').replace(/^\uFEFF/, '');
  const maxRecordChars = limits.maxCellChars * 8;
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(head),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: maxRecordChars,
  });
  const table = new TableBuilder(limits);
  const feed = (async () => {
    for (let at = 0; at < content.length; at += SLICE_BYTES) {
      if (!parser.write(content.subarray(at, at + SLICE_BYTES))) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  })();
  try {
    let rowNumber = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      // Records are numbered as a spreadsheet shows them (the header is row 1), as the catalogue import always did.
      rowNumber += 1;
      const width = table.width;
      if (!table.hasHeader && record.length > width) table.tooWide(rowNumber, record.length);
      const cells = record.slice(0, width).map((text, i) => table.cell(text, rowNumber, i + 1));
      table.row(rowNumber, cells);
      onRow?.(table.rowCount);
    }
    await feed;
  } catch (error) {
    parser.destroy();
    if (error instanceof FileLimitError || error instanceof UnreadableFileError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'CSV_MAX_RECORD_SIZE') throw new FileLimitError(`a record is longer than ${formatCount(maxRecordChars)} characters`);
    throw new UnreadableFileError(`not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  return table.finish();
}
