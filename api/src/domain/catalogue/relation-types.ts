/**
 * The typed relations between catalogue items. They live in PostgreSQL (the
 * source of truth) and are projected to Neo4j as relationships of the same name.
 */
export const PRODUCT_RELATION_TYPES = ['COMPATIBLE_WITH', 'ALTERNATIVE_TO', 'ACCESSORY_OF', 'REQUIRES'] as const;
export type ProductRelationType = (typeof PRODUCT_RELATION_TYPES)[number];

/** `USED_FOR` links a product to a task instead of another product. */
export const RELATION_TYPES = [...PRODUCT_RELATION_TYPES, 'USED_FOR'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Types that mean the same read either way ("A is compatible with B" = "B is compatible with A"). */
export const SYMMETRIC_RELATION_TYPES: ReadonlySet<RelationType> = new Set(['COMPATIBLE_WITH', 'ALTERNATIVE_TO']);

export const isSymmetric = (type: RelationType) => SYMMETRIC_RELATION_TYPES.has(type);

/**
 * Import columns that carry relations: each holds SKUs (separated by `;`, `|`
 * or `,`) the row's product relates to. `accessories` and `required_by` are
 * the reverse readings of `accessory_of` and `requires`.
 */
export const IMPORT_RELATION_COLUMNS: Record<string, { type: ProductRelationType; reverse: boolean }> = {
  compatible_with: { type: 'COMPATIBLE_WITH', reverse: false },
  alternative_to: { type: 'ALTERNATIVE_TO', reverse: false },
  alternatives: { type: 'ALTERNATIVE_TO', reverse: false },
  accessory_of: { type: 'ACCESSORY_OF', reverse: false },
  accessories: { type: 'ACCESSORY_OF', reverse: true },
  requires: { type: 'REQUIRES', reverse: false },
  required_by: { type: 'REQUIRES', reverse: true },
};
