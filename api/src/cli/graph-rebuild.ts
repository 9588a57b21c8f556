import { loadConfig } from '../config.js';
import { connectPostgres } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { GRAPH_DISABLED_DETAIL } from '../graph/availability.js';
import { rebuildGraph } from '../graph/rebuild.js';
import { graphScope } from '../graph/scope.js';
import { connectNeo4j } from '../infra/neo4j.js';

/**
 * Replaces the product graph with a fresh projection of PostgreSQL (only
 * this deployment's scope of a shared Neo4j):
 *   pnpm --filter @nexus/api graph:rebuild
 */
const config = loadConfig();
if (!config.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is not set (locally: `set -a; . .data/services.env; set +a`).\n');
  process.exit(1);
}
if (!config.NEO4J_URL) {
  process.stderr.write(`${GRAPH_DISABLED_DETAIL}\n`);
  process.exit(1);
}
const db = connectPostgres(config.DATABASE_URL, { poolMax: 2 });
const graph = connectNeo4j(config.NEO4J_URL, config.NEO4J_USER, config.NEO4J_PASSWORD);
let exitCode = 0;
try {
  await migrateToLatest(db);
  const scope = graphScope(config);
  process.stdout.write(`rebuilding graph scope "${scope}" from PostgreSQL…\n`);
  let last = '';
  const report = await rebuildGraph(
    { db, graph, scope },
    {
      onProgress: (stage, done) => {
        if (stage !== last) process.stdout.write(last ? '\n' : '');
        last = stage;
        process.stdout.write(`\r  ${stage.padEnd(10)} ${done}`);
      },
    },
  );
  process.stdout.write(
    `\ndone in ${report.seconds} s: removed ${report.removedNodes} nodes; wrote ${report.products} products, ${report.tasks} tasks, ` +
      `${report.relations} relations, ${report.quotedWith} QUOTED_WITH pairs\n`,
  );
} catch (error) {
  process.stderr.write(`graph rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  exitCode = 1;
} finally {
  await graph.close();
  await db.destroy();
}
process.exit(exitCode);
