import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import type { Db } from './database.js';

/**
 * PostgreSQL embedded in this process (PGlite: the real PostgreSQL compiled to
 * WebAssembly), for the single-machine default.
 *
 * The kysely side is exactly the server's: `PostgresDialect` over a `pg.Pool`,
 * whose one connection speaks the wire protocol to PGlite through PGlite's own
 * node-postgres adapter. So the same SQL, the same type parsers (database.ts),
 * the same error objects (SQLSTATE `code`, `constraint`) and the same
 * aborted-COMMIT detection apply to both engines.
 *
 * PGlite is one session. The pool's single connection serialises everything:
 * a transaction holds it from BEGIN to COMMIT and every other query waits its
 * turn. A query on `db` made inside a `db.transaction()` callback (instead of
 * on its `trx`) would wait for itself; it fails after `acquireTimeoutMs` with
 * pg's "timeout exceeded when trying to connect" rather than hanging.
 */
export interface EmbeddedPostgres {
  db: Db;
  /** The PGlite data directory. */
  dataDir: string;
  /** Closes the pool, then shuts PGlite down (checkpoint, files flushed). */
  close(): Promise<void>;
}

export async function openEmbeddedPostgres(
  dataDir: string | 'memory://',
  options: { acquireTimeoutMs?: number } = {},
): Promise<EmbeddedPostgres> {
  const inMemory = dataDir === 'memory://';
  const dir = inMemory ? dataDir : path.resolve(dataDir);
  const releaseLock = inMemory ? () => {} : lockDataDir(dir);
  let lite: PGlite | undefined;
  try {
    lite = await PGlite.create(dir, { extensions: { pg_trgm } });
    await lite.exec('create extension if not exists pg_trgm');
  } catch (error) {
    await lite?.close().catch(() => {});
    releaseLock();
    throw error;
  }
  const engine = lite;
  const pool = new pg.Pool({
    ...(createPgConfig(engine) as unknown as pg.PoolConfig),
    max: 1,
    // The one connection lives as long as the process; nothing to reconnect to.
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? 30_000,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    db,
    dataDir: dir,
    close() {
      closed ??= (async () => {
        try {
          await db.destroy();
        } finally {
          await engine.close();
          releaseLock();
        }
      })();
      return closed;
    },
  };
}

/**
 * PGlite has no lock of its own, and two processes on one data directory would
 * corrupt it. A pid file beside it (`<dir>.pid`), taken with O_EXCL, keeps a
 * second process out; one left by a process that no longer runs is taken over.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  const file = `${dir}.pid`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && processIsAlive(holder)) {
        const who = holder === process.pid ? 'this process already' : `process ${holder}`;
        throw new Error(
          `The embedded database in ${dir} is in use by ${who}. Only one process can open it: ` +
            'stop that one, or set DATABASE_URL to a PostgreSQL server to run several.',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dir}`);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
