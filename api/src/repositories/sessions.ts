import type { Db } from '../db/database.js';

/** Refresh-token families ("sessions") and their rotating tokens. */

export function createSession(db: Db, userId: string) {
  return db.insertInto('token_families').values({ user_id: userId }).returning(['id']).executeTakeFirstOrThrow();
}

export function insertRefreshToken(db: Db, token: { family_id: string; token_hash: string; expires_at: Date }) {
  return db.insertInto('refresh_tokens').values(token).returning(['id']).executeTakeFirstOrThrow();
}

/** Locks the token row for the rotation that follows (concurrent refreshes serialize). */
export function findRefreshTokenForUpdate(db: Db, id: string) {
  return db
    .selectFrom('refresh_tokens')
    .innerJoin('token_families', 'token_families.id', 'refresh_tokens.family_id')
    .innerJoin('users', 'users.id', 'token_families.user_id')
    .select([
      'refresh_tokens.id',
      'refresh_tokens.family_id',
      'refresh_tokens.token_hash',
      'refresh_tokens.expires_at',
      'refresh_tokens.used_at',
      'token_families.revoked_at as family_revoked_at',
      'token_families.user_id',
      'users.role',
      'users.disabled_at',
    ])
    .where('refresh_tokens.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function markRefreshTokenUsed(db: Db, id: string) {
  return db.updateTable('refresh_tokens').set({ used_at: new Date() }).where('id', '=', id).execute();
}

export function revokeSession(db: Db, familyId: string, reason: string) {
  return db
    .updateTable('token_families')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export function revokeAllSessionsOf(db: Db, userId: string, reason: string) {
  return db
    .updateTable('token_families')
    .set({ revoked_at: new Date(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
