import type { ParseLimits } from './limits.js';

/**
 * A parser of uploaded files, run by {@link runBoundedParser} inside a worker
 * thread. It gets the file's bytes (already inspected when they are a ZIP
 * archive), its options, the limits to honour and a progress callback; it
 * returns a structured-cloneable result (typed arrays whose buffer they own
 * are moved, not copied). A file it cannot or may not read makes it throw
 * `UnreadableFileError` or `FileLimitError` with a reason for a person.
 */
export interface BoundedParser<Options, Result> {
  parse(file: Buffer, context: ParserContext<Options>): Promise<Result>;
  /** Loads what `parse` would load on first use (libraries of every format), so a resident worker does it before its first file. */
  load?(): Promise<void>;
}

export interface ParserContext<Options> {
  options: Options;
  limits: ParseLimits;
  /** How far the parser is (rows, pages, items read so far; `total` when known). Throttled by the runner. */
  progress(done: number, total?: number): void;
}

/** Types a parser module's default export. */
export const defineParser = <Options, Result>(parser: BoundedParser<Options, Result>) => parser;
