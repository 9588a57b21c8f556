/**
 * Turns the graph neighbourhood of a product into suggestions: grouped by
 * what the relation means for a salesperson, ranked, each with a reason.
 * Pure: the graph query and the product lookup happen elsewhere.
 */

export type GraphRelation = 'COMPATIBLE_WITH' | 'ALTERNATIVE_TO' | 'ACCESSORY_OF' | 'REQUIRES' | 'QUOTED_WITH';

/** One relationship between the product asked about and a neighbour, as the graph returned it. */
export interface GraphNeighbour {
  relation: GraphRelation;
  /** True when the relationship starts at the product asked about. */
  outgoing: boolean;
  productId: string;
  note: string | null;
  /** QUOTED_WITH only: quotes both appear on. */
  weight: number | null;
}

export interface SuggestedProductFacts {
  id: string;
  name: string;
  inStock: boolean;
  active: boolean;
}

export const RELATED_GROUPS = [
  { group: 'accessories', relation: 'ACCESSORY_OF', direction: 'incoming', title: 'Accessories for it' },
  { group: 'requires', relation: 'REQUIRES', direction: 'outgoing', title: 'What it requires (e.g. safety equipment)' },
  { group: 'compatible', relation: 'COMPATIBLE_WITH', direction: 'both', title: 'Compatible products' },
  { group: 'alternatives', relation: 'ALTERNATIVE_TO', direction: 'both', title: 'Alternatives' },
  { group: 'accessoryOf', relation: 'ACCESSORY_OF', direction: 'outgoing', title: 'Products it is an accessory of' },
  { group: 'requiredBy', relation: 'REQUIRES', direction: 'incoming', title: 'Products that require it' },
  { group: 'quotedWith', relation: 'QUOTED_WITH', direction: 'both', title: 'Often quoted together' },
] as const;

export type RelatedGroupName = (typeof RELATED_GROUPS)[number]['group'];

export interface Suggestion {
  productId: string;
  score: number;
  reason: string;
}

function groupOf(neighbour: GraphNeighbour): RelatedGroupName {
  switch (neighbour.relation) {
    case 'ACCESSORY_OF':
      return neighbour.outgoing ? 'accessoryOf' : 'accessories';
    case 'REQUIRES':
      return neighbour.outgoing ? 'requires' : 'requiredBy';
    case 'COMPATIBLE_WITH':
      return 'compatible';
    case 'ALTERNATIVE_TO':
      return 'alternatives';
    case 'QUOTED_WITH':
      return 'quotedWith';
  }
}

const times = (n: number) => `${n} quote${n === 1 ? '' : 's'}`;

function reasonFor(group: RelatedGroupName, origin: SuggestedProductFacts, candidate: SuggestedProductFacts, quotedTogether: number): string {
  const base = {
    accessories: `An accessory for ${origin.name}`,
    requires: `${origin.name} requires it`,
    compatible: `Compatible with ${origin.name}`,
    alternatives: `An alternative to ${origin.name}`,
    accessoryOf: `${origin.name} is an accessory for it`,
    requiredBy: `It requires ${origin.name}`,
    quotedWith: `Quoted together with ${origin.name} on ${times(quotedTogether)}`,
  }[group];
  const extras: string[] = [];
  if (group === 'alternatives' && candidate.inStock && !origin.inStock) extras.push(`in stock while ${origin.name} is not`);
  if (group !== 'quotedWith' && quotedTogether > 0) extras.push(`quoted together on ${times(quotedTogether)}`);
  if (!candidate.inStock) extras.push('out of stock');
  return extras.length > 0 ? `${base}; ${extras.join('; ')}` : base;
}

/**
 * Score (higher first): curated relations start at 1, in-stock items get
 * +0.5, and how often the two were quoted together adds up to +1 (it
 * saturates at 20 quotes). "Often quoted together" is ranked by that count
 * alone. Inactive products are never suggested.
 */
export function rankRelated(
  origin: SuggestedProductFacts,
  neighbours: readonly GraphNeighbour[],
  products: ReadonlyMap<string, SuggestedProductFacts>,
  limitPerGroup: number,
): Record<RelatedGroupName, (Suggestion & { note: string | null })[]> {
  const quoted = new Map<string, number>();
  for (const n of neighbours) if (n.relation === 'QUOTED_WITH') quoted.set(n.productId, Math.max(quoted.get(n.productId) ?? 0, n.weight ?? 0));

  const groups = Object.fromEntries(RELATED_GROUPS.map((g) => [g.group, new Map<string, Suggestion & { note: string | null }>()])) as Record<
    RelatedGroupName,
    Map<string, Suggestion & { note: string | null }>
  >;
  for (const neighbour of neighbours) {
    const candidate = products.get(neighbour.productId);
    if (!candidate || !candidate.active || candidate.id === origin.id) continue;
    const group = groupOf(neighbour);
    const quotedTogether = quoted.get(candidate.id) ?? 0;
    if (group === 'quotedWith' && quotedTogether <= 0) continue;
    const score =
      group === 'quotedWith'
        ? quotedTogether
        : 1 + (candidate.inStock ? 0.5 : 0) + Math.min(quotedTogether, 20) / 20;
    const note = neighbour.note && neighbour.note.trim() !== '' ? neighbour.note : null;
    const reason = reasonFor(group, origin, candidate, quotedTogether) + (note ? ` (${note})` : '');
    const existing = groups[group].get(candidate.id);
    if (!existing || existing.score < score) groups[group].set(candidate.id, { productId: candidate.id, score: Math.round(score * 1000) / 1000, reason, note });
  }
  const byName = (id: string) => products.get(id)?.name ?? '';
  return Object.fromEntries(
    Object.entries(groups).map(([group, items]) => [
      group,
      [...items.values()]
        .sort((a, b) => b.score - a.score || byName(a.productId).localeCompare(byName(b.productId)) || a.productId.localeCompare(b.productId))
        .slice(0, limitPerGroup),
    ]),
  ) as Record<RelatedGroupName, (Suggestion & { note: string | null })[]>;
}
