import { normalizeCode } from '../catalogue/search-query.js';
import { compareAttributes, readAttributes } from './product-attributes.js';
import type { RequestedItem } from './requested-item.js';
import { normalizeUnit } from './units.js';

/**
 * How a requested item is matched to catalogue products, as plain rules over
 * the candidates the catalogue search found:
 *
 * 1. Codes first. A model, part or SKU code in the item (its code column, or
 *    a letters-and-digits word of its text) equal to a product's SKU or model
 *    number, ignoring case, spaces and dashes, is a match (1.0); one
 *    character off (a typo, a swapped pair) scores 0.8; a code that starts a
 *    product's code ("WD-40" of WD40-400) 0.6 plus what the text adds.
 * 2. Otherwise the words: how much of the item's description and
 *    specification the product's name and description explain, and how much
 *    of the product's name the item asks for — fuzzy per word (plurals,
 *    one-letter typos). The brand's words do not count: a brand alone never
 *    makes a match.
 * 3. Attributes decide between near-duplicates: voltage, capacity, sizes,
 *    clothing size, colour, kit or bare tool — and the model: an item that
 *    names a code disagrees with every product whose codes it does not
 *    match. Each disagreement multiplies the score by 0.6; each agreement
 *    adds 0.03.
 *
 * The best candidate is chosen only at or above MATCH_THRESHOLD and clearly
 * ahead of the next (AMBIGUITY_MARGIN); otherwise the item is "no confident
 * match" and the candidates are offered to a person.
 */
export const MATCH_THRESHOLD = 0.6;
export const AMBIGUITY_MARGIN = 0.03;
const CONFLICT_FACTOR = 0.6;
const AGREEMENT_BONUS = 0.03;
const MAX_TEXT_SCORE = 0.95;

export interface CandidateProduct {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  brand: string | null;
  category: string | null;
  modelNumbers: string[];
  attributes: Record<string, unknown>;
}

export interface ScoredCandidate {
  productId: string;
  sku: string;
  name: string;
  score: number;
  /** What matched: "code DCD791D2 = SKU", "words: angle, grinder", "size 115mm". */
  reasons: string[];
  /** What disagrees: "voltage 12V ≠ 18V". */
  conflicts: string[];
}

export type MatchVerdict =
  | { status: 'matched'; chosen: ScoredCandidate; candidates: ScoredCandidate[] }
  | { status: 'no-confident-match'; reason: string; candidates: ScoredCandidate[] };

type ItemQuery = Pick<RequestedItem, 'description' | 'specification' | 'brand' | 'code'>;

const STOP_WORDS = new Set([
  'and', 'with', 'for', 'of', 'the', 'a', 'an', 'to', 'in', 'on', 'or', 'x', 'type', 'new', 'size', 'saiz', 'colour', 'color', 'qty',
  'tool', 'only', 'body', 'bare', 'kit', 'no', 'without', 'battery', 'batteries', 'charger', 'c', 'w', 'incl', 'including', 'included', 'dan', 'untuk',
]);
const UNIT_WORD = (word: string) => normalizeUnit(word) !== null;
const ATTRIBUTE_WORD = /^\d+(?:[.,]\d+)?(?:v|ah|mm|cm|m|ml|l|kg|g|w|a|t|pc|pcs|in|ton|mtr|ltr)?$/;
const COLOUR_WORD = /^(?:white|black|yellow|red|blue|green|orange|silver|grey|gray|brown|clear|transparent|pink|purple|putih|hitam|kuning|merah|biru|hijau)$/;

/** The words of a text that say what the thing is (not its quantity, unit, colour or size). */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP_WORDS.has(w) && !UNIT_WORD(w) && !ATTRIBUTE_WORD.test(w) && !COLOUR_WORD.test(w) && !/^\d+$/.test(w));
}

/** Codes an item names: its code column, and words of its text that mix letters and digits ("DCD791D2", "DCB 184"). */
export function itemCodes(item: ItemQuery): string[] {
  const codes = new Set<string>();
  if (item.code) codes.add(normalizeCode(item.code));
  const text = [item.description, item.specification ?? ''].join(' ');
  const words = text.split(/[\s,;()/]+/).filter(Boolean);
  words.forEach((word, i) => {
    const candidates = [word];
    // "DCB 184": a short upper-case prefix written apart from its digits.
    if (/^[A-Z]{2,4}$/.test(word) && /^\d/.test(words[i + 1] ?? '')) candidates.push(word + words[i + 1]!);
    for (const candidate of candidates) {
      const code = normalizeCode(candidate);
      if (code.length >= 4 && /\p{L}/u.test(code) && /\d/.test(code) && !ATTRIBUTE_WORD.test(code.toLowerCase()) && !/^\d+(?:[.,]\d+)?[A-Z]{1,3}$/.test(code)) codes.add(code);
    }
  });
  return [...codes];
}

