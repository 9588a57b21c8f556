import { createHash } from 'node:crypto';
import type { Db } from '../db/database.js';
import { problems } from '../lib/problem.js';

export interface StoredResponse<Body> {
  status: number;
  body: Body;
  headers: Record<string, string>;
}

/**
 * Runs `create` at most once per (user, Idempotency-Key). The key is claimed in
 * the same transaction as the creation, so a concurrent retry waits on the
 * first one's row lock and then replays its stored response: nothing is ever
 * created twice, and a failed attempt leaves the key free to retry.
 */
export async function createOnce<Body>(
  db: Db,
  request: { userId: string; key: string | undefined; operation: string; payload: unknown },
  create: (trx: Db) => Promise<StoredResponse<Body>>,
): Promise<StoredResponse<Body> & { replayed: boolean }> {
  const { key } = request;
  if (key === undefined) {
    return { ...(await db.transaction().execute((trx) => create(trx))), replayed: false };
  }
  const fingerprint = createHash('sha256').update(JSON.stringify(request.payload ?? null)).digest('hex');
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ user_id: request.userId, key, operation: request.operation, fingerprint })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const stored = await trx
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', request.userId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (stored.operation !== request.operation || stored.fingerprint !== fingerprint) {
        throw problems.conflict('This Idempotency-Key was already used for a different request; use a new key for a new request.');
      }
      if (stored.status === null) throw problems.conflict('A request with this Idempotency-Key is still in progress.');
      return {
        status: stored.status,
        body: stored.body as Body,
        headers: (stored.headers ?? {}) as Record<string, string>,
        replayed: true,
      };
    }
    const response = await create(trx);
    await trx
      .updateTable('idempotency_keys')
      .set({ status: response.status, body: JSON.stringify(response.body), headers: JSON.stringify(response.headers) })
      .where('user_id', '=', request.userId)
      .where('key', '=', key)
      .execute();
    return { ...response, replayed: false };
  });
}
