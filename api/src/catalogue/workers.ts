import type { AppDeps } from '../deps.js';
import { graphScope } from '../graph/scope.js';
import { startGraphSyncWorker } from '../services/graph-sync/index.js';

/**
 * The catalogue's own background loop inside the API process: the
 * PostgreSQL → Neo4j outbox sync. (Catalogue imports run on the job queue:
 * services/catalogue/catalogue-imports.ts.) Returns the function that stops it.
 */
export function startCatalogueWorkers(deps: AppDeps): () => Promise<void> {
  const { config, logger, db } = deps;
  const graph = deps.graph
    ? startGraphSyncWorker(
        { db, graph: deps.graph, scope: graphScope(config), logger: logger.child({ worker: 'graph-sync' }) },
        { intervalMs: config.GRAPH_SYNC_INTERVAL_MS },
      )
    : undefined;
  return async () => {
    await graph?.stop();
  };
}
