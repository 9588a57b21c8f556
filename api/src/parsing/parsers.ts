import type { BoundedParser } from './parser.js';

/**
 * Every parser {@link runBoundedParser} can run, by name. Loaded lazily inside
 * the worker thread, so the API process never loads a parser's libraries.
 * Add a line here for a new parser (its module's default export is a
 * `defineParser(...)`).
 */
export const parsers = {
  'catalogue-sheet': () => import('./parsers/catalogue-sheet.js'),
  'rfq-document': () => import('./parsers/rfq-document.js'),
} satisfies Record<string, () => Promise<{ default: BoundedParser<never, unknown> }>>;

export type ParserName = keyof typeof parsers;
type ParserOf<N extends ParserName> = Awaited<ReturnType<(typeof parsers)[N]>>['default'];
export type ParserOptions<N extends ParserName> = ParserOf<N> extends BoundedParser<infer O, unknown> ? O : never;
export type ParserResult<N extends ParserName> = ParserOf<N> extends BoundedParser<never, infer R> ? R : never;
