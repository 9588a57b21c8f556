import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { sendPreparedStatementsByName } from './prepared-statements.js';

export type Db = Kysely<Database>;

// Postgres `bigint` (count(*)) arrives as a string; counts here fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

/** A kysely instance on a pg pool against a PostgreSQL server. */
export function connectPostgres(url: string, options: { poolMax: number; onError?: (error: Error) => void; onPool?: (pool: pg.Pool) => void }): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'nexus-api',
  });
  // An idle client losing its server must not crash the process; requests will see 503s.
  pool.on('error', (error) => options.onError?.(error));
  // The pool listens for errors only on idle clients: a checked-out client (mid-request, or
  // between the statements of a transaction) whose server goes away emits 'error' with no
  // listener, which ended the whole API when PostgreSQL stopped (test/fault-tolerance.test.ts).
  // Its query fails and the request answers 503; the broken client is discarded on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onError?.(error));
    sendPreparedStatementsByName(client);
  });
  options.onPool?.(pool);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
