import { IF_MATCH, IF_MATCH_MESSAGE } from './schemas.js';
import { problems } from '../lib/problem.js';
import type { ExpectedVersion } from '../services/versions.js';

/**
 * Does an If-Match header accept the current version? Strong comparison
 * (RFC 9110 §13.1.1): `*`, or any listed strong tag equal to `"<version>"`;
 * weak tags never match.
 */
export function ifMatchAccepts(header: string, currentVersion: number): boolean {
  const value = header.trim();
  if (!IF_MATCH.test(value)) {
    throw problems.validation([{ path: 'header.if-match', message: IF_MATCH_MESSAGE, code: 'invalid_etag' }]);
  }
  if (value === '*') return true;
  // Tags may contain commas inside their quotes, so they are matched, not split.
  return [...value.matchAll(/(W\/)?"([^"]*)"/g)].some(([, weak, tag]) => !weak && tag === String(currentVersion));
}

/** The versions an If-Match header accepts, as the services check them under their row lock. */
export const expectedVersion =
  (header: string): ExpectedVersion =>
  (currentVersion) =>
    ifMatchAccepts(header, currentVersion);
