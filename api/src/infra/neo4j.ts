import neo4j, { type Driver } from 'neo4j-driver';

/** A Neo4j driver over Bolt. Connectivity is verified by the caller (startup and health). */
export function connectNeo4j(url: string, user: string, password: string | undefined): Driver {
  return neo4j.driver(url, password === undefined ? undefined : neo4j.auth.basic(user, password), {
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 20,
    disableLosslessIntegers: true,
  });
}
