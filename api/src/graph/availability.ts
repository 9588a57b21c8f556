import type { Driver } from 'neo4j-driver';
import type { AppDeps } from '../deps.js';
import { problems } from '../lib/problem.js';

export const GRAPH_DISABLED_DETAIL =
  'The product graph is off because NEO4J_URL is not set. Set NEO4J_URL (bolt://host:7687), NEO4J_USER and NEO4J_PASSWORD ' +
  '(locally: `pnpm services:up`, which starts Neo4j and writes them to .data/services.env) and restart the API; ' +
  'the graph then fills from PostgreSQL (or run `pnpm --filter @nexus/api graph:rebuild`).';

/** The graph driver, or a 503 problem saying how to enable it. */
export function requireGraph(deps: Pick<AppDeps, 'graph'>): Driver {
  if (!deps.graph) throw problems.unavailable('neo4j', GRAPH_DISABLED_DETAIL);
  return deps.graph;
}
