// @ts-check
/**
 * Reads `.data/services.env`, the file `scripts/services up` writes with the
 * connection settings of the local backing services (PostgreSQL, Redis,
 * Neo4j, Schemathesis, Chromium). See docs/services.md.
 *
 * The file holds plain `KEY=value` lines (no quotes, no `export`); it lists
 * only the services that were up when it was last written.
 *
 * @example
 *   import { loadServicesEnv, applyServicesEnv } from '../scripts/lib/services-env.mjs';
 *   const { DATABASE_URL } = loadServicesEnv();          // just read
 *   applyServicesEnv({ required: false });               // fill process.env gaps
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in `<repo>/scripts/lib/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of the env file written by `scripts/services up`. */
export const SERVICES_ENV_FILE = resolve(REPO_ROOT, '.data', 'services.env');

/**
 * Parses `KEY=value` lines. Blank lines and `#` comments are skipped; the value
 * is everything after the first `=`, taken literally.
 *
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseServicesEnv(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    out[key] = line.slice(eq + 1);
  }
  return out;
}

/**
 * Reads `.data/services.env` and returns its pairs. Does not touch
 * `process.env`.
 *
 * @param {{ required?: boolean, path?: string }} [options]
 *   `required` (default true): throw when the file is missing; with false a
 *   missing file yields `{}`. `path` overrides the file location.
 * @returns {Record<string, string>}
 * @throws {Error} when the file is missing and `required` is true, or unreadable.
 */
export function loadServicesEnv({ required = true, path = SERVICES_ENV_FILE } = {}) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = /** @type {NodeJS.ErrnoException} */ (err).code;
    if (code === 'ENOENT' && !required) return {};
    if (code === 'ENOENT') {
      throw new Error(`${path} does not exist: run \`pnpm services:up\` (scripts/services up) first.`, {
        cause: err,
      });
    }
    throw err;
  }
  return parseServicesEnv(text);
}

/**
 * Loads `.data/services.env` and copies into `process.env` every key that is
 * not already set there (an explicit environment always wins, e.g. CI or a
 * developer pointing at another database).
 *
 * @param {{ required?: boolean, path?: string }} [options] as for {@link loadServicesEnv}
 * @returns {Record<string, string>} all pairs of the file (applied or not)
 */
export function applyServicesEnv(options = {}) {
  const pairs = loadServicesEnv(options);
  for (const [key, value] of Object.entries(pairs)) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  return pairs;
}
