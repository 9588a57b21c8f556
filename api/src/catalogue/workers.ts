import type { AppDeps } from '../deps.js';
import { graphScope } from '../graph/scope.js';
import { startGraphSyncWorker } from '../graph/sync.js';
import { parseLimitsFrom } from '../parsing/limits.js';
import { startImportWorker } from './import-worker.js';

/**
 * The catalogue's background work inside the API process: catalogue imports
 * and the PostgreSQL → Neo4j outbox sync. Returns the function that stops
 * both (each finishes its current batch first).
 */
export function startCatalogueWorkers(deps: AppDeps): () => Promise<void> {
  const { config, logger, db } = deps;
  const imports = startImportWorker(
    { db, logger: logger.child({ worker: 'catalogue-import' }) },
    {
      pollMs: config.IMPORT_POLL_MS,
      staleAfterSeconds: config.IMPORT_STALE_AFTER_SECONDS,
      maxAttempts: 3,
      defaultCurrency: config.CATALOGUE_DEFAULT_CURRENCY,
      parseLimits: parseLimitsFrom(config),
    },
  );
  const graph = deps.graph
    ? startGraphSyncWorker(
        { db, graph: deps.graph, scope: graphScope(config), logger: logger.child({ worker: 'graph-sync' }) },
        { intervalMs: config.GRAPH_SYNC_INTERVAL_MS },
      )
    : undefined;
  return async () => {
    await Promise.all([imports.stop(), graph?.stop()]);
  };
}
