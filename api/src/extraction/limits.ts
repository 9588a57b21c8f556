import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../parsing/limits.js';
import { DocumentLimitError } from './errors.js';

/**
 * The limits an extractor honours while it reads: the bounded parser
 * runner's own (PARSE_* variables), so they are passed as they are.
 */
export type ExtractionLimits = Pick<ParseLimits, 'maxRows' | 'maxColumns' | 'maxCellChars' | 'maxExtractedBytes' | 'maxUnzippedBytes'>;

export const DEFAULT_EXTRACTION_LIMITS: ExtractionLimits = DEFAULT_PARSE_LIMITS;

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
