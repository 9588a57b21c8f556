import { countPairs } from '../catalogue/quoted-with.js';

/**
 * The product pairs a quote adds to the QUOTED_WITH weights when it is sent.
 * A revision of a quote that was already sent adds only the pairs its
 * earlier sent revisions did not have, so one deal counts once per pair.
 */
export function newlyQuotedPairs(products: readonly string[], earlierSentRevisions: readonly (readonly string[])[]): { a: string; b: string }[] {
  const counted = new Set(countPairs(earlierSentRevisions).keys());
  return [...countPairs([products]).entries()].filter(([key]) => !counted.has(key)).map(([, { a, b }]) => ({ a, b }));
}
