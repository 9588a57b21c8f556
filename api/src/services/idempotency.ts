import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { problems } from '../lib/problem.js';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey } from '../repositories/idempotency.js';

/** The result of a create, or of its first run when this was a retry with the same Idempotency-Key. */
export interface Created<T> {
  value: T;
  /** The key had been used for this very request: nothing was created now. */
  replayed: boolean;
}

export interface IdempotentRequest {
  userId: string;
  /** The client's Idempotency-Key; without one, every call creates. */
  key: string | undefined;
  /** Names the operation, so a key reused for another operation is refused. */
  operation: string;
  /** What makes two requests "the same" (secrets left out). */
  payload: unknown;
}

/**
 * Runs `create` in a transaction of its own, at most once per (user, key). The
 * key is claimed in the same transaction as the creation, so a concurrent
 * retry waits on the first one's row lock and then replays its stored result:
 * nothing is ever created twice, and a failed attempt leaves the key free.
 * The result must survive JSON (it is what a replay returns).
 */
export async function createOnce<T>(db: Db, request: IdempotentRequest, create: (trx: Db) => Promise<T>): Promise<Created<T>> {
  const { key } = request;
  if (key === undefined) return { value: await db.transaction().execute((trx) => create(trx)), replayed: false };
  const claim = {
    userId: request.userId,
    key,
    operation: request.operation,
    fingerprint: createHash('sha256').update(JSON.stringify(request.payload ?? null)).digest('hex'),
  };
  return db.transaction().execute(async (trx) => {
    if (!(await claimIdempotencyKey(trx, claim))) {
      const stored = await findIdempotencyKey(trx, claim.userId, key);
      if (stored.operation !== claim.operation || stored.fingerprint !== claim.fingerprint) {
        throw problems.conflict('This Idempotency-Key was already used for a different request; use a new key for a new request.');
      }
      if (!stored.completed) throw problems.conflict('A request with this Idempotency-Key is still in progress.');
      return { value: stored.result as T, replayed: true };
    }
    const value = await create(trx);
    await completeIdempotencyKey(trx, claim.userId, key, value);
    return { value, replayed: false };
  });
}
