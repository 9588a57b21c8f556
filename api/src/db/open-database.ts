import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Backend } from '../infra/backend.js';
import { connectPostgres, type Db } from './database.js';
import { openEmbeddedPostgres } from './embedded-postgres.js';

export interface OpenedDatabase {
  db: Db;
  backend: Backend;
  /** For the terminal: the server (without credentials) or the embedded data directory. */
  where: string;
  close(): Promise<void>;
  /** The server pool's counts (for the metrics); absent on the embedded database. */
  poolStats?: () => { total: number; idle: number; waiting: number; max: number };
}

/**
 * The database the configuration names: the PostgreSQL server at DATABASE_URL,
 * or, without it, PostgreSQL embedded in this process under DATA_DIR/pglite.
 * The API and the CLIs (migrate, create-admin) open it the same way.
 */
export async function openDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'DATA_DIR'>,
  options: { onIdleError?: (error: Error) => void } = {},
): Promise<OpenedDatabase> {
  if (config.DATABASE_URL) {
    let pool: { totalCount: number; idleCount: number; waitingCount: number } | undefined;
    const db = connectPostgres(config.DATABASE_URL, { poolMax: config.DATABASE_POOL_MAX, onError: options.onIdleError, onPool: (p) => (pool = p) });
    return {
      db,
      backend: 'server',
      where: `PostgreSQL ${withoutCredentials(config.DATABASE_URL)}`,
      close: () => db.destroy(),
      poolStats: () => ({ total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0, max: config.DATABASE_POOL_MAX }),
    };
  }
  const embedded = await openEmbeddedPostgres(path.join(config.DATA_DIR, 'pglite'));
  return { db: embedded.db, backend: 'embedded', where: `PostgreSQL in-process (PGlite), ${embedded.dataDir}`, close: () => embedded.close() };
}

/** `select 1`: the health probe of either engine. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/** A datastore URL fit for a terminal or a log: no user or password. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
