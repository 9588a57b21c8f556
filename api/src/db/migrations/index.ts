import type { Migration } from 'kysely';
import * as m0001 from './0001_core.js';

/**
 * Every migration, by version. Static imports (not a directory scan) so that
 * the same list runs under tsx, vitest and compiled code. Append new versions.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': m0001,
};
