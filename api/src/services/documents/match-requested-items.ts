import type { AppDeps } from '../../deps.js';
import { searchTerms } from '../../domain/catalogue/search-query.js';
import { chooseMatch, contentWords, itemCodes, itemSearchText, type CandidateProduct, type MatchVerdict } from '../../domain/documents/match-scoring.js';
import type { RequestedItem } from '../../domain/documents/requested-item.js';
import { searchProducts, type ProductRecord } from '../../repositories/products.js';

/**
 * Matches requested items to the catalogue with the catalogue's own search:
 * each code the item names (exact and partial codes, trigram for typos),
 * its description and specification as typed (full text, trigram), and its
 * describing words as alternatives (so a long description still finds a
 * product that has only some of its words). The union of what those
 * searches find is scored by the matching rules in domain/documents.
 */

const PER_QUERY = 10;

export interface ItemMatch {
  item: RequestedItem;
  verdict: MatchVerdict;
}

export async function matchRequestedItems(deps: Pick<AppDeps, 'db'>, items: readonly RequestedItem[]): Promise<ItemMatch[]> {
  const matches: ItemMatch[] = [];
  for (const item of items) {
    const candidates = await candidateProducts(deps, item);
    matches.push({ item, verdict: chooseMatch(item, candidates) });
  }
  return matches;
}

async function candidateProducts(deps: Pick<AppDeps, 'db'>, item: RequestedItem): Promise<CandidateProduct[]> {
  const text = itemSearchText(item);
  const words = [...new Set(contentWords(text))];
  const queries = [...itemCodes(item), text, ...(words.length > 1 ? [words.join(' or ')] : [])].filter((q) => q.trim() !== '');
  const found = new Map<string, ProductRecord>();
  for (const query of new Set(queries)) {
    for (const row of await searchProducts(deps.db, searchTerms(query), {}, PER_QUERY, 0)) found.set(row.id, row);
  }
  return [...found.values()].map((row) => ({
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
