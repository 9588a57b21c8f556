/**
 * How a catalogue search is ranked. Plain rules, no SQL: the repository turns
 * them into one query, and the weights here are the contract with users.
 *
 * 1. Exact code match — the query, ignoring case, spaces and punctuation,
 *    equals the product's SKU or one of its model numbers.      +100
 * 2. Partial code match — the normalized query (≥ 3 characters) occurs in a
 *    SKU or model number ("DCD791" in "DCD791D2").                +30
 * 3. Full-text relevance over name, SKU/models, brand, category,
 *    description (weights A, A, B, C, D), scaled to [0, 1).        ×20
 * 4. Trigram word similarity between the query and SKU, models, name,
 *    brand and category, in [0, 1] — this is what forgives typos.  ×10
 *
 * So an exact SKU always outranks anything fuzzy, a partial model number
 * outranks mere text matches, and text relevance outranks similarity.
 */
export const SEARCH_WEIGHTS = { exactCode: 100, partialCode: 30, fullText: 20, similarity: 10 } as const;

/** Minimum trigram word similarity for a product to be a candidate at all. */
export const SIMILARITY_THRESHOLD = 0.4;

/**
 * Minimum trigram similarity between a query word and a catalogue word for
 * that word to lead to candidates. Lower than the product threshold: two
 * letters swapped in a short word share few trigrams ("anesll" and "ansell"
 * 0.27, "dirll" and "drill" 0.2), and only the nearest few words are read.
 */
export const WORD_TYPO_THRESHOLD = 0.2;

/** Shortest normalized query that may match part of a code (shorter ones match too much). */
export const MIN_PARTIAL_CODE_LENGTH = 3;

export interface SearchTerms {
  /** The query as typed, whitespace collapsed; for full text and similarity. */
  text: string;
  /** Lower-cased `text`, compared with the lower-cased search text. */
  lowered: string;
  /** The query as a catalogue code: upper case, letters and digits only ('' when none). */
  code: string;
  /** Whether `code` is long enough to match part of a code. */
  partialCode: boolean;
}

/** Mirrors the SQL function nexus_catalogue_code (migration 0002). */
export function normalizeCode(value: string): string {
  return value.replace(/[^\p{L}\p{N}]+/gu, '').toUpperCase();
}

export function searchTerms(query: string): SearchTerms {
  const text = query.replace(/\s+/g, ' ').trim();
  const code = normalizeCode(text);
  return { text, lowered: text.toLowerCase(), code, partialCode: code.length >= MIN_PARTIAL_CODE_LENGTH };
}

/**
 * Search pages are ranked, so their cursor is the rank position of the next
 * page (an offset), not a keyset: scores are floats computed per query, and a
 * keyset on them would repeat or skip rows whenever two round the same way.
 * A result set changing between pages may shift items by a few places, which
 * is acceptable for search and is documented in the contract.
 */
export const MAX_SEARCH_OFFSET = 10_000;

export function searchCursor(offset: number): string {
  return String(offset);
}
