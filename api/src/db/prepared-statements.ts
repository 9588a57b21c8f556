import type { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { Db } from './database.js';

/**
 * Server-side prepared statements for the hot queries. node-postgres sends a
 * statement unnamed, so PostgreSQL parses and plans it on every call: CPU that,
 * on a small machine, PostgreSQL takes from the API beside it. A statement run
 * through `executePrepared` gets a name from its SQL text, and each pooled
 * connection parses and plans it once, then only binds and executes it (what
 * asyncpg does for every statement).
 *
 * Only for call sites with a bounded set of SQL texts (no variable-length lists,
 * no SQL built from input) whose plan does not hinge on a parameter's value: a
 * connection keeps each statement it prepared until it closes, and PostgreSQL may
 * switch a prepared statement to a generic plan after five runs. The embedded
 * database (PGlite) runs them as any other statement.
 */
const names = new Map<string, string>();

/** Runs `compiled` as a named, prepared statement on the PostgreSQL server pool; its rows. */
export async function executePrepared<R>(db: Db, compiled: CompiledQuery<R>): Promise<R[]> {
  if (!names.has(compiled.sql)) names.set(compiled.sql, `nexus_${names.size + 1}`);
  return (await db.executeQuery(compiled)).rows;
}

/** Makes a pooled client send the statements `executePrepared` named as named statements (database.ts, on connect). */
export function sendPreparedStatementsByName(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    const name = args.length === 2 && typeof text === 'string' ? names.get(text) : undefined;
    return name ? query({ name, text, values }) : query(...args);
  }) as typeof client.query;
}
