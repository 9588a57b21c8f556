import type { Db } from '../db/database.js';

/**
 * Idempotency keys: one row per (user, key), claimed in the transaction of
 * the create it guards and completed with that create's result. The
 * orchestration (what a reused key means) is services/idempotency.ts.
 */

export interface IdempotencyClaim {
  userId: string;
  key: string;
  operation: string;
  fingerprint: string;
}

/** Claims the key; false when it is claimed already (the caller's transaction then waits on the first claimer's row lock). */
export async function claimIdempotencyKey(trx: Db, claim: IdempotencyClaim): Promise<boolean> {
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ user_id: claim.userId, key: claim.key, operation: claim.operation, fingerprint: claim.fingerprint })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return claimed !== undefined;
}

export interface StoredIdempotencyKey {
  operation: string;
  fingerprint: string;
  /** Null while the first request is still in progress. */
  completed: boolean;
  result: unknown;
}

export async function findIdempotencyKey(trx: Db, userId: string, key: string): Promise<StoredIdempotencyKey> {
  const row = await trx.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirstOrThrow();
  return { operation: row.operation, fingerprint: row.fingerprint, completed: row.status !== null, result: row.body };
}

/**
 * Stores the create's result with the key. A set `status` marks the key as
 * completed; the HTTP framing of a replay (its status, Location, ETag) follows
 * from the operation and the stored result, so it is not stored.
 */
export async function completeIdempotencyKey(trx: Db, userId: string, key: string, result: unknown): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ status: 201, body: JSON.stringify(result), headers: JSON.stringify({}) })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}
