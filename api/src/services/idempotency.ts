import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { isUniqueViolation } from '../db/errors.js';
import { problems } from '../lib/problem.js';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey, type IdempotencyClaim, type StoredIdempotencyKey } from '../repositories/idempotency.js';

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

const claimOf = (request: IdempotentRequest, key: string): IdempotencyClaim => ({
  userId: request.userId,
  key,
  operation: request.operation,
  fingerprint: createHash('sha256').update(JSON.stringify(request.payload ?? null)).digest('hex'),
});

/** The first result again, when the stored key was claimed by this very request (same operation, same payload). */
function replayOf<T>(claim: IdempotencyClaim, stored: StoredIdempotencyKey): Created<T> {
  if (stored.operation !== claim.operation || stored.fingerprint !== claim.fingerprint) {
    throw problems.conflict('This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
  if (!stored.completed) throw problems.conflict('A request with this Idempotency-Key is still in progress.');
  return { value: stored.result as T, replayed: true };
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
  const claim = claimOf(request, key);
  return db.transaction().execute(async (trx) => {
    if (!(await claimIdempotencyKey(trx, claim))) {
      return replayOf<T>(claim, await findIdempotencyKey(trx, claim.userId, key));
    }
    const value = await create(trx);
    await completeIdempotencyKey(trx, claim.userId, key, value);
    return { value, replayed: false };
  });
}

/**
 * The guarantee of {@link createOnce} for a create that is a single SQL statement, without a transaction's
 * round trips: `create` stores the key in that statement, completed with its result, and answers undefined
 * when the key was stored already (repositories/customers.ts `insertCustomerOnce`). A concurrent retry's
 * statement waits on the first one's key and then fails on the primary key, which undoes all of it; either
 * way the stored result is replayed. Without a key, `create` gets no claim and always creates.
 */
export async function createOnceInOneStatement<T>(
  db: Db,
  request: IdempotentRequest,
  create: (claim: IdempotencyClaim | undefined) => Promise<T | undefined>,
): Promise<Created<T>> {
  const { key } = request;
  const claim = key === undefined ? undefined : claimOf(request, key);
  // Twice at most: a stored key can be swept by the retention job between the create that found it and the read.
  for (let attempt = 1; ; attempt += 1) {
    let value: T | undefined;
    try {
      value = await create(claim);
    } catch (error) {
      if (!claim || !isUniqueViolation(error, 'idempotency_keys_pkey')) throw error;
    }
    if (value !== undefined) return { value, replayed: false };
    if (!claim) throw new Error(`${request.operation}: the create returned nothing without an Idempotency-Key`);
    const stored = await findStoredKey(db, claim);
    if (stored) return replayOf<T>(claim, stored);
    if (attempt === 2) throw problems.conflict('A request with this Idempotency-Key is still in progress.');
  }
}

async function findStoredKey(db: Db, claim: IdempotencyClaim): Promise<StoredIdempotencyKey | undefined> {
  try {
    return await findIdempotencyKey(db, claim.userId, claim.key);
  } catch (error) {
    if (error instanceof Error && error.name === 'NoResultError') return undefined;
    throw error;
  }
}
