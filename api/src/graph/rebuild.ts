import type { Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import type { Db } from '../db/database.js';
import { deleteOutboxUpTo, outboxStatus } from '../repositories/outbox.js';
import { productsAfter } from '../repositories/products.js';
import { pairsAfter, relationsAfter } from '../repositories/relations.js';
import { tasksAfter } from '../repositories/tasks.js';
import { clearScope, setQuotedWith, upsertProductNodes, upsertRelationEdges, upsertTaskNodes } from './projection.js';
import { ensureGraphSchema } from './schema.js';
import { toProductNode, toRelationEdge } from './sync.js';

export interface RebuildReport {
  removedNodes: number;
  products: number;
  tasks: number;
  relations: number;
  quotedWith: number;
  seconds: number;
}

/**
 * Replaces this scope's graph with a fresh projection of PostgreSQL. Outbox
 * markers older than the rebuild are reflected by it and dropped; newer ones
 * stay for the sync worker (applying a marker twice is harmless).
 */
export async function rebuildGraph(
  deps: { db: Db; graph: Driver; scope: string; logger?: Logger },
  options: { batchSize?: number; onProgress?: (stage: string, done: number) => void } = {},
): Promise<RebuildReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const { maxId } = await outboxStatus(deps.db);
  await ensureGraphSchema(deps.graph);
  const session = deps.graph.session();
  const report: RebuildReport = { removedNodes: 0, products: 0, tasks: 0, relations: 0, quotedWith: 0, seconds: 0 };
  try {
    report.removedNodes = await clearScope(async (cypher, params) => {
      const result = await session.executeWrite((tx) => tx.run(cypher, params));
      return Number(result.records[0]?.get('n') ?? 0);
    }, deps.scope);
    options.onProgress?.('cleared', report.removedNodes);

    for (let after: string | null = null; ; ) {
      const rows = await productsAfter(deps.db, after, batchSize);
      if (rows.length === 0) break;
      await session.executeWrite((tx) => upsertProductNodes(tx, deps.scope, rows.map(toProductNode)));
      report.products += rows.length;
      after = rows.at(-1)!.id;
      options.onProgress?.('products', report.products);
    }
    for (let after: string | null = null; ; ) {
      const rows = await tasksAfter(deps.db, after, batchSize);
      if (rows.length === 0) break;
      await session.executeWrite((tx) => upsertTaskNodes(tx, deps.scope, rows.map((t) => ({ id: t.id, name: t.name }))));
      report.tasks += rows.length;
      after = rows.at(-1)!.id;
      options.onProgress?.('tasks', report.tasks);
    }
    for (let after: string | null = null; ; ) {
      const rows = await relationsAfter(deps.db, after, batchSize);
      if (rows.length === 0) break;
      await session.executeWrite((tx) => upsertRelationEdges(tx, deps.scope, rows.map(toRelationEdge)));
      report.relations += rows.length;
      after = rows.at(-1)!.id;
      options.onProgress?.('relations', report.relations);
    }
    for (let after: [string, string] | null = null; ; ) {
      const rows = await pairsAfter(deps.db, after, batchSize);
      if (rows.length === 0) break;
      await session.executeWrite((tx) =>
        setQuotedWith(tx, deps.scope, rows.map((r) => ({ a: r.product_a, b: r.product_b, weight: r.quote_count }))),
      );
      report.quotedWith += rows.length;
      const last = rows.at(-1)!;
      after = [last.product_a, last.product_b];
      options.onProgress?.('quotedWith', report.quotedWith);
    }
  } finally {
    await session.close();
  }
  await deleteOutboxUpTo(deps.db, maxId);
  report.seconds = Math.round((performance.now() - started) / 10) / 100;
  deps.logger?.info(report, 'graph rebuilt from PostgreSQL');
  return report;
}
