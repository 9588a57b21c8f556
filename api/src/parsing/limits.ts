import type { Config } from '../config.js';

/**
 * Hard limits every parser of an uploaded file runs under. A file that
 * exceeds one is refused with a reason that names the limit; the memory and
 * time limits are enforced on the worker that runs the parser, so a parser
 * that misbehaves anyway costs at most that much.
 */
export interface ParseLimits {
  /** V8 old-generation heap of the parser's worker thread (MB); past it the worker dies, not the API. */
  maxHeapMb: number;
  /** Wall-clock time a parser may take (ms); past it the worker is terminated. */
  timeoutMs: number;
  /** Data rows a table may have. */
  maxRows: number;
  /** Columns a table may have; cells right of the header's last column are ignored without being read into rows. */
  maxColumns: number;
  /** Characters one cell (or one text item) may hold. */
  maxCellChars: number;
  /** Bytes of text a parser may extract in all (what crosses back to the API process). */
  maxExtractedBytes: number;
  /** Bytes an archive (XLSX, DOCX) may unpack to, as declared and as actually inflated. */
  maxUnzippedBytes: number;
  /** Entries an archive may hold. */
  maxArchiveEntries: number;
  /** Largest uncompressed : compressed ratio of one archive entry (zip bombs are ~1000:1, real office XML ~5–30:1). */
  maxCompressionRatio: number;
}

/** Defaults: a 250,000-row spreadsheet fits; a zip bomb, a 16,384-column sheet or a 1 GB sheet does not. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxHeapMb: 96,
  timeoutMs: 120_000,
  maxRows: 250_000,
  maxColumns: 256,
  maxCellChars: 32_767,
  maxExtractedBytes: 64 * 1024 * 1024,
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxArchiveEntries: 10_000,
  maxCompressionRatio: 200,
};

/** The limits configured for this deployment (PARSE_* variables; see .env.example). */
export function parseLimitsFrom(config: Config): ParseLimits {
  return {
    maxHeapMb: config.PARSE_MAX_HEAP_MB,
    timeoutMs: config.PARSE_TIMEOUT_SECONDS * 1000,
    maxRows: config.PARSE_MAX_ROWS,
    maxColumns: config.PARSE_MAX_COLUMNS,
    maxCellChars: config.PARSE_MAX_CELL_CHARS,
    maxExtractedBytes: config.PARSE_MAX_EXTRACTED_BYTES,
    maxUnzippedBytes: config.PARSE_MAX_UNZIPPED_BYTES,
    maxArchiveEntries: config.PARSE_MAX_ARCHIVE_ENTRIES,
    maxCompressionRatio: config.PARSE_MAX_COMPRESSION_RATIO,
  };
}

const fmt = (n: number) => n.toLocaleString('en');
export const formatCount = fmt;
export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${fmt(Math.round(n / 1024 / 1024))} MB` : `${fmt(Math.round(n / 1024))} KB`);
