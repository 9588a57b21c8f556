import type { AppDeps } from '../../deps.js';
import { normalizeCode, searchTerms } from '../../domain/catalogue/search-query.js';
import { chooseMatch, contentWords, MATCH_THRESHOLD, itemCodes, itemSearchText, type CandidateProduct, type MatchVerdict } from '../../domain/documents/match-scoring.js';
import { nearSpellings } from '../../domain/documents/near-spellings.js';
import type { RequestedItem } from '../../domain/documents/requested-item.js';
import { activeProductsMatchingWords, activeProductsWithCodes, catalogueWordsAmong, searchProducts, type ProductRecord, type WordQuery } from '../../repositories/products.js';

/**
 * Matches requested items to the catalogue: candidates are looked up for a
 * whole batch of items at once, a few statements per batch instead of a few
 * catalogue searches per item, then scored by the matching rules in
 * domain/documents/match-scoring.ts.
 *
 * 1. Codes: every code the items name, exactly (ignoring case, spaces and
 *    dashes), in one GIN lookup. An item whose code is a catalogue code is
 *    decided by it.
 * 2. Words: for the others, the products that have all the item's describing
 *    words (full text: stems, so "drills" finds "drill"), those most like the
 *    item's whole text first (trigram similarity: its sizes, voltages and
 *    misspellings count) — one statement for the batch.
 * 3. Codes that are no catalogue code exactly (a typo, a partial model
 *    number): the catalogue's own search for that code, as the search box
 *    forgives them.
 * 4. Items with none or one candidate, or none scoring enough: a word the
 *    dictionary of catalogue words lacks stands for the catalogue words one
 *    edit away from it (a misspelling), or is left out when none is; when
 *    every word is known, the products with all of them but one. Most like
 *    the item's text first — three statements for the batch.
 *
 * Below the matching threshold, or with two candidates alike, the item stays
 * "no confident match".
 */

const PER_QUERY = 10;
/** Shorter words are not corrected (match-scoring forgives one edit from 5 letters on). */
const MIN_TYPO_WORD_LENGTH = 5;

export interface ItemMatch {
  item: RequestedItem;
  verdict: MatchVerdict;
}

interface Pending {
  item: RequestedItem;
  codes: string[];
  words: string[];
  text: string;
  /** The text's other words (sizes, units, words too common to describe): `a | b`, to narrow a query that finds too many. */
  otherWords: string;
  found: Map<string, ProductRecord>;
  verdict?: { candidates: number; verdict: MatchVerdict };
}

export async function matchRequestedItems(deps: Pick<AppDeps, 'db'>, items: readonly RequestedItem[]): Promise<ItemMatch[]> {
  const pending: Pending[] = items.map((item) => {
    const text = itemSearchText(item);
    const words = [...new Set(contentWords(text))];
    const otherWords = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w !== '' && !words.includes(w)).map(lexeme);
    return { item, codes: itemCodes(item), words, text, otherWords: otherWords.join(' | '), found: new Map() };
  });

  // 1. Codes, exactly.
  const byCode = new Map<string, ProductRecord[]>();
  for (const row of await activeProductsWithCodes(deps.db, pending.flatMap((p) => p.codes))) {
    for (const code of new Set([row.sku, ...row.model_numbers].map(normalizeCode))) byCode.set(code, [...(byCode.get(code) ?? []), row]);
  }
  for (const p of pending) for (const code of p.codes) for (const row of byCode.get(code) ?? []) p.found.set(row.id, row);
  const undecided = pending.filter((p) => p.found.size === 0);

  // 2. All describing words.
  await addWordMatches(deps, undecided, (p) => (p.words.length > 0 ? p.words.map(lexeme).join(' & ') : null));

  // 3. Codes the catalogue does not have exactly: the catalogue search forgives typos and partial codes.
  for (const p of undecided) {
    for (const code of p.codes) {
      if (byCode.has(code)) continue;
      for (const row of await searchProducts(deps.db, searchTerms(code), {}, PER_QUERY, 0)) p.found.set(row.id, row);
    }
  }

  // 4. For what has too few candidates: a word the catalogue's dictionary lacks is taken as any catalogue word one
  //    edit away (a misspelling, a plural), or left out when there is none; with every word known, all words but one.
  const unmatched = undecided.filter((p) => p.words.length > 1 && needsMoreCandidates(p));
  const known = await catalogueWordsAmong(deps.db, unmatched.flatMap((p) => p.words.map(lexeme)));
  const unknown = [...new Set(unmatched.flatMap((p) => p.words.map(lexeme)))].filter((w) => !known.has(w) && w.length >= MIN_TYPO_WORD_LENGTH);
  const spellings = unknown.map((w) => [w, nearSpellings(w)] as const);
  const inCatalogue = await catalogueWordsAmong(deps.db, spellings.flatMap(([, near]) => near));
  const meant = new Map(spellings.map(([w, near]) => [w, near.filter((n) => inCatalogue.has(n))]));
  await addWordMatches(deps, unmatched, (p) => {
    const words = p.words.map(lexeme);
    if (words.every((w) => known.has(w))) return words.map((_, skip) => `(${words.filter((__, i) => i !== skip).join(' & ')})`).join(' | ');
    const operands = words.map((w) => (known.has(w) ? w : (meant.get(w) ?? []).length > 0 ? `(${[w, ...meant.get(w)!].join(' | ')})` : null));
    const missing = operands.filter((o) => o === null).length;
    if (missing > 1 || operands.length - missing === 0) return null;
    return operands.filter((o) => o !== null).join(' & ');
  });

  return pending.map((p) => ({ item: p.item, verdict: verdictOf(p) }));
}

/**
 * Nothing found with all the words (a misspelt word, a word the catalogue
 * does not use), one product only (its near-duplicates are shown beside it
 * for review), or a best candidate below the threshold. Two products that
 * fit equally well stay so: a product lacking one of the words cannot part them.
 */
function needsMoreCandidates(p: Pending): boolean {
  if (p.found.size < 2) return true;
  const verdict = verdictOf(p);
  return verdict.status === 'no-confident-match' && (verdict.candidates[0]?.score ?? 0) < MATCH_THRESHOLD;
}

/** A describing word as a to_tsquery operand (letters and digits only, so it needs no quoting). */
const lexeme = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, '');

async function addWordMatches(deps: Pick<AppDeps, 'db'>, pending: readonly Pending[], tsqueryOf: (p: Pending) => string | null): Promise<void> {
  const queries: WordQuery[] = [];
  pending.forEach((p, key) => {
    const tsquery = tsqueryOf(p);
    if (tsquery) queries.push({ key, tsquery, text: p.text, otherWords: p.otherWords });
  });
  for (const row of await activeProductsMatchingWords(deps.db, queries, PER_QUERY)) {
    const { query_key: key, ...product } = row;
    pending[key]!.found.set(product.id, product);
  }
}

/** The verdict on what was found so far (scored again only when more was found: scoring is most of the CPU time). */
function verdictOf(p: Pending): MatchVerdict {
  if (p.verdict?.candidates !== p.found.size) p.verdict = { candidates: p.found.size, verdict: chooseMatch(p.item, candidatesOf(p)) };
  return p.verdict.verdict;
}

function candidatesOf(p: Pending): CandidateProduct[] {
  return [...p.found.values()].map((row) => ({
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    modelNumbers: row.model_numbers,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
  }));
}
