import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import type { ProductRelationType, RelationType } from '../domain/catalogue/relation-types.js';

/**
 * Writes PostgreSQL state into the graph. Every statement is a constant
 * string with parameters; relationship types, which Cypher cannot take as
 * parameters, are picked from constant statements per type — never spliced
 * from input.
 */
type Tx = Transaction | ManagedTransaction;

export interface ProductNode {
  id: string;
  sku: string;
  name: string;
  brand: string | null;
  category: string | null;
  active: boolean;
  inStock: boolean;
  unitPriceMinor: number;
  currency: string;
}

const UPSERT_PRODUCTS = `
UNWIND $products AS p
MERGE (n:Product {id: p.id})
SET n.scope = $scope, n.sku = p.sku, n.name = p.name, n.brand = p.brand, n.category = p.category,
    n.active = p.active, n.inStock = p.inStock, n.unitPriceMinor = p.unitPriceMinor, n.currency = p.currency
WITH n, p
OPTIONAL MATCH (n)-[old:OF_BRAND|IN_CATEGORY]->()
DELETE old
WITH DISTINCT n, p
FOREACH (_ IN CASE WHEN p.brand IS NULL THEN [] ELSE [1] END |
  MERGE (b:Brand {key: p.brandKey}) ON CREATE SET b.scope = $scope, b.name = p.brand
  MERGE (n)-[:OF_BRAND]->(b))
FOREACH (_ IN CASE WHEN p.category IS NULL THEN [] ELSE [1] END |
  MERGE (c:Category {key: p.categoryKey}) ON CREATE SET c.scope = $scope, c.name = p.category
  MERGE (n)-[:IN_CATEGORY]->(c))`;

const keyOf = (scope: string, name: string | null) => (name === null ? null : `${scope}|${name.trim().toLowerCase()}`);

export async function upsertProductNodes(tx: Tx, scope: string, products: readonly ProductNode[]): Promise<void> {
  if (products.length === 0) return;
  await tx.run(UPSERT_PRODUCTS, {
    scope,
    products: products.map((p) => ({ ...p, brandKey: keyOf(scope, p.brand), categoryKey: keyOf(scope, p.category) })),
  });
}

export async function removeProductNodes(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.run('UNWIND $ids AS id MATCH (n:Product {id: id}) DETACH DELETE n', { ids });
}

export async function upsertTaskNodes(tx: Tx, scope: string, tasks: readonly { id: string; name: string }[]): Promise<void> {
  if (tasks.length === 0) return;
  await tx.run('UNWIND $tasks AS t MERGE (n:Task {id: t.id}) SET n.scope = $scope, n.name = t.name', { scope, tasks });
}

export async function removeTaskNodes(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.run('UNWIND $ids AS id MATCH (n:Task {id: id}) DETACH DELETE n', { ids });
}

const mergeToProduct = (type: ProductRelationType) => `
UNWIND $relations AS r
MERGE (a:Product {id: r.from}) ON CREATE SET a.scope = $scope
MERGE (b:Product {id: r.to}) ON CREATE SET b.scope = $scope
MERGE (a)-[e:${type} {id: r.id}]->(b)
SET e.note = r.note, e.scope = $scope`;

const MERGE_RELATION: Record<RelationType, string> = {
  COMPATIBLE_WITH: mergeToProduct('COMPATIBLE_WITH'),
  ALTERNATIVE_TO: mergeToProduct('ALTERNATIVE_TO'),
  ACCESSORY_OF: mergeToProduct('ACCESSORY_OF'),
  REQUIRES: mergeToProduct('REQUIRES'),
  USED_FOR: `
UNWIND $relations AS r
MERGE (a:Product {id: r.from}) ON CREATE SET a.scope = $scope
MERGE (t:Task {id: r.to}) ON CREATE SET t.scope = $scope
MERGE (a)-[e:USED_FOR {id: r.id}]->(t)
SET e.note = r.note, e.scope = $scope`,
};

export interface RelationEdge {
  id: string;
  type: RelationType;
  from: string;
  /** A product id, or a task id for USED_FOR. */
  to: string;
  note: string | null;
}

export async function upsertRelationEdges(tx: Tx, scope: string, relations: readonly RelationEdge[]): Promise<void> {
  const byType = new Map<RelationType, RelationEdge[]>();
  for (const r of relations) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  for (const [type, list] of byType) await tx.run(MERGE_RELATION[type], { scope, relations: list });
}

/** Removes relationships by their PostgreSQL id, found from their start product. */
export async function removeRelationEdges(tx: Tx, relations: readonly { id: string; from: string }[]): Promise<void> {
  if (relations.length === 0) return;
  await tx.run('UNWIND $relations AS r MATCH (:Product {id: r.from})-[e {id: r.id}]->() DELETE e', { relations });
}

/** QUOTED_WITH between each pair (a < b) with its weight; weight 0 removes it. */
export async function setQuotedWith(tx: Tx, scope: string, pairs: readonly { a: string; b: string; weight: number }[]): Promise<void> {
  const keep = pairs.filter((p) => p.weight > 0);
  const drop = pairs.filter((p) => p.weight <= 0);
  if (keep.length > 0) {
    await tx.run(
      `UNWIND $pairs AS p
       MERGE (a:Product {id: p.a}) ON CREATE SET a.scope = $scope
       MERGE (b:Product {id: p.b}) ON CREATE SET b.scope = $scope
       MERGE (a)-[e:QUOTED_WITH]->(b)
       SET e.weight = p.weight, e.scope = $scope`,
      { scope, pairs: keep },
    );
  }
  if (drop.length > 0) {
    await tx.run('UNWIND $pairs AS p MATCH (:Product {id: p.a})-[e:QUOTED_WITH]-(:Product {id: p.b}) DELETE e', { pairs: drop });
  }
}

/** Deletes every node of a scope, in batches (a large catalogue does not fit one transaction). */
export async function clearScope(run: (cypher: string, params: Record<string, unknown>) => Promise<number>, scope: string): Promise<number> {
  let removed = 0;
  for (const label of ['Product', 'Task', 'Brand', 'Category'] as const) {
    const statement = {
      Product: 'MATCH (n:Product {scope: $scope}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n',
      Task: 'MATCH (n:Task {scope: $scope}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n',
      Brand: 'MATCH (n:Brand {scope: $scope}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n',
      Category: 'MATCH (n:Category {scope: $scope}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n',
    }[label];
    for (;;) {
      const n = await run(statement, { scope });
      removed += n;
      if (n === 0) break;
    }
  }
  return removed;
}
