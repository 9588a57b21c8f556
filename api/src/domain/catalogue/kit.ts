/**
 * A task's kit: the products used for it, and everything those products
 * require (transitively: a respirator requires filter cartridges), each
 * required item once, saying which products need it.
 */

/** A product USED_FOR the task. */
export interface KitToolRow {
  productId: string;
  note: string | null;
}

/** A REQUIRES chain found from a tool: `requiredById` REQUIRES `productId`, `depth` hops from the tool. */
export interface KitRequirementRow {
  toolId: string;
  requiredById: string;
  productId: string;
  depth: number;
  note: string | null;
}

export interface KitProductFacts {
  id: string;
  name: string;
  inStock: boolean;
  active: boolean;
}

export interface KitItem {
  productId: string;
  role: 'tool' | 'required';
  /** Products of the kit that need this one (empty for tools). */
  requiredBy: string[];
  reason: string;
}

export function assembleKit(
  taskName: string,
  tools: readonly KitToolRow[],
  requirements: readonly KitRequirementRow[],
  products: ReadonlyMap<string, KitProductFacts>,
): KitItem[] {
  const live = (id: string) => products.get(id)?.active === true;
  const name = (id: string) => products.get(id)?.name ?? id;
  const toolIds = [...new Set(tools.map((t) => t.productId))].filter(live);
  const notes = new Map(tools.map((t) => [t.productId, t.note]));
  const items: KitItem[] = toolIds
    .sort((a, b) => Number(products.get(b)?.inStock) - Number(products.get(a)?.inStock) || name(a).localeCompare(name(b)))
    .map((id) => ({ productId: id, role: 'tool', requiredBy: [], reason: `Used for ${taskName}${notes.get(id) ? ` (${notes.get(id)})` : ''}` }));

  const toolSet = new Set(toolIds);
  const required = new Map<string, { requiredBy: Set<string>; depth: number; notes: Set<string> }>();
  for (const row of requirements) {
    if (!toolSet.has(row.toolId) || toolSet.has(row.productId) || !live(row.productId) || !live(row.requiredById)) continue;
    const entry = required.get(row.productId) ?? { requiredBy: new Set<string>(), depth: row.depth, notes: new Set<string>() };
    entry.requiredBy.add(row.requiredById);
    entry.depth = Math.min(entry.depth, row.depth);
    if (row.note) entry.notes.add(row.note);
    required.set(row.productId, entry);
  }
  const requiredItems = [...required.entries()]
    .sort(([a, ea], [b, eb]) => eb.requiredBy.size - ea.requiredBy.size || ea.depth - eb.depth || name(a).localeCompare(name(b)))
    .map(([id, entry]): KitItem => {
      const by = [...entry.requiredBy].sort((a, b) => name(a).localeCompare(name(b)));
      const noteText = entry.notes.size > 0 ? ` (${[...entry.notes].join('; ')})` : '';
      return { productId: id, role: 'required', requiredBy: by, reason: `Required by ${by.map(name).join(', ')}${noteText}` };
    });
  return [...items, ...requiredItems];
}
