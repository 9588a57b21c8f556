import { FileLimitError } from './errors.js';
import { formatBytes } from './limits.js';

/**
 * Rows of text cells packed into one byte buffer (one JSON array per row),
 * so that a big table crosses from the parser's worker to the API process in
 * one move, and the API decodes one batch of rows at a time instead of
 * holding millions of small strings.
 */
export interface PackedRows {
  count: number;
  /** Row number in the source (1-based, e.g. the sheet's row) of each row. */
  rowNumbers: Uint32Array;
  /** Start of row i in `data` is offsets[i]; its end is offsets[i + 1]. */
  offsets: Float64Array;
  data: Uint8Array;
}

export class PackedRowsWriter {
  private readonly chunks: Buffer[] = [];
  private readonly rowNumbers: number[] = [];
  private readonly offsets: number[] = [0];
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get count(): number {
    return this.rowNumbers.length;
  }

  push(rowNumber: number, cells: readonly string[]): void {
    const encoded = Buffer.from(JSON.stringify(cells), 'utf8');
    this.bytes += encoded.length;
    if (this.bytes > this.maxBytes) throw new FileLimitError(`the file holds more than ${formatBytes(this.maxBytes)} of text`);
    this.chunks.push(encoded);
    this.rowNumbers.push(rowNumber);
    this.offsets.push(this.bytes);
  }

  finish(): PackedRows {
    // A buffer of its own (never a slice of Node's shared pool), so it can be transferred.
    const data = new Uint8Array(this.bytes);
    let at = 0;
    for (const chunk of this.chunks.splice(0)) {
      data.set(chunk, at);
      at += chunk.length;
    }
    return { count: this.rowNumbers.length, rowNumbers: Uint32Array.from(this.rowNumbers), offsets: Float64Array.from(this.offsets), data };
  }
}

const decoder = new TextDecoder();

export function packedRow(rows: PackedRows, index: number): { rowNumber: number; cells: string[] } {
  if (index < 0 || index >= rows.count) throw new RangeError(`row ${index} of ${rows.count}`);
  const cells = JSON.parse(decoder.decode(rows.data.subarray(rows.offsets[index], rows.offsets[index + 1]))) as string[];
  return { rowNumber: rows.rowNumbers[index]!, cells };
}

/** Rows `start` (inclusive) to `end` (exclusive), decoded. */
export function packedRowSlice(rows: PackedRows, start: number, end: number): { rowNumber: number; cells: string[] }[] {
  const slice = [];
  for (let i = start; i < Math.min(end, rows.count); i += 1) slice.push(packedRow(rows, i));
  return slice;
}

export function* eachPackedRow(rows: PackedRows): Generator<{ rowNumber: number; cells: string[] }> {
  for (let i = 0; i < rows.count; i += 1) yield packedRow(rows, i);
}
