// @ts-check
/**
 * Shared by scripts/backup and scripts/restore: finds the PostgreSQL client
 * binaries (the ones scripts/services installed), resolves the database URL
 * and runs the tools with the password in the environment, never on a
 * command line that `ps` shows.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadServicesEnv } from './services-env.mjs';

/** The directory of pg_dump/pg_restore: $PG_BIN, else the newest /usr/lib/postgresql/<v>/bin, else PATH. */
export function pgBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_dump')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  return '';
}

export const pgTool = (/** @type {string} */ name) => {
  const dir = pgBinDir();
  return dir ? path.join(dir, name) : name;
};

/** The URL given, else $DATABASE_URL, else the local services' (.data/services.env). */
export function databaseUrl(/** @type {string | undefined} */ given) {
  const url = given ?? process.env.DATABASE_URL ?? loadServicesEnv({ required: false }).DATABASE_URL;
  if (!url) throw new Error('no database: pass --database-url, set DATABASE_URL, or run `scripts/services up postgres`');
  return url;
}

/**
 * Splits a postgres:// URL into libpq environment variables (PGHOST, PGPORT,
 * PGUSER, PGPASSWORD, PGDATABASE, and sslmode when given).
 * @param {string} url
 */
export function libpqEnv(url) {
  const u = new URL(url);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error(`not a PostgreSQL URL: ${u.protocol}`);
  /** @type {Record<string, string>} */
  const env = {
    PGHOST: decodeURIComponent(u.hostname) || '127.0.0.1',
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The URL without its password, for messages. */
export function redact(/** @type {string} */ url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Runs a tool against `url`; resolves with its stdout, rejects with its stderr.
 * @param {string} tool
 * @param {string[]} args
 * @param {{ url: string, stdio?: 'pipe' | 'inherit' }} options
 * @returns {Promise<string>}
 */
export function runPg(tool, args, { url, stdio = 'pipe' }) {
  return new Promise((resolve, reject) => {
    const child = spawn(pgTool(tool), args, {
      env: { ...process.env, ...libpqEnv(url) },
      stdio: ['ignore', stdio === 'inherit' ? 'inherit' : 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', (error) => reject(new Error(`${tool}: ${error.message} (set PG_BIN to the directory of the PostgreSQL client tools)`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${tool} exited with ${code}:\n${err.trim()}`))));
  });
}

/** psql -At with `sql`: rows as lines, columns separated by `|`. */
export function psql(/** @type {string} */ url, /** @type {string} */ sql) {
  return runPg('psql', ['-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], { url });
}
