import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { ProductRow } from '../db/schema.js';
import type { CatalogueProduct } from '../domain/catalogue/catalogue-row.js';
import { MIN_PARTIAL_CODE_LENGTH, SEARCH_WEIGHTS, SIMILARITY_THRESHOLD, WORD_TYPO_THRESHOLD, type SearchTerms } from '../domain/catalogue/search-query.js';

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
 * How many candidates each source of the search contributes, and how much of
 * a source is read to pick them. Bounded, so that the cost of a search does
 * not grow with how many of the products contain a common word.
 */
const CANDIDATES_PER_SOURCE = 40;
/**
 * Full-text matches read from the GIN index to rank them (the best-ranked among these are candidates); from the
 * postings, twice a source's candidates (every one of them holds the query's words in its name, brand or category).
 */
const FULL_TEXT_MATCHES_RANKED = 300;
/** Products reached through similar words that are checked for similarity to a query of several words. */
const WORD_MATCHES_CHECKED = 200;
/** Dictionary words taken per query word: the most similar ones. */
const SIMILAR_WORDS_PER_QUERY_WORD = 16;
/** Near words whose products are read, nearest first. */
const NEAR_WORDS_READ = 4;
/** Of those, how many may stand for a query word when every query word must match. */
const SIMILAR_WORDS_REQUIRED = 4;
/**
 * Postings (catalogue_word_products rows) a source reads before it falls back
 * to the full-text GIN index: enough for its candidates when the word is
 * common, and the GIN index is cheap when it is not.
 */
const POSTINGS_READ = 1000;
/** Query words whose postings the full-text source intersects (the longest ones; the full-text query checks the rest). */
const FULL_TEXT_WORDS_JOINED = 3;
/** Postings of each of those words read (in product order) to find the products that hold them all. */
const MERGED_POSTINGS_READ = 5000;

/**
 * The ranked search query (see domain/catalogue/search-query.ts for the
 * rules). Every source contributes a bounded set of candidates read from an
 * index, and only their union is scored, by the same rules whatever found
 * them:
 *
 * - exact codes: the GIN array index of normalized codes;
 * - codes containing the query: the SKUs that begin with it (B-tree over
 *   the normalized SKU), then, when they are fewer than a source's
 *   candidates, the trigram GIN index over the normalized codes;
 * - full text: the best ranked of the first matches — the products that
 *   hold every one of the longest query words in their name, brand or
 *   category (their postings merged in product order), and the first
 *   FULL_TEXT_MATCHES_RANKED of the GIN tsvector index only when those and
 *   the SKUs beginning with the query were fewer than a source's candidates;
 * - similar words, for typos and prefixes: each query word is looked up in
 *   the small dictionary of catalogue words (catalogue_words, trigram GIN:
 *   words it is similar to, begins or is part of). The words lead to products
 *   through their postings (catalogue_word_products, a B-tree read that stops
 *   at the limit), nearest word first, a bounded number per word; and for a
 *   query of several words, the products that hold one of the nearest words
 *   for every query word.
 *
 * A GIN scan answers only with a complete bitmap: over a common word's
 * products (71,000 of 1,000,000 for "stainless") it is the cost of the
 * search. So the GIN tsvector index is read only after the postings came up
 * short — a rare word, a word that is not in the dictionary (a description's,
 * a code's) — or when the search is filtered (see `narrowed`). Nothing reads
 * products in similarity order. Exported so the benchmark runs exactly this
 * SQL outside the API.
 */
