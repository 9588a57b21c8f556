import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { problems } from '../lib/problem.js';
import type { GraphNeighbour, GraphRelation } from '../domain/catalogue/related.js';
import type { KitRequirementRow, KitToolRow } from '../domain/catalogue/kit.js';

/**
 * Read queries of the product graph. Auto-commit reads (not managed
 * transactions) so that a Neo4j outage fails fast as a 503 instead of being
 * retried for half a minute inside a request.
 */
async function read<T>(driver: Driver, cypher: string, params: Record<string, unknown>, map: (get: (key: string) => unknown) => T): Promise<T[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const result = await session.run(cypher, params);
    return result.records.map((record) => map((key) => record.get(key)));
  } catch (error) {
    // Name the graph as the dependency that is down (its connection errors look like any other socket's).
    if (error instanceof Neo4jError && /ServiceUnavailable|SessionExpired/.test(String(error.code))) {
      throw problems.unavailable('neo4j', 'The product graph (Neo4j) is unreachable; try again shortly. Changes are kept and synced when it returns.', error);
    }
    throw error;
  } finally {
    await session.close();
  }
}

const RELATED = `
MATCH (p:Product {id: $id})-[r:COMPATIBLE_WITH|ALTERNATIVE_TO|ACCESSORY_OF|REQUIRES|QUOTED_WITH]-(x:Product)
RETURN type(r) AS relation, startNode(r) = p AS outgoing, x.id AS productId, r.note AS note, r.weight AS weight
LIMIT $max`;

/** Every typed neighbour of a product (both directions). */
export function relatedNeighbours(driver: Driver, productId: string, max = 2000): Promise<GraphNeighbour[]> {
  return read(driver, RELATED, { id: productId, max: neo4j.int(max) }, (get) => ({
    relation: get('relation') as GraphRelation,
    outgoing: get('outgoing') === true,
    productId: String(get('productId')),
    note: (get('note') as string | null) ?? null,
    weight: get('weight') === null || get('weight') === undefined ? null : Number(get('weight')),
  }));
}

const KIT_TOOLS = `
MATCH (:Task {id: $taskId})<-[u:USED_FOR]-(tool:Product)
RETURN tool.id AS productId, u.note AS note
LIMIT $max`;

// Multi-hop: whatever the task's products require, and what those require in turn (up to 3 hops).
const KIT_REQUIREMENTS = `
MATCH (:Task {id: $taskId})<-[:USED_FOR]-(tool:Product)
MATCH path = (tool)-[:REQUIRES*1..3]->(item:Product)
WITH tool, item, path, relationships(path) AS rels, nodes(path) AS hops
RETURN tool.id AS toolId, hops[size(hops) - 2].id AS requiredById, item.id AS productId,
       size(rels) AS depth, rels[size(rels) - 1].note AS note
LIMIT $max`;

export async function taskKitRows(driver: Driver, taskId: string, max = 5000): Promise<{ tools: KitToolRow[]; requirements: KitRequirementRow[] }> {
  const [tools, requirements] = await Promise.all([
    read(driver, KIT_TOOLS, { taskId, max: neo4j.int(max) }, (get) => ({ productId: String(get('productId')), note: (get('note') as string | null) ?? null })),
    read(driver, KIT_REQUIREMENTS, { taskId, max: neo4j.int(max) }, (get) => ({
      toolId: String(get('toolId')),
      requiredById: String(get('requiredById')),
      productId: String(get('productId')),
      depth: Number(get('depth')),
      note: (get('note') as string | null) ?? null,
    })),
  ]);
  return { tools, requirements };
}
