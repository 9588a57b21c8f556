import path from 'node:path';
import type { Config } from '../config.js';

/**
 * Every node this API writes carries `scope`: the PostgreSQL database it
 * mirrors (or GRAPH_SCOPE). Several databases — tests, developers, staging —
 * can share one Neo4j (Community has a single user database), and a rebuild
 * only ever deletes its own scope.
 */
export function graphScope(config: Pick<Config, 'GRAPH_SCOPE' | 'DATABASE_URL' | 'DATA_DIR'>): string {
  if (config.GRAPH_SCOPE) return config.GRAPH_SCOPE;
  const database = config.DATABASE_URL ? decodeURIComponent(new URL(config.DATABASE_URL).pathname.replace(/^\//, '')) : '';
  // The embedded database is identified by where it lives, so that two
  // embedded installations (or tests) never share a scope with each other or
  // with a server database called `nexus`.
  return database || `embedded:${path.resolve(config.DATA_DIR)}`;
}
