import { sql, type Kysely } from 'kysely';

/**
 * Staff accounts get a version, like customers and quotes, so that two
 * admins changing the same account cannot overwrite each other silently
 * (`ETag` / `If-Match` on `PATCH /api/users/{id}`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column version integer not null default 1 check (version >= 1)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop column version`.execute(db);
}
