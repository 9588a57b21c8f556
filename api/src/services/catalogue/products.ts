import type { AppDeps } from '../../deps.js';
import { isUniqueViolation } from '../../db/errors.js';
import { RELATED_GROUPS, rankRelated } from '../../domain/catalogue/related.js';
import { MAX_SEARCH_OFFSET, searchCursor, searchTerms } from '../../domain/catalogue/search-query.js';
import { requireGraph } from '../../graph/availability.js';
import { relatedNeighbours } from '../../graph/queries.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { enqueueGraphSync } from '../../repositories/outbox.js';
import {
  findProduct,
  findProductsByIds,
  insertProduct,
  listProducts,
  searchProducts,
  updateProductAtVersion,
  type ProductFields,
  type ProductFilters,
} from '../../repositories/products.js';
import type { Caller } from '../caller.js';
import { createOnce, type Created } from '../idempotency.js';
import { updateExpectedVersion, type ExpectedVersion } from '../versions.js';
import { productFacts, toProductView, type ProductView } from './product-view.js';

/** Filters of the product list and search, as the API takes them. */
export interface ProductQueryFilters {
  brand?: string | undefined;
  category?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  currency?: string | undefined;
  inStock?: boolean | undefined;
  includeInactive?: boolean | undefined;
}

export type NewProductInput = Pick<ProductFields, 'sku' | 'name' | 'unitPriceMinor' | 'currency'> & {
  [K in Exclude<keyof ProductFields, 'sku' | 'name' | 'unitPriceMinor' | 'currency'>]?: ProductFields[K] | undefined;
};
export type ProductChanges = { [K in keyof ProductFields]?: ProductFields[K] | undefined };

const PRODUCT_FIELD_ORDER = [
  'sku',
  'name',
  'description',
  'brand',
  'category',
  'modelNumbers',
  'unit',
  'unitPriceMinor',
  'currency',
  'stockQuantity',
  'attributes',
  'active',
] as const satisfies readonly (keyof ProductFields)[];

function filtersOf(query: ProductQueryFilters): ProductFilters {
  return {
    ...(query.brand !== undefined ? { brand: query.brand } : {}),
    ...(query.category !== undefined ? { category: query.category } : {}),
    ...(query.minPrice !== undefined ? { minPriceMinor: query.minPrice } : {}),
    ...(query.maxPrice !== undefined ? { maxPriceMinor: query.maxPrice } : {}),
    ...(query.currency !== undefined ? { currency: query.currency } : {}),
    ...(query.inStock !== undefined ? { inStock: query.inStock } : {}),
    includeInactive: query.includeInactive === true,
  };
}

/** Removes NUL characters PostgreSQL cannot store from free-form attribute names and values. */
function cleanAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(attributes).map(([key, value]) => [key.replaceAll('\u0000', ''), typeof value === 'string' ? value.replaceAll('\u0000', '') : value]),
  );
}

/** A unique-violation on the SKU index becomes a 409 naming the SKU. */
async function guardSku<T>(sku: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'products_sku_key')) {
      throw problems.conflict(`A product with SKU ${sku ?? '(this SKU)'} exists already.`);
    }
    throw error;
  }
}

