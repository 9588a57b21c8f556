import { problems } from '../lib/problem.js';

/**
 * Which versions of a resource the caller's change was made against (the
 * HTTP layer builds it from If-Match). Checked by the service under the row
 * lock, so of two writers holding the same version exactly one gets through.
 */
export type ExpectedVersion = (currentVersion: number) => boolean;

/** Refuses a change made against another version than the current one (412). */
export function requireVersion(expected: ExpectedVersion, currentVersion: number, what: string): void {
  if (!expected(currentVersion)) {
    throw problems.preconditionFailed(`${what} is at version ${currentVersion}; reload it and apply your change again.`);
  }
}
