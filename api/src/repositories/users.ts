import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { executePrepared } from '../db/prepared-statements.js';
import type { NewUser, UserRow } from '../db/schema.js';
import type { Role } from '../domain/users/roles.js';

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  // Prepared: `GET /api/auth/me` runs it for every chat connection the gateways open.
  const [row] = await executePrepared(db, db.selectFrom('users').selectAll().where('id', '=', id).compile());
  return row;
}

/** The user and whether the session is still live, in one round trip (every protected request). */
export function findUserWithSession(db: Db, userId: string, sessionId: string) {
  return db
    .selectFrom('users')
    .leftJoin('token_families', (join) =>
      join.onRef('token_families.user_id', '=', 'users.id').on('token_families.id', '=', sessionId),
    )
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.disabled_at',
      'token_families.id as session_id',
      'token_families.revoked_at as session_revoked_at',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  return db
    .insertInto('users')
    .values({ ...user, email: user.email.trim() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listUsers(db: Db, options: { limit: number; after?: [string, string] }) {
  let query = db.selectFrom('users').selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc').limit(options.limit + 1);
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(created_at, id) > (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute();
}

export function countActiveAdmins(db: Db): Promise<number> {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** Changes the account if it is still at `expectedVersion` (undefined otherwise), bumping the version. */
export function updateUserAtVersion(db: Db, id: string, expectedVersion: number, changes: { role?: Role; name?: string; disabled_at?: Date | null }) {
  return db
    .updateTable('users')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export function countUsers(db: Db): Promise<number> {
  return db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

/** Locks the admin rows until the caller's transaction ends, so concurrent changes of admins happen one after the other. */
export async function lockAdmins(trx: Db): Promise<void> {
  await trx.selectFrom('users').select('id').where('role', '=', 'admin').forUpdate().execute();
}

/** All accounts and those not disabled. */
export async function countAccounts(db: Db): Promise<{ total: number; active: number }> {
  const row = await db
    .selectFrom('users')
    .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`count(*) filter (where disabled_at is null)`.as('active')])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), active: Number(row.active) };
}
