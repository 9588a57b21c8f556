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

/**
 * The read → check the expected version → write-at-that-version tail of an
 * optimistic update, inside the caller's transaction. `write` updates only if
 * the row is still at the version read (undefined otherwise), so of two
 * concurrent writers holding the same version exactly one wins.
 */
export async function updateExpectedVersion<Row extends { version: number }>(change: {
  /** "The customer": names the resource in the refusals. */
  what: string;
  expected: ExpectedVersion;
  read: () => Promise<Row | undefined>;
  write: (current: Row) => Promise<Row | undefined>;
}): Promise<{ before: Row; after: Row }> {
  const before = await change.read();
  if (!before) throw problems.notFound(change.what);
  requireVersion(change.expected, before.version, change.what);
  const after = await change.write(before);
  if (!after) throw problems.preconditionFailed(`${change.what} changed while you were saving; reload it and apply your change again.`);
  return { before, after };
}
