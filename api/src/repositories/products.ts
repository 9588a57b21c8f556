import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { ProductRow } from '../db/schema.js';
import type { CatalogueProduct } from '../domain/catalogue/catalogue-row.js';
import { SEARCH_WEIGHTS, SIMILARITY_THRESHOLD, type SearchTerms } from '../domain/catalogue/search-query.js';

/** Columns a product is read with (never the generated search columns). */
export const PRODUCT_COLUMNS = [
  'id',
  'sku',
  'name',
  'description',
  'brand',
  'category',
  'model_numbers',
  'unit',
  'unit_price_minor',
  'currency',
  'stock_quantity',
  'attributes',
  'active',
  'version',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export type ProductRecord = Pick<ProductRow, (typeof PRODUCT_COLUMNS)[number]>;

export type ProductFields = CatalogueProduct;

const toColumns = (fields: Partial<ProductFields>) => ({
  ...(fields.sku !== undefined ? { sku: fields.sku } : {}),
  ...(fields.name !== undefined ? { name: fields.name } : {}),
  ...(fields.description !== undefined ? { description: fields.description } : {}),
  ...(fields.brand !== undefined ? { brand: fields.brand } : {}),
  ...(fields.category !== undefined ? { category: fields.category } : {}),
  ...(fields.unit !== undefined ? { unit: fields.unit } : {}),
  ...(fields.unitPriceMinor !== undefined ? { unit_price_minor: fields.unitPriceMinor } : {}),
  ...(fields.currency !== undefined ? { currency: fields.currency } : {}),
  ...(fields.stockQuantity !== undefined ? { stock_quantity: fields.stockQuantity } : {}),
  ...(fields.modelNumbers !== undefined ? { model_numbers: fields.modelNumbers } : {}),
  ...(fields.attributes !== undefined ? { attributes: JSON.stringify(fields.attributes) } : {}),
  ...(fields.active !== undefined ? { active: fields.active } : {}),
});

export function insertProduct(db: Db, fields: ProductFields, createdBy: string | null): Promise<ProductRecord> {
  return db
    .insertInto('products')
    .values({ ...toColumns(fields), sku: fields.sku, name: fields.name, unit_price_minor: fields.unitPriceMinor, currency: fields.currency, created_by: createdBy })
    .returning(PRODUCT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function findProduct(db: Db, id: string): Promise<ProductRecord | undefined> {
  return db.selectFrom('products').select(PRODUCT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function findProductsByIds(db: Db, ids: readonly string[]): Promise<Map<string, ProductRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(PRODUCT_COLUMNS).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** lower(SKU) → id, for the SKUs that exist. */
export async function productIdsBySku(db: Db, skus: readonly string[]): Promise<Map<string, string>> {
  const lowered = [...new Set(skus.map((s) => s.toLowerCase()))];
  if (lowered.length === 0) return new Map();
  const rows = await db
    .selectFrom('products')
    .select(['id', sql<string>`lower(sku)`.as('key')])
    .where(sql<string>`lower(sku)`, 'in', lowered)
    .execute();
  return new Map(rows.map((row) => [row.key, row.id]));
}

/** Applies the change only at `expectedVersion`; undefined when the row moved on (or is gone). */
export function updateProductAtVersion(db: Db, id: string, expectedVersion: number, changes: Partial<ProductFields>): Promise<ProductRecord | undefined> {
  return db
    .updateTable('products')
    .set({ ...toColumns(changes), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(PRODUCT_COLUMNS)
    .executeTakeFirst();
}

export interface ProductFilters {
  brand?: string;
  category?: string;
  minPriceMinor?: number;
  maxPriceMinor?: number;
  currency?: string;
  inStock?: boolean;
  includeInactive?: boolean;
}

function filterConditions(filters: ProductFilters): RawBuilder<boolean>[] {
  const conditions: RawBuilder<boolean>[] = [];
  if (!filters.includeInactive) conditions.push(sql<boolean>`p.active`);
  if (filters.brand !== undefined) conditions.push(sql<boolean>`lower(p.brand) = ${filters.brand.toLowerCase()}`);
  if (filters.category !== undefined) conditions.push(sql<boolean>`lower(p.category) = ${filters.category.toLowerCase()}`);
  if (filters.minPriceMinor !== undefined) conditions.push(sql<boolean>`p.unit_price_minor >= ${filters.minPriceMinor}`);
  if (filters.maxPriceMinor !== undefined) conditions.push(sql<boolean>`p.unit_price_minor <= ${filters.maxPriceMinor}`);
  if (filters.currency !== undefined) conditions.push(sql<boolean>`p.currency = ${filters.currency}`);
  if (filters.inStock === true) conditions.push(sql<boolean>`p.stock_quantity > 0`);
  if (filters.inStock === false) conditions.push(sql<boolean>`p.stock_quantity = 0`);
  return conditions;
}

const and = (conditions: RawBuilder<boolean>[]) => (conditions.length === 0 ? sql<boolean>`true` : sql.join(conditions, sql` and `));
const columnList = sql.join(PRODUCT_COLUMNS.map((c) => sql.ref(`p.${c}`)));

/** Newest first, keyset on (created_at, id). */
export async function listProducts(db: Db, options: { limit: number; after?: [string, string]; filters: ProductFilters }): Promise<ProductRecord[]> {
  const conditions = filterConditions(options.filters);
  if (options.after) conditions.push(sql<boolean>`(p.created_at, p.id) < (${options.after[0]}::timestamptz, ${options.after[1]}::uuid)`);
  const result = await sql<ProductRecord>`
    select ${columnList} from products p
    where ${and(conditions)}
    order by p.created_at desc, p.id desc
    limit ${options.limit + 1}`.execute(db);
  return result.rows;
}

/**
 * The ranked search query (see domain/catalogue/search-query.ts for the
 * rules). Each match source contributes a bounded, index-ordered set of
 * candidates — exact codes (GIN array), code substrings and fuzzy matches in
 * similarity order (GiST trigram, KNN), full text by rank (GIN tsvector) —
 * and only that union is scored. So the cost depends on the page asked for,
 * not on how many of 100,000 products contain a common word. Exported so the
 * benchmark runs exactly this SQL outside the API.
 */
export function searchProductsQuery(terms: SearchTerms, filters: ProductFilters, limit: number, offset: number) {
  const code = terms.code;
  const likeCode = `%${code.toLowerCase()}%`;
  // The words as typed, or the query read as one code ("DCD-791" → dcd791, as codes appear in descriptions).
  const tsquery = sql`(websearch_to_tsquery('english', ${terms.text}) || plainto_tsquery('simple', ${code.toLowerCase()}))`;
  const filter = and(filterConditions(filters));
  // Enough of each source for the page asked for (ranks past it can only come from deeper in a source).
  const perSource = Math.max(100, (offset + limit) * 2);
  const sources = [
    sql`(select p.id from products p where p.codes @> array[${code}]::text[] and ${filter})`,
    ...(terms.partialCode
      ? [sql`(select p.id from products p where p.search_text like ${likeCode} and ${filter} order by p.search_text <->> ${terms.lowered} limit ${perSource})`]
      : []),
    sql`(select p.id from products p where p.search_vector @@ ${tsquery} and ${filter} order by ts_rank(p.search_vector, ${tsquery}, 32) desc limit ${perSource})`,
    sql`(select p.id from products p where ${terms.lowered} <% p.search_text and ${filter} order by p.search_text <->> ${terms.lowered} limit ${perSource})`,
  ];
  return sql<ProductRecord & { score: number; exact_code: boolean; partial_code: boolean; full_text: boolean; similarity: number }>`
    with candidates as (${sql.join(sources, sql` union `)})
    select c.*, (
        case when c.exact_code then ${SEARCH_WEIGHTS.exactCode} else 0 end
      + case when c.partial_code then ${SEARCH_WEIGHTS.partialCode} else 0 end
      + ${SEARCH_WEIGHTS.fullText} * c.text_rank
      + ${SEARCH_WEIGHTS.similarity} * c.similarity
    )::float8 as score
    from (
      select ${columnList},
        p.codes @> array[${code}]::text[] as exact_code,
        ${terms.partialCode ? sql`p.search_text like ${likeCode}` : sql`false`} as partial_code,
        p.search_vector @@ ${tsquery} as full_text,
        ts_rank(p.search_vector, ${tsquery}, 32)::float8 as text_rank,
        word_similarity(${terms.lowered}, p.search_text)::float8 as similarity
      from products p join candidates using (id)
    ) c
    order by score desc, c.id
    limit ${limit} offset ${offset}`;
}

/** The trigram threshold is a setting; it is set for this transaction only. */
export const SIMILARITY_SETTING = sql`select set_config('pg_trgm.word_similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`;

export function searchProducts(db: Db, terms: SearchTerms, filters: ProductFilters, limit: number, offset: number) {
  return db.transaction().execute(async (trx) => {
    await SIMILARITY_SETTING.execute(trx);
    return (await searchProductsQuery(terms, filters, limit, offset).execute(trx)).rows;
  });
}

export interface UpsertedProduct {
  id: string;
  sku: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

/**
 * Inserts or updates products by SKU (case-insensitive) in one statement.
 * A row equal to the stored product changes nothing (no version bump, no
 * graph sync). SKUs must be distinct within a call.
 */
export async function upsertProductsBySku(db: Db, products: readonly ProductFields[], createdBy: string | null): Promise<UpsertedProduct[]> {
  if (products.length === 0) return [];
  const payload = JSON.stringify(
    products.map((p) => ({
      sku: p.sku,
      name: p.name,
      description: p.description,
      brand: p.brand,
      category: p.category,
      model_numbers: p.modelNumbers,
      unit: p.unit,
      unit_price_minor: p.unitPriceMinor,
      currency: p.currency,
      stock_quantity: p.stockQuantity,
      attributes: p.attributes,
      active: p.active,
    })),
  );
  const written = await sql<{ id: string; sku: string; inserted: boolean }>`
    insert into products as p (sku, name, description, brand, category, model_numbers, unit, unit_price_minor, currency, stock_quantity, attributes, active, created_by)
    select r.sku, r.name, r.description, r.brand, r.category, r.model_numbers, r.unit, r.unit_price_minor, r.currency, r.stock_quantity, r.attributes, r.active, ${createdBy}::uuid
    from jsonb_to_recordset(${payload}::jsonb) as r(
      sku text, name text, description text, brand text, category text, model_numbers text[], unit text,
      unit_price_minor bigint, currency text, stock_quantity integer, attributes jsonb, active boolean)
    on conflict (lower(sku)) do update set
      sku = excluded.sku, name = excluded.name, description = excluded.description, brand = excluded.brand,
      category = excluded.category, model_numbers = excluded.model_numbers, unit = excluded.unit,
      unit_price_minor = excluded.unit_price_minor, currency = excluded.currency, stock_quantity = excluded.stock_quantity,
      attributes = excluded.attributes, active = excluded.active,
      version = p.version + 1, updated_at = date_trunc('milliseconds', now())
    where (p.sku, p.name, p.description, p.brand, p.category, p.model_numbers, p.unit, p.unit_price_minor, p.currency, p.stock_quantity, p.attributes, p.active)
      is distinct from
      (excluded.sku, excluded.name, excluded.description, excluded.brand, excluded.category, excluded.model_numbers, excluded.unit,
       excluded.unit_price_minor, excluded.currency, excluded.stock_quantity, excluded.attributes, excluded.active)
    returning p.id, p.sku, (xmax = 0) as inserted`.execute(db);
  const bySku = new Map(written.rows.map((row) => [row.sku.toLowerCase(), row]));
  const unchanged = products.filter((p) => !bySku.has(p.sku.toLowerCase()));
  const unchangedIds = await productIdsBySku(db, unchanged.map((p) => p.sku));
  return products.map((p): UpsertedProduct => {
    const row = bySku.get(p.sku.toLowerCase());
    if (row) return { id: row.id, sku: p.sku, outcome: row.inserted ? 'created' : 'updated' };
    return { id: unchangedIds.get(p.sku.toLowerCase()) ?? '', sku: p.sku, outcome: 'unchanged' };
  });
}

/** Keyset batches of every product, by id (graph rebuild). */
export function productsAfter(db: Db, afterId: string | null, limit: number): Promise<ProductRecord[]> {
  let query = db.selectFrom('products').select(PRODUCT_COLUMNS).orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

export function countCatalogue(db: Db) {
  return db
    .selectFrom('products')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where active)`.as('active'),
      sql<number>`count(*) filter (where active and stock_quantity = 0)`.as('out_of_stock'),
      sql<number>`count(distinct lower(brand)) filter (where active)`.as('brands'),
      sql<number>`count(distinct lower(category)) filter (where active)`.as('categories'),
    ])
    .executeTakeFirstOrThrow();
}
