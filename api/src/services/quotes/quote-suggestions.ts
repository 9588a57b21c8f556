import type { AppDeps } from '../../deps.js';
import type { QuoteLineRow } from '../../db/schema.js';
import { rankRelated, type SuggestedProductFacts } from '../../domain/catalogue/related.js';
import { requireGraph } from '../../graph/availability.js';
import { relatedNeighbours } from '../../graph/queries.js';
import { findProductsByIds } from '../../repositories/products.js';

/**
 * What a draft is missing, from the product graph: items its products
 * require (safety equipment first of all), their accessories, and products
 * often quoted with them. Each product of the quote is ranked by the
 * catalogue's `rankRelated`; the groups are then merged across the quote's
 * products, without anything already on it, each product in one group only.
 */

const GROUPS = [
  { name: 'required', from: 'requires' },
  { name: 'accessories', from: 'accessories' },
  { name: 'oftenQuotedTogether', from: 'quotedWith' },
] as const;
const PER_GROUP = 20;

interface Candidate {
  productId: string;
  score: number;
  reasons: string[];
  forProductIds: string[];
}

export async function quoteSuggestions(deps: Pick<AppDeps, 'db' | 'graph'>, quoteId: string, lines: readonly QuoteLineRow[]) {
  const graph = requireGraph(deps);
  const onQuote = [...new Set(lines.map((line) => line.product_id).filter((id): id is string => id !== null))];
  const neighbours = await Promise.all(onQuote.map((id) => relatedNeighbours(graph, id)));
  const products = await findProductsByIds(deps.db, [...onQuote, ...neighbours.flat().map((n) => n.productId)]);
  const facts = new Map<string, SuggestedProductFacts>(
    [...products.values()].map((p) => [p.id, { id: p.id, name: p.name, inStock: p.stock_quantity > 0, active: p.active }]),
  );

  const taken = new Set(onQuote);
  const groups = new Map<string, Map<string, Candidate>>(GROUPS.map((g) => [g.name, new Map()]));
  onQuote.forEach((originId, index) => {
    const origin = facts.get(originId);
    if (!origin) return;
    const ranked = rankRelated(origin, neighbours[index] ?? [], facts, PER_GROUP);
    for (const group of GROUPS) {
      const merged = groups.get(group.name)!;
      for (const suggestion of ranked[group.from]) {
        if (taken.has(suggestion.productId)) continue;
        const entry = merged.get(suggestion.productId) ?? { productId: suggestion.productId, score: 0, reasons: [], forProductIds: [] };
        // Needed by several quoted products ranks higher than needed by one.
        entry.score = Math.round((entry.score + suggestion.score) * 1000) / 1000;
        entry.reasons.push(suggestion.reason);
        entry.forProductIds.push(originId);
        merged.set(suggestion.productId, entry);
      }
    }
  });

  const seen = new Set<string>();
  const result: Record<(typeof GROUPS)[number]['name'], SuggestionBody[]> = { required: [], accessories: [], oftenQuotedTogether: [] };
  for (const group of GROUPS) {
    const ordered = [...groups.get(group.name)!.values()]
      .filter((candidate) => !seen.has(candidate.productId))
      .sort((a, b) => b.score - a.score || (facts.get(a.productId)?.name ?? '').localeCompare(facts.get(b.productId)?.name ?? ''))
      .slice(0, PER_GROUP);
    for (const candidate of ordered) seen.add(candidate.productId);
    result[group.name] = ordered.map((candidate) => {
      const product = products.get(candidate.productId)!;
      return {
        productId: product.id,
        sku: product.sku,
        name: product.name,
        unit: product.unit,
        unitPriceMinor: Number(product.unit_price_minor),
        currency: product.currency,
        inStock: product.stock_quantity > 0,
        score: candidate.score,
        reasons: candidate.reasons,
        forProductIds: candidate.forProductIds,
      };
    });
  }
  return { quoteId, ...result };
}

export interface SuggestionBody {
  productId: string;
  sku: string;
  name: string;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  inStock: boolean;
  score: number;
  reasons: string[];
  forProductIds: string[];
}
