import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { ifMatchAccepts } from '../../http/if-match.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { RELATED_GROUPS, rankRelated } from '../../domain/catalogue/related.js';
import { MAX_SEARCH_OFFSET, searchCursor, searchTerms } from '../../domain/catalogue/search-query.js';
import { requireGraph } from '../../graph/availability.js';
import { relatedNeighbours } from '../../graph/queries.js';
import { recordActivity } from '../../repositories/activity.js';
import { createOnce } from '../../services/idempotency.js';
import { setCreatedHeaders } from '../../http/created.js';
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
  type ProductRecord,
} from '../../repositories/products.js';
import { cleanAttributes, etagOf, toProduct } from './products.schemas.js';
import type {
  ActivateRoute,
  CreateRoute,
  DeactivateRoute,
  GetRoute,
  ListRoute,
  RelatedRoute,
  SearchRoute,
  UpdateRoute,
} from './products.routes.js';

/** A unique-violation on the SKU index becomes a 409 naming the SKU. */
async function guardSku<T>(sku: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string; constraint?: string }).code === '23505' && (error as { constraint?: string }).constraint === 'products_sku_key') {
      throw problems.conflict(`A product with SKU ${sku ?? '(this SKU)'} exists already.`);
    }
    throw error;
  }
}

function filtersOf(query: {
  brand?: string | undefined;
  category?: string | undefined;
  minPrice?: number | undefined;
  maxPrice?: number | undefined;
  currency?: string | undefined;
  inStock?: boolean | undefined;
  includeInactive?: boolean | undefined;
}): ProductFilters {
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

export function productsHandlers(deps: AppDeps) {
  const list: AppRouteHandler<ListRoute> = async (c) => {
    const query = c.req.valid('query');
    const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
    const rows = await listProducts(deps.db, { limit: query.limit, filters: filtersOf(query), ...(after ? { after } : {}) });
    const page = paginate(rows, query.limit);
    return c.json({ items: page.items.map(toProduct), nextCursor: page.nextCursor }, 200);
  };

  const search: AppRouteHandler<SearchRoute> = async (c) => {
    const query = c.req.valid('query');
    const offset = query.cursor ? Number(query.cursor) : 0;
    if (offset >= MAX_SEARCH_OFFSET) return c.json({ items: [], nextCursor: null }, 200);
    const limit = Math.min(query.limit, MAX_SEARCH_OFFSET - offset);
    const rows = await searchProducts(deps.db, searchTerms(query.q), filtersOf(query), limit + 1, offset);
    const items = rows.slice(0, limit).map((row) => ({
      score: Math.round(row.score * 10_000) / 10_000,
      match: {
        exactCode: row.exact_code,
        partialCode: row.partial_code,
        fullText: row.full_text,
        similarity: Math.round(row.similarity * 1000) / 1000,
      },
      product: toProduct(row),
    }));
    return c.json({ items, nextCursor: rows.length > limit ? searchCursor(offset + limit) : null }, 200);
  };

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const input = c.req.valid('json');
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: c.req.valid('header')['idempotency-key'], operation: 'createProduct', payload: input },
      async (trx) => {
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
          attributes: cleanAttributes(input.attributes) ?? {},
          active: input.active ?? true,
        };
        const row = await guardSku(input.sku, () => insertProduct(trx, fields, actor.id));
        await enqueueGraphSync(trx, [{ kind: 'product', entityId: row.id }]);
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'product.created',
          entityType: 'product',
          entityId: row.id,
          summary: `${actor.name} created product ${row.sku} ${row.name}`,
        });
        return toProduct(row);
      },
    );
    setCreatedHeaders(c, result, { location: `/api/products/${result.value.id}`, etag: etagOf(result.value) });
    return c.json(result.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const row = await findProduct(deps.db, c.req.valid('param').id);
    if (!row) throw problems.notFound('The product');
    c.header('ETag', etagOf(row));
    return c.json(toProduct(row), 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const ifMatch = c.req.valid('header')['if-match'];
    const input = c.req.valid('json');
    const changes: Partial<ProductFields> = {
      ...(input.sku !== undefined ? { sku: input.sku } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.brand !== undefined ? { brand: input.brand } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.modelNumbers !== undefined ? { modelNumbers: input.modelNumbers } : {}),
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      ...(input.unitPriceMinor !== undefined ? { unitPriceMinor: input.unitPriceMinor } : {}),
      ...(input.currency !== undefined ? { currency: input.currency } : {}),
      ...(input.stockQuantity !== undefined ? { stockQuantity: input.stockQuantity } : {}),
      ...(input.attributes !== undefined ? { attributes: cleanAttributes(input.attributes)! } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const row = await deps.db.transaction().execute(async (trx) => {
      const current = await findProduct(trx, id);
      if (!current) throw problems.notFound('The product');
      if (!ifMatchAccepts(ifMatch, current.version)) {
        throw problems.preconditionFailed(`The product is at version ${current.version}; reload it and apply your change again.`);
      }
      const updated = await guardSku(changes.sku, () => updateProductAtVersion(trx, id, current.version, changes));
      if (!updated) throw problems.preconditionFailed('The product changed while you were saving; reload it and apply your change again.');
      await enqueueGraphSync(trx, [{ kind: 'product', entityId: id }]);
      await recordActivity(trx, {
        actorId: actor.id,
        action: 'product.updated',
        entityType: 'product',
        entityId: id,
        summary: `${actor.name} updated ${Object.keys(changes).join(', ') || 'nothing'} of product ${updated.sku}`,
        details: { fields: Object.keys(changes) },
      });
      return updated;
    });
    c.header('ETag', etagOf(row));
    return c.json(toProduct(row), 200);
  };

  const setActive = (active: boolean): AppRouteHandler<DeactivateRoute | ActivateRoute> => async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const row = await deps.db.transaction().execute(async (trx) => {
      const current = await findProduct(trx, id);
      if (!current) throw problems.notFound('The product');
      if (current.active === active) return current;
      const updated = await updateProductAtVersion(trx, id, current.version, { active });
      if (!updated) throw problems.conflict('The product changed at the same moment; try again.');
      await enqueueGraphSync(trx, [{ kind: 'product', entityId: id }]);
      await recordActivity(trx, {
        actorId: actor.id,
        action: active ? 'product.activated' : 'product.deactivated',
        entityType: 'product',
        entityId: id,
        summary: `${actor.name} ${active ? 'activated' : 'deactivated'} product ${updated.sku}`,
      });
      return updated;
    });
    c.header('ETag', etagOf(row));
    return c.json(toProduct(row), 200);
  };

  const related: AppRouteHandler<RelatedRoute> = async (c) => {
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const origin = await findProduct(deps.db, id);
    if (!origin) throw problems.notFound('The product');
    const graph = requireGraph(deps);
    const neighbours = await relatedNeighbours(graph, id);
    const products = await findProductsByIds(deps.db, neighbours.map((n) => n.productId));
    const facts = (row: ProductRecord) => ({ id: row.id, name: row.name, inStock: row.stock_quantity > 0, active: row.active });
    const ranked = rankRelated(facts(origin), neighbours, new Map([...products].map(([key, row]) => [key, facts(row)])), limit);
    const groups = RELATED_GROUPS.map((g) => ({
      group: g.group,
      relation: g.relation,
      direction: g.direction,
      title: g.title,
      items: ranked[g.group].map((s) => ({ product: toProduct(products.get(s.productId)!), score: s.score, reason: s.reason, note: s.note })),
    }));
    return c.json({ product: toProduct(origin), groups }, 200);
  };

  return {
    list,
    search,
    create,
    get,
    update,
    deactivate: setActive(false),
    activate: setActive(true),
    related,
  };
}
