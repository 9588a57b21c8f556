import type { ParseLimits } from './limits.js';

/** What the API process hands a parser's worker thread: one file (a one-off worker), or none (a resident worker, sent files as {@link ParseRequest}s). */
export interface ParserWorkerData {
  /** A registered parser's name, or (tests) the URL of a module whose default export is a parser. */
  parser: { name: string; module?: string };
  file?: ParseRequest;
}

/** One file to read. */
export interface ParseRequest {
  input: { bytes: Uint8Array } | { path: string };
  options: unknown;
  limits: ParseLimits;
}

/** What the worker answers: progress, then exactly one of the others. */
export type WorkerMessage =
  /** A resident worker has loaded its parser and waits for files. */
  | { type: 'ready' }
  | { type: 'progress'; done: number; total?: number }
  | { type: 'result'; value: unknown }
  | { type: 'refused'; failure: 'unreadable' | 'too-large'; reason: string }
  | { type: 'crashed'; reason: string };
