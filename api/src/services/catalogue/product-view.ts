import type { ProductRecord } from '../../repositories/products.js';

/** A product as the API shows it (the contract's `Product`). */
export function toProductView(row: ProductRecord) {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    modelNumbers: row.model_numbers,
    unit: row.unit,
    unitPriceMinor: row.unit_price_minor,
    currency: row.currency,
    stockQuantity: row.stock_quantity,
    inStock: row.stock_quantity > 0,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export type ProductView = ReturnType<typeof toProductView>;

/** What the catalogue's ranking rules read of a product. */
export const productFacts = (row: ProductRecord) => ({ id: row.id, name: row.name, inStock: row.stock_quantity > 0, active: row.active });
