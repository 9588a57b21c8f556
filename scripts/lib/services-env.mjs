// Reads the connection settings that `scripts/services up` wrote.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVICES_ENV_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.data/services.env');

/** The KEY=value pairs of .data/services.env; throws (or returns {} with required: false) when absent. */
export function loadServicesEnv({ required = true } = {}) {
  if (!existsSync(SERVICES_ENV_FILE)) {
    if (required) throw new Error(`${SERVICES_ENV_FILE} does not exist: run \`pnpm services:up\` first.`);
    return {};
  }
  const pairs = {};
  for (const line of readFileSync(SERVICES_ENV_FILE, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) pairs[match[1]] = match[2];
  }
  return pairs;
}

/** Sets each pair not already set in process.env; returns the pairs. */
export function applyServicesEnv(options) {
  const pairs = loadServicesEnv(options);
  for (const [key, value] of Object.entries(pairs)) if (process.env[key] === undefined) process.env[key] = value;
  return pairs;
}