/** The catalogue's product use cases: list, ranked search, edits (each queued for the graph), related products from the graph. */
export function productsService(deps: Pick<AppDeps, 'db' | 'graph'>) {
  const { db } = deps;

  async function setActive(caller: Caller, id: string, active: boolean): Promise<ProductView> {
    const row = await db.transaction().execute(async (trx) => {
      const current = await findProduct(trx, id);
      if (!current) throw problems.notFound('The product');
      if (current.active === active) return current;
      const updated = await updateProductAtVersion(trx, id, current.version, { active });
      if (!updated) throw problems.conflict('The product changed at the same moment; try again.');
      await enqueueGraphSync(trx, [{ kind: 'product', entityId: id }]);
      await recordActivity(trx, {
        actorId: caller.id,
        action: active ? 'product.activated' : 'product.deactivated',
        entityType: 'product',
        entityId: id,
        summary: `${caller.name} ${active ? 'activated' : 'deactivated'} product ${updated.sku}`,
      });
      return updated;
    });
    return toProductView(row);
  }

  return {
    async list(query: ProductQueryFilters & { limit: number; cursor?: string | undefined }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listProducts(db, { limit: query.limit, filters: filtersOf(query), ...(after ? { after } : {}) });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toProductView), nextCursor: page.nextCursor };
    },

    async search(query: ProductQueryFilters & { q: string; limit: number; cursor?: string | undefined }) {
      const offset = query.cursor ? Number(query.cursor) : 0;
      if (offset >= MAX_SEARCH_OFFSET) return { items: [], nextCursor: null };
      const limit = Math.min(query.limit, MAX_SEARCH_OFFSET - offset);
      const rows = await searchProducts(db, searchTerms(query.q), filtersOf(query), limit + 1, offset);
      const items = rows.slice(0, limit).map((row) => ({
        score: Math.round(row.score * 10_000) / 10_000,
        match: {
          exactCode: row.exact_code,
          partialCode: row.partial_code,
          fullText: row.full_text,
          similarity: Math.round(row.similarity * 1000) / 1000,
        },
        product: toProductView(row),
      }));
      return { items, nextCursor: rows.length > limit ? searchCursor(offset + limit) : null };
    },

    async get(id: string): Promise<ProductView> {
      const row = await findProduct(db, id);
      if (!row) throw problems.notFound('The product');
      return toProductView(row);
    },

    create(caller: Caller, input: NewProductInput, idempotencyKey: string | undefined): Promise<Created<ProductView>> {
      return createOnce(db, { userId: caller.id, key: idempotencyKey, operation: 'createProduct', payload: input }, async (trx) => {
        const fields: ProductFields = {
          sku: input.sku,
          name: input.name,
          description: input.description ?? null,
          brand: input.brand ?? null,
          category: input.category ?? null,
          modelNumbers: input.modelNumbers ?? [],
          unit: input.unit ?? 'EA',
          unitPriceMinor: input.unitPriceMinor,
          currency: input.currency,
          stockQuantity: input.stockQuantity ?? 0,
          attributes: input.attributes === undefined ? {} : cleanAttributes(input.attributes),
          active: input.active ?? true,
        };
        const row = await guardSku(input.sku, () => insertProduct(trx, fields, caller.id));
        await enqueueGraphSync(trx, [{ kind: 'product', entityId: row.id }]);
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'product.created',
          entityType: 'product',
          entityId: row.id,
          summary: `${caller.name} created product ${row.sku} ${row.name}`,
        });
        return toProductView(row);
      });
    },

    async update(caller: Caller, request: { id: string; expected: ExpectedVersion }, input: ProductChanges): Promise<ProductView> {
      const { id } = request;
      // Only the fields present change (named in this order in the activity log).
      const changes = Object.fromEntries(
        PRODUCT_FIELD_ORDER.filter((key) => input[key] !== undefined).map((key) => [key, key === 'attributes' ? cleanAttributes(input.attributes!) : input[key]]),
      ) as Partial<ProductFields>;
      const row = await db.transaction().execute(async (trx) => {
        const { after } = await updateExpectedVersion({
          what: 'The product',
          expected: request.expected,
          read: () => findProduct(trx, id),
          write: (current) => guardSku(changes.sku, () => updateProductAtVersion(trx, id, current.version, changes)),
        });
        await enqueueGraphSync(trx, [{ kind: 'product', entityId: id }]);
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'product.updated',
          entityType: 'product',
          entityId: id,
          summary: `${caller.name} updated ${Object.keys(changes).join(', ') || 'nothing'} of product ${after.sku}`,
          details: { fields: Object.keys(changes) },
        });
        return after;
      });
      return toProductView(row);
    },

    deactivate: (caller: Caller, id: string) => setActive(caller, id, false),
    activate: (caller: Caller, id: string) => setActive(caller, id, true),

    async related(id: string, limit: number) {
      const origin = await findProduct(db, id);
      if (!origin) throw problems.notFound('The product');
      const graph = requireGraph(deps);
      const neighbours = await relatedNeighbours(graph, id);
      const products = await findProductsByIds(db, neighbours.map((n) => n.productId));
      const ranked = rankRelated(productFacts(origin), neighbours, new Map([...products].map(([key, row]) => [key, productFacts(row)])), limit);
      const groups = RELATED_GROUPS.map((g) => ({
        group: g.group,
        relation: g.relation,
        direction: g.direction,
        title: g.title,
        items: ranked[g.group].map((s) => ({ product: toProductView(products.get(s.productId)!), score: s.score, reason: s.reason, note: s.note })),
      }));
      return { product: toProductView(origin), groups };
    },
  };
}