export function searchProductsQuery(terms: SearchTerms, filters: ProductFilters, limit: number, offset: number) {
  const code = terms.code;
  const likeCode = `%${code.toLowerCase()}%`;
  // The words as typed, or the query read as one code ("DCD-791" → dcd791, as codes appear in descriptions).
  const tsquery = sql`(websearch_to_tsquery('english', ${terms.text}) || plainto_tsquery('simple', ${code.toLowerCase()}))`;
  const filter = and(filterConditions(filters));
  // Filters that few products pass (a brand, a price range, stock) would make a B-tree read visit many products to keep
  // a few: a filtered search reads the GIN indexes, whose bitmaps are combined with the filters' own indexes.
  const narrowed = Object.entries(filters).some(([name, value]) => name !== 'includeInactive' && value !== undefined);
  const postingsRead = narrowed ? 0 : POSTINGS_READ;
  // Enough of each source for the page asked for (ranks past it can only come from deeper in a source).
  const perSource = Math.max(CANDIDATES_PER_SOURCE, (offset + limit) * 2);
  const queryWords = [...new Set(terms.lowered.split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
  const severalWords = queryWords.length > 1;
  // The full-text source's postings: those of the longest query words, joined on the product (a merge join).
  const joinedWords = [...queryWords].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, FULL_TEXT_WORDS_JOINED);
  // Each word's first postings in product order: their merge is the first of the products holding every word, up to
  // the product where one list stops — a bounded read even when the words are common and few products hold them all.
  const postingsOfEvery =
    joinedWords.length === 0
      ? sql`(select null::uuid as product_id where false) c0`
      : sql.join(
          joinedWords.map((word, i) => {
            const list = sql`(select c.product_id from catalogue_word_products c where c.word = ${word} order by c.product_id limit ${narrowed ? 0 : MERGED_POSTINGS_READ}) ${sql.id(`c${i}`)}`;
            return i === 0 ? list : sql`join ${list} on ${sql.ref(`c${i}.product_id`)} = c0.product_id`;
          }),
          sql` `,
        );
  // Products holding a word near a query word, nearest words first: the word's postings, and only when they give
  // fewer than perSource (a rare word, selective filters) its GIN posting list too. With one query word, a near word
  // is near the query; with several, a product must still be similar to the whole query (the trigram threshold).
  // A query word found as typed (not a stop word) is left to the full-text source, which ranks its matches.
  const nearWordProducts = sql`
      select p.id, p.search_text from (
        select word, word_tsquery from similar_words where not found_as_typed
        order by similarity desc, word limit ${NEAR_WORDS_READ}
      ) w
      cross join lateral (
        (select p.id, p.search_text from (select c.product_id from catalogue_word_products c where c.word = w.word limit ${postingsRead}) c
          join products p on p.id = c.product_id where ${filter})
        union all
        (select p.id, p.search_text from products p where p.search_vector @@ w.word_tsquery and ${filter})
        limit ${perSource}
      ) p`;
  const sources = [
    sql`(select p.id from products p where p.codes @> array[${code}]::text[] and ${filter})`,
    ...(terms.partialCode
      ? [
          sql`(select u.id from (
          (select id from sku_prefix)
          union all
          (select p.id from products p where nexus_join_words(p.codes) like ${`%${code}%`} and ${filter})
          limit ${perSource}) u)`,
        ]
      : []),
    sql`(select m.id from (
        (select id, search_vector from full_text_postings)
        union all
        (select p.id, p.search_vector from products p where p.search_vector @@ ${tsquery} and ${filter}
          and (select count(*) from full_text_postings) + (select count(*) from sku_prefix) < ${perSource} limit ${FULL_TEXT_MATCHES_RANKED})
      ) m
      group by m.id order by max(ts_rank(m.search_vector, ${tsquery}, 32)) desc limit ${perSource})`,
    severalWords
      ? sql`(select m.id from (${nearWordProducts} limit ${WORD_MATCHES_CHECKED}) m where ${terms.lowered} <% m.search_text limit ${perSource})`
      : sql`(select m.id from (${nearWordProducts}) m limit ${perSource})`,
    ...(severalWords
      ? [
          sql`(select p.id from every_word w
          cross join lateral (
            (select p.id from (select c.product_id from catalogue_word_products c where c.word = any(w.driver_words) limit ${postingsRead}) c
              join products p on p.id = c.product_id where p.search_vector @@ w.tsquery and ${filter})
            union all
            (select p.id from products p where p.search_vector @@ w.tsquery and ${filter})
            limit ${perSource}
          ) p where w.tsquery is not null)`,
        ]
      : []),
  ];
  return sql<ProductRecord & { score: number; exact_code: boolean; partial_code: boolean; full_text: boolean; similarity: number }>`
    with query_words as (
      select distinct w as word from regexp_split_to_table(${terms.lowered}, '[^[:alnum:]]+') as w where w <> ''
    ), similar_words as (
      select q.word as query_word, d.word, d.similarity,
        row_number() over (partition by q.word order by d.similarity desc, d.word) as nearness,
        max(d.similarity) over (partition by q.word) as nearest,
        bool_or(d.word = q.word and numnode(plainto_tsquery('english', d.word)) > 0) over (partition by q.word) as found_as_typed,
        plainto_tsquery('english', d.word) || plainto_tsquery('simple', d.word) as word_tsquery
      from query_words q cross join lateral (
        select d.word, word_similarity(q.word, d.word) as similarity from catalogue_words d
        where q.word <% d.word or q.word % d.word or (length(q.word) >= ${MIN_PARTIAL_CODE_LENGTH} and d.word like '%' || q.word || '%')
        order by 2 desc, similarity(q.word, d.word) desc, d.word
        limit ${SIMILAR_WORDS_PER_QUERY_WORD}
      ) d
    ), sku_prefix as materialized (
      -- SKUs that begin with the query. Three letters typed are the prefix of every SKU of a brand ("ans" → ANS-…),
      -- which the full-text GIN index also holds as a word of each: found here, they spare that scan.
      ${terms.partialCode ? sql`select p.id from products p where nexus_catalogue_code(p.sku) like ${`${code}%`} and ${filter} order by nexus_catalogue_code(p.sku) using ~<~ limit ${narrowed ? 0 : perSource}` : sql`select null::uuid as id where false`}
    ), full_text_postings as materialized (
      -- Products whose name, brand or category holds each of the longest query words: a merge of their postings in
      -- product order, which stops at the limit however common each word is. Still checked against the full-text query.
      select p.id, p.search_vector from (
        select c0.product_id from ${postingsOfEvery}
        limit ${postingsRead} -- also keeps the products out of the merge: they are read for its matches only
      ) c join products p on p.id = c.product_id where p.search_vector @@ ${tsquery} and ${filter}
      limit ${perSource * 2}
    ), word_groups as (
      -- One-letter words (still being typed) are left out: every word would be near them.
      select query_word, bool_and(found_as_typed) as found_as_typed, nexus_tsquery_any(word_tsquery) as tsquery, array_agg(word) as words from similar_words
      where nearness <= ${SIMILAR_WORDS_REQUIRED} and similarity >= nearest * 0.8 and length(query_word) > 1 group by query_word
    ), every_word as (
      -- When every word was found as typed, this is the full-text query: left to that source.
      -- Its products are read from the postings of the near words of the longest query word.
      select case when count(*) = (select count(*) from query_words where length(word) > 1) and not bool_and(found_as_typed)
        then nexus_tsquery_all(tsquery) end as tsquery,
        (select words from word_groups order by length(query_word) desc, query_word limit 1) as driver_words
      from word_groups
    ), candidates as (${sql.join(sources, sql` union `)})
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

/** The trigram thresholds are settings (<% for products, % for dictionary words); set for this transaction only. */
export const SIMILARITY_SETTING = sql`select set_config('pg_trgm.word_similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true),
  set_config('pg_trgm.similarity_threshold', ${String(WORD_TYPO_THRESHOLD)}, true)`;

export function searchProducts(db: Db, terms: SearchTerms, filters: ProductFilters, limit: number, offset: number) {
  return db.transaction().execute(async (trx) => {
    await SIMILARITY_SETTING.execute(trx);
    return (await searchProductsQuery(terms, filters, limit, offset).execute(trx)).rows;
  });
}

/** Active products one of whose codes (SKU or model number, normalised as `normalizeCode`) is among `codes`, in one statement (a product may come once per code). */
export async function activeProductsWithCodes(db: Db, codes: readonly string[]): Promise<ProductRecord[]> {
  if (codes.length === 0) return [];
  // One index lookup per code (`&&` over a whole array is estimated to match a third of the table: a sequential scan).
  const result = await sql<ProductRecord>`
    select ${columnList}
    from unnest(${[...new Set(codes)]}::text[]) as c(code)
    cross join lateral (select * from products where active and codes @> array[c.code]) p`.execute(db);
  return result.rows;
}

/** Which of these (lower-case) words are in the dictionary of catalogue words (names, brands, categories): one index probe each. */
export async function catalogueWordsAmong(db: Db, words: readonly string[]): Promise<Set<string>> {
  if (words.length === 0) return new Set();
  // A join, not `= any(array)`: the planner estimates `= any` element by element (200 ms for the 30,000 spellings of 40 words).
  const result = await sql<{ word: string }>`
    select d.word from unnest(${[...new Set(words)]}::text[]) as w(word) join catalogue_words d on d.word = w.word`.execute(db);
  return new Set(result.rows.map((row) => row.word));
}

/**
 * One full-text query of {@link activeProductsMatchingWords}: `tsquery` in
 * to_tsquery('english') syntax; `text` orders what it finds; `otherWords`
 * (the text's words the query leaves out, to_tsquery syntax: `a | b`) narrow
 * it when it finds too many.
 */
export interface WordQuery {
  key: number;
  tsquery: string;
  text: string;
  otherWords?: string;
}

/**
 * Products a word query may find and still have each one compared with the
 * item's text (trigram similarity: ~0.1 ms a product). A query of one or two
 * common words finds thousands ("compact", a brand); past this many, only
 * those that also have another word of the text are compared.
 */
export const WORD_MATCHES_COMPARED = 300;

/**
 * For many queries in one statement: the active products each `tsquery`
 * finds (GIN over the search vector), the `perQuery` most like its `text`
 * first (trigram word similarity over the search text: it forgives typos
 * and counts sizes and voltages). When a query finds more than
 * WORD_MATCHES_COMPARED products, those that also have one of its
 * `otherWords` (bounded by how often those are, not by the catalogue).
 * Rows come with the key of the query that found them.
 */
export function activeProductsMatchingWordsQuery(queries: readonly WordQuery[], perQuery: number) {
  const payload = JSON.stringify(queries.map((q) => ({ key: q.key, tsquery: q.tsquery, text: q.text.toLowerCase(), other_words: q.otherWords || null })));
  return sql<ProductRecord & { query_key: number }>`
    select q.key as query_key, ${columnList}
    from jsonb_to_recordset(${payload}::jsonb) as q(key int, tsquery text, text text, other_words text)
    cross join lateral (
      with first_read as materialized (
        select p.id, p.search_text from products p
        where p.active and p.search_vector @@ to_tsquery('english', q.tsquery)
        limit ${WORD_MATCHES_COMPARED + 1}
      )
      select m.id from (
        select f.id, f.search_text from first_read f where (select count(*) from first_read) <= ${WORD_MATCHES_COMPARED}
        union all
        select p.id, p.search_text from products p
        where (select count(*) from first_read) > ${WORD_MATCHES_COMPARED} and p.active
          and p.search_vector @@ (to_tsquery('english', q.tsquery) && coalesce(to_tsquery('english', q.other_words), to_tsquery('english', q.tsquery)))
      ) m
      order by word_similarity(q.text, m.search_text) desc, m.id
      limit ${perQuery}
    ) found
    join products p on p.id = found.id`;
}

/**
 * JIT off for this transaction: the planner cannot estimate a batch of
 * full-text queries (500 rows each, by default) and would compile the
 * statement (~60 ms), more than many a batch of precise queries costs.
 */
const NO_JIT_SETTING = sql`select set_config('jit', 'off', true)`;

export async function activeProductsMatchingWords(db: Db, queries: readonly WordQuery[], perQuery: number): Promise<(ProductRecord & { query_key: number })[]> {
  if (queries.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    await NO_JIT_SETTING.execute(trx);
    return (await activeProductsMatchingWordsQuery(queries, perQuery).execute(trx)).rows;
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
