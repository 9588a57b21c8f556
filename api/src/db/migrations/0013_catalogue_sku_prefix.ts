import { sql, type Kysely } from 'kysely';

/**
 * SKUs by their beginning (issue 14). The search's "codes containing the
 * query" source reads the trigram GIN index over the products' codes; three
 * letters typed in the search box ("ans", "sta") are the prefix of every SKU
 * of a brand, and that GIN scan built a bitmap of all of them (33,000 at
 * 1,000,000 products) to keep 40. A B-tree over the normalized SKU hands out
 * the SKUs that begin with the query in order and stops at the limit; the
 * trigram index is read only when they are fewer (a code's middle, a model
 * number).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index products_sku_code_idx on products (nexus_catalogue_code(sku) text_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists products_sku_code_idx`.execute(db);
}
