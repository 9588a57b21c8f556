import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ProductRelationRow } from '../db/schema.js';
import { countPairs } from '../domain/catalogue/quoted-with.js';
import type { ProductRelationType, RelationType } from '../domain/catalogue/relation-types.js';
import { enqueueGraphSync, type OutboxEntry } from './outbox.js';

/**
 * Typed relations between products (and products and tasks): the source of
 * truth of the graph. Every change here enqueues a graph sync marker in the
 * same transaction.
 */

export interface NewRelation {
  type: RelationType;
  productId: string;
  relatedProductId: string | null;
  taskId: string | null;
  note: string | null;
  source: 'manual' | 'import';
  createdBy: string | null;
}

const relationMarker = (row: Pick<ProductRelationRow, 'id' | 'type' | 'product_id'>): OutboxEntry => ({
  kind: 'relation',
  entityId: row.id,
  payload: { type: row.type, productId: row.product_id },
});

/** Inserts the relation and its sync marker; undefined when the same relation already exists. */
export async function insertRelation(trx: Db, relation: NewRelation): Promise<ProductRelationRow | undefined> {
  const row = await trx
    .insertInto('product_relations')
    .values({
      type: relation.type,
      product_id: relation.productId,
      related_product_id: relation.relatedProductId,
      task_id: relation.taskId,
      note: relation.note,
      source: relation.source,
      created_by: relation.createdBy,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  if (row) await enqueueGraphSync(trx, [relationMarker(row)]);
  return row;
}

/** The existing relation an insert collided with (symmetric types match either way round). */
export function findEquivalentRelation(db: Db, relation: Pick<NewRelation, 'type' | 'productId' | 'relatedProductId' | 'taskId'>) {
  let query = db.selectFrom('product_relations').selectAll().where('type', '=', relation.type);
  if (relation.taskId) {
    query = query.where('product_id', '=', relation.productId).where('task_id', '=', relation.taskId);
  } else if (relation.type === 'COMPATIBLE_WITH' || relation.type === 'ALTERNATIVE_TO') {
    const [a, b] = [relation.productId, relation.relatedProductId!];
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('product_id', '=', a), eb('related_product_id', '=', b)]),
        eb.and([eb('product_id', '=', b), eb('related_product_id', '=', a)]),
      ]),
    );
  } else {
    query = query.where('product_id', '=', relation.productId).where('related_product_id', '=', relation.relatedProductId);
  }
  return query.executeTakeFirst();
}

export function findRelation(db: Db, id: string): Promise<ProductRelationRow | undefined> {
  return db.selectFrom('product_relations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteRelation(trx: Db, id: string): Promise<ProductRelationRow | undefined> {
  const row = await trx.deleteFrom('product_relations').where('id', '=', id).returningAll().executeTakeFirst();
  if (row) await enqueueGraphSync(trx, [relationMarker(row)]);
  return row;
}

export function listRelations(
  db: Db,
  options: { limit: number; after?: [string, string]; productId?: string; taskId?: string; type?: RelationType },
): Promise<ProductRelationRow[]> {
  let query = db.selectFrom('product_relations').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit + 1);
  if (options.productId) {
    const id = options.productId;
    query = query.where((eb) => eb.or([eb('product_id', '=', id), eb('related_product_id', '=', id)]));
  }
  if (options.taskId) query = query.where('task_id', '=', options.taskId);
  if (options.type) query = query.where('type', '=', options.type);
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute();
}

