import { DocumentLimitError } from './errors.js';

/**
 * The limits an extractor honours while it reads. Named as in the bounded
 * parser runner's limits (api/src/parsing), so those can be passed as they are.
 */
export interface ExtractionLimits {
  /** Rows of one table, or lines of one text, that may be read. */
  maxRows: number;
  /** Columns of a table that are read; cells further right are ignored. */
  maxColumns: number;
  /** Characters one cell or line may hold before the file is refused. */
  maxCellChars: number;
  /** Bytes of text that may be extracted in all. */
  maxExtractedBytes: number;
}

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = {
  maxRows: 250_000,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxExtractedBytes: 64 * 1024 * 1024,
};

const fmt = (n: number) => n.toLocaleString('en');

/** Counts what an extractor has read against the limits, and refuses past them. */
export class ExtractionBudget {
  private bytes = 0;

  constructor(readonly limits: ExtractionLimits) {}

  /** Records one cell's or line's text; returns it unchanged. */
  text(value: string): string {
    if (value.length > this.limits.maxCellChars) {
      throw new DocumentLimitError(`one cell holds ${fmt(value.length)} characters; at most ${fmt(this.limits.maxCellChars)} are read`);
    }
    this.bytes += value.length;
    if (this.bytes > this.limits.maxExtractedBytes) {
      throw new DocumentLimitError(`the document holds more than ${fmt(Math.round(this.limits.maxExtractedBytes / 1024 / 1024))} MB of text`);
    }
    return value;
  }

  rows(count: number, what: string): void {
    if (count > this.limits.maxRows) throw new DocumentLimitError(`${what} has more than ${fmt(this.limits.maxRows)} rows`);
  }
}
