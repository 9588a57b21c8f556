import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/**
 * Deletes of data past its retention (services/maintenance/retention.ts), each
 * in chunks of `chunk` rows per statement so that no sweep holds many row
 * locks or a long transaction. Each answers how many rows it removed.
 */

async function inChunks(run: () => Promise<number>, chunk: number): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await run();
    total += removed;
    if (removed < chunk) return total;
  }
}

const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

/** Idempotency keys claimed before `before`: a retry with such a key creates anew. */
export function deleteIdempotencyKeysBefore(db: Db, before: Date, chunk = 1000): Promise<number> {
  return inChunks(async () => {
    const result = await sql`
      delete from idempotency_keys
       where (user_id, key) in (select user_id, key from idempotency_keys where created_at < ${before} limit ${chunk})`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }, chunk);
}

/** Refresh tokens that expired before `before` (used or not: either way they open nothing any more). */
export function deleteRefreshTokensExpiredBefore(db: Db, before: Date, chunk = 1000): Promise<number> {
  return inChunks(
    async () =>
      count(
        await db
          .deleteFrom('refresh_tokens')
          .where('id', 'in', (eb) => eb.selectFrom('refresh_tokens as t').select('t.id').where('t.expires_at', '<', before).limit(chunk))
          .executeTakeFirst(),
      ),
    chunk,
  );
}

/**
 * Sessions (token families) that ended before `before`: revoked then, or
 * started then and left without a refresh token (all expired and swept).
 * Their refresh tokens go with them (on delete cascade).
 */
export function deleteSessionsEndedBefore(db: Db, before: Date, chunk = 1000): Promise<number> {
  return inChunks(
    async () =>
      count(
        await db
          .deleteFrom('token_families')
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('token_families as f')
              .select('f.id')
              .where((w) =>
                w.or([
                  w('f.revoked_at', '<', before),
                  w.and([
                    w('f.created_at', '<', before),
                    w.not(w.exists(w.selectFrom('refresh_tokens as t').select(sql.lit(1).as('one')).whereRef('t.family_id', '=', 'f.id'))),
                  ]),
                ]),
              )
              .limit(chunk),
          )
          .executeTakeFirst(),
      ),
    chunk,
  );
}

/** Jobs that finished (done, failed or cancelled) before `before`. Queued and running jobs are never touched. */
export function deleteJobsFinishedBefore(db: Db, before: Date, chunk = 1000): Promise<number> {
  return inChunks(
    async () =>
      count(
        await db
          .deleteFrom('jobs')
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('jobs as j')
              .select('j.id')
              .where('j.status', 'in', ['done', 'failed', 'cancelled'])
              .where('j.finished_at', '<', before)
              .limit(chunk),
          )
          .executeTakeFirst(),
      ),
    chunk,
  );
}