export function relationsAfter(db: Db, afterId: string | null, limit: number): Promise<ProductRelationRow[]> {
  let query = db.selectFrom('product_relations').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

export function relationsByIds(db: Db, ids: readonly string[]): Promise<ProductRelationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('product_relations').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/**
 * Relations named by SKU (from an import). Unknown SKUs and self-references
 * are returned, not inserted; existing relations are left as they are.
 */
export async function insertRelationsBySku(
  trx: Db,
  relations: readonly { type: ProductRelationType; fromSku: string; toSku: string }[],
  createdBy: string | null,
): Promise<{ created: number; unknownSkus: string[] }> {
  if (relations.length === 0) return { created: 0, unknownSkus: [] };
  const payload = JSON.stringify(relations.map((r) => ({ type: r.type, from_sku: r.fromSku.toLowerCase(), to_sku: r.toSku.toLowerCase() })));
  const inserted = await sql<Pick<ProductRelationRow, 'id' | 'type' | 'product_id'>>`
    insert into product_relations (type, product_id, related_product_id, source, created_by)
    select r.type, a.id, b.id, 'import', ${createdBy}::uuid
    from jsonb_to_recordset(${payload}::jsonb) as r(type text, from_sku text, to_sku text)
    join products a on lower(a.sku) = r.from_sku
    join products b on lower(b.sku) = r.to_sku
    where a.id <> b.id
    on conflict do nothing
    returning id, type, product_id`.execute(trx);
  await enqueueGraphSync(trx, inserted.rows.map(relationMarker));
  const allSkus = [...new Set(relations.flatMap((r) => [r.fromSku.toLowerCase(), r.toSku.toLowerCase()]))];
  const known = await trx.selectFrom('products').select(sql<string>`lower(sku)`.as('key')).where(sql<string>`lower(sku)`, 'in', allSkus).execute();
  const knownSet = new Set(known.map((k) => k.key));
  return { created: inserted.rows.length, unknownSkus: allSkus.filter((s) => !knownSet.has(s)) };
}

/**
 * QUOTED_WITH weights. Call with the product-id sets of quotes that became
 * sent/accepted (`delta` 1), or that stopped counting (`delta` -1), inside the
 * transaction of that change; the graph follows through the outbox.
 *
 * @example await recordQuotedTogether(trx, [quote.lines.map((l) => l.productId)]);
 */
export async function recordQuotedTogether(trx: Db, productIdSets: readonly (readonly string[])[], delta: 1 | -1 = 1): Promise<number> {
  const pairs = [...countPairs(productIdSets).values()];
  if (pairs.length === 0) return 0;
  for (let i = 0; i < pairs.length; i += 2000) {
    const payload = JSON.stringify(pairs.slice(i, i + 2000).map((p) => ({ a: p.a, b: p.b, n: p.count })));
    if (delta === 1) {
      await sql`
        insert into product_pair_stats as s (product_a, product_b, quote_count)
        select r.a, r.b, r.n
        from jsonb_to_recordset(${payload}::jsonb) as r(a uuid, b uuid, n integer)
        where exists (select 1 from products where id = r.a) and exists (select 1 from products where id = r.b)
        on conflict (product_a, product_b) do update
          set quote_count = s.quote_count + excluded.quote_count, updated_at = date_trunc('milliseconds', now())`.execute(trx);
    } else {
      await sql`
        update product_pair_stats as s
        set quote_count = greatest(s.quote_count - r.n, 0), updated_at = date_trunc('milliseconds', now())
        from jsonb_to_recordset(${payload}::jsonb) as r(a uuid, b uuid, n integer)
        where s.product_a = r.a and s.product_b = r.b`.execute(trx);
    }
  }
  await enqueueGraphSync(trx, pairs.map((p) => ({ kind: 'pair', entityId: `${p.a}|${p.b}` })));
  return pairs.length;
}

export async function pairWeights(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const pairs = keys.map((k) => k.split('|') as [string, string]);
  const rows = await db
    .selectFrom('product_pair_stats')
    .select(['product_a', 'product_b', 'quote_count'])
    .where((eb) => eb.or(pairs.map(([a, b]) => eb.and([eb('product_a', '=', a), eb('product_b', '=', b)]))))
    .execute();
  return new Map(rows.map((r) => [`${r.product_a}|${r.product_b}`, r.quote_count]));
}

export function pairsAfter(db: Db, after: [string, string] | null, limit: number) {
  let query = db.selectFrom('product_pair_stats').select(['product_a', 'product_b', 'quote_count']).where('quote_count', '>', 0).orderBy('product_a').orderBy('product_b').limit(limit);
  if (after) query = query.where(sql<boolean>`(product_a, product_b) > (${after[0]}::uuid, ${after[1]}::uuid)`);
  return query.execute();
}
