import { problems } from '../lib/problem.js';

/**
 * Does an If-Match header accept the current version? Strong comparison
 * (RFC 9110 §13.1.1): `*`, or a list of quoted versions; weak tags never match.
 */
export function ifMatchAccepts(header: string, currentVersion: number): boolean {
  const value = header.trim();
  if (value === '*') return true;
  const tags = value.split(',').map((tag) => tag.trim());
  if (tags.some((tag) => !/^(W\/)?"[^"]*"$/.test(tag))) {
    throw problems.validation([{ path: 'header.if-match', message: 'Must be an entity tag like "3" (as sent in ETag) or *.', code: 'invalid_etag' }]);
  }
  return tags.includes(`"${currentVersion}"`);
}
