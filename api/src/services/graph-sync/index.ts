import { ensureGraphSchema } from '../../graph/schema.js';
import { drainGraphOutbox, type GraphSyncDeps } from '../../graph/sync.js';
import { startPollingWorker, type PollingWorker } from '../background/polling-worker.js';

export { drainGraphOutbox, type GraphSyncDeps } from '../../graph/sync.js';

const MAX_BACKOFF_MS = 30_000;

/**
 * The background loop that keeps Neo4j in step with PostgreSQL. Tolerates
 * Neo4j (or PostgreSQL) being down: it logs the outage once, backs off up to
 * 30 s, and catches up from the outbox when the store returns. `wake()`
 * drains now instead of at the next tick.
 */
export function startGraphSyncWorker(deps: GraphSyncDeps, options: { intervalMs: number; batchSize?: number }): PollingWorker {
  let failures = 0;
  let schemaReady = false;
  return startPollingWorker({
    name: 'graph sync',
    logger: deps.logger,
    retryMs: MAX_BACKOFF_MS,
    round: async () => {
      try {
        if (!schemaReady) {
          await ensureGraphSchema(deps.graph);
          schemaReady = true;
        }
        const applied = await drainGraphOutbox(deps, options.batchSize === undefined ? {} : { batchSize: options.batchSize });
        if (failures > 0) deps.logger.info({ applied }, 'graph sync: store reachable again; caught up from the outbox');
        else if (applied > 0) deps.logger.debug({ applied }, 'graph sync: applied outbox markers');
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures === 1) deps.logger.warn({ err: error }, 'graph sync: cannot reach Neo4j or PostgreSQL; changes wait in the outbox');
      }
      return failures > 0 ? Math.min(options.intervalMs * 2 ** failures, MAX_BACKOFF_MS) : options.intervalMs;
    },
  });
}
