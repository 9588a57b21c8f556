import type { ParseLimits } from './limits.js';

/** What the API process hands a parser's worker thread. */
export interface ParserWorkerData {
  /** A registered parser's name, or (tests) the URL of a module whose default export is a parser. */
  parser: { name: string; module?: string };
  input: { bytes: Uint8Array } | { path: string };
  options: unknown;
  limits: ParseLimits;
}

/** What the worker answers: progress, then exactly one of the others. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total?: number }
  | { type: 'result'; value: unknown }
  | { type: 'refused'; failure: 'unreadable' | 'too-large'; reason: string }
  | { type: 'crashed'; reason: string };