/** Optimal string alignment distance (edits, with a swap of neighbours as one). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const stem = (word: string) => word.replace(/ies$/, 'y').replace(/(?:ses|xes|ches|shes)$/, (m) => m.slice(0, -2)).replace(/s$/, '');

function sameWord(a: string, b: string): boolean {
  if (a === b || stem(a) === stem(b)) return true;
  // One edit changes the length by at most one: most pairs are told apart without the distance table.
  return a.length >= 5 && b.length >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b) <= 1;
}

type CodeMatch = { kind: 'exact' | 'typo' | 'prefix'; itemCode: string; productCode: string };

function codeMatch(codes: readonly string[], product: CandidateProduct): CodeMatch | undefined {
  const productCodes = [product.sku, ...product.modelNumbers].map(normalizeCode).filter((c) => c.length > 0);
  let best: CodeMatch | undefined;
  const rank = { exact: 3, typo: 2, prefix: 1 } as const;
  for (const itemCode of codes) {
    for (const productCode of productCodes) {
      let kind: CodeMatch['kind'] | undefined;
      if (itemCode === productCode) kind = 'exact';
      else if (itemCode.length >= 6 && productCode.length >= 6 && editDistance(itemCode, productCode) <= 1) kind = 'typo';
      else if (itemCode.length >= 4 && productCode.startsWith(itemCode)) kind = 'prefix';
      if (kind && (!best || rank[kind] > rank[best.kind])) best = { kind, itemCode, productCode };
    }
  }
  return best;
}

export function scoreCandidate(item: ItemQuery, product: CandidateProduct): ScoredCandidate {
  const reasons: string[] = [];
  const itemText = [item.description, item.specification ?? ''].join(' ');
  const attributeValues = Object.entries(product.attributes)
    .map(([key, value]) => (key === 'kit' ? (value === true ? 'kit' : value === false ? 'bare tool' : '') : typeof value === 'string' ? value : ''))
    .join(' ');
  const productText = [product.name, product.description ?? '', attributeValues].join(' ');

  // The brand's words are neither evidence nor missing words.
  const brandWords = new Set(contentWords([product.brand ?? '', item.brand ?? ''].join(' ')));
  const itemWords = [...new Set(contentWords(itemText))].filter((w) => !brandWords.has(w));
  const nameWords = [...new Set(contentWords(product.name))].filter((w) => !brandWords.has(w));
  const productWords = [...new Set(contentWords([productText, product.category ?? '', ...product.modelNumbers].join(' ')))].filter((w) => !brandWords.has(w));
  const explained = itemWords.filter((w) => productWords.some((p) => sameWord(w, p)));
  const asked = nameWords.filter((n) => itemWords.some((w) => sameWord(w, n)));
  const textScore = itemWords.length === 0 || nameWords.length === 0 ? 0 : 0.55 * (explained.length / itemWords.length) + 0.45 * (asked.length / nameWords.length);
  if (explained.length > 0) reasons.push(`words: ${explained.join(', ')}`);

  const codes = itemCodes(item);
  const code = codeMatch(codes, product);
  let score: number;
  if (code?.kind === 'exact') {
    score = 1;
    reasons.unshift(`code ${code.itemCode} = ${code.productCode === normalizeCode(product.sku) ? 'SKU' : 'model'} ${code.productCode}`);
  } else if (code?.kind === 'typo') {
    score = 0.8 + 0.15 * textScore;
    reasons.unshift(`code ${code.itemCode} ≈ ${code.productCode} (one character apart)`);
  } else if (code?.kind === 'prefix') {
    score = 0.6 + 0.35 * textScore;
    reasons.unshift(`code ${code.itemCode} starts ${code.productCode}`);
  } else {
    score = explained.length === 0 ? 0 : Math.min(MAX_TEXT_SCORE, textScore);
    if (explained.length === 0 && item.brand && product.brand && item.brand.toLowerCase() === product.brand.toLowerCase()) reasons.push('only the brand matches');
  }

  const { agreements, conflicts } = compareAttributes(readAttributes(itemText), readAttributes(productText));
  // The customer named a model: a product with another model is another product, however alike the words.
  if (!code && codes.length > 0) conflicts.push(`model ${codes.join(', ')} ≠ ${product.sku}`);
  if (score > 0 && code?.kind !== 'exact') {
    score = Math.min(code ? 0.98 : MAX_TEXT_SCORE, score * CONFLICT_FACTOR ** conflicts.length + AGREEMENT_BONUS * agreements.length);
  }
  reasons.push(...agreements);
  if (item.brand && product.brand && item.brand.toLowerCase() === product.brand.toLowerCase() && score > 0) reasons.push(`brand ${product.brand}`);
  return { productId: product.id, sku: product.sku, name: product.name, score: Math.round(score * 1000) / 1000, reasons, conflicts };
}

/** Scores every candidate and decides; at most `keep` candidates are returned, best first. */
export function chooseMatch(item: ItemQuery, products: readonly CandidateProduct[], keep = 5): MatchVerdict {
  const scored = products
    .map((product) => scoreCandidate(item, product))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.sku.localeCompare(b.sku))
    .slice(0, keep);
  const [best, second] = scored;
  if (!best) return { status: 'no-confident-match', reason: 'no catalogue product shares a code or a describing word with the item', candidates: [] };
  if (best.score < MATCH_THRESHOLD) {
    return { status: 'no-confident-match', reason: `the best candidate (${best.sku}) scores ${best.score}, below ${MATCH_THRESHOLD}`, candidates: scored };
  }
  if (second && best.score - second.score < AMBIGUITY_MARGIN) {
    return { status: 'no-confident-match', reason: `${best.sku} and ${second.sku} fit equally well; choose one`, candidates: scored };
  }
  return { status: 'matched', chosen: best, candidates: scored };
}

/** Text for the catalogue search: the description and specification together. */
export function itemSearchText(item: ItemQuery): string {
  return [item.description, item.specification ?? ''].join(' ').replace(/\s+/g, ' ').trim();
}
