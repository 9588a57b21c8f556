/**
 * Where a role is served from: `embedded` in this process (single machine, one
 * instance only), or `server` (PostgreSQL, Redis, Neo4j reached over the network).
 */
export type Backend = 'embedded' | 'server';
