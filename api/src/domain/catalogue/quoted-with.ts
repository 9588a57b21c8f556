/**
 * QUOTED_WITH weights: how often two products appear on the same quote.
 * Pure counting; the repository applies the deltas.
 */

/** Quotes with more distinct products than this count only their first ones (pairs grow quadratically). */
export const MAX_PRODUCTS_PER_SET = 60;

/** Canonical pair key: the smaller id first. */
export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Counts each unordered pair of distinct products once per set. */
export function countPairs(productIdSets: readonly (readonly string[])[]): Map<string, { a: string; b: string; count: number }> {
  const pairs = new Map<string, { a: string; b: string; count: number }>();
  for (const set of productIdSets) {
    const ids = [...new Set(set)].slice(0, MAX_PRODUCTS_PER_SET);
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const [a, b] = pairKey(ids[i]!, ids[j]!);
        const key = `${a}|${b}`;
        const entry = pairs.get(key);
        if (entry) entry.count += 1;
        else pairs.set(key, { a, b, count: 1 });
      }
    }
  }
  return pairs;
}
