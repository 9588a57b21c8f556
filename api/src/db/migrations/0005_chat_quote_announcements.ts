import { sql, type Kysely } from 'kysely';

/**
 * Quote changes told in the conversations linked to the quote. The activity
 * log (written in the same transaction as every quote change) is the durable
 * source; a system message remembers the entry it tells, so telling one twice
 * is impossible, and each consumer of the log stores how far it has read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table messages add column source_activity_id uuid references activity (id) on delete set null`.execute(db);
  await sql`
    create unique index messages_source_activity_key on messages (conversation_id, source_activity_id)
    where source_activity_id is not null`.execute(db);

  await sql`
    create table activity_cursors (
      consumer text primary key,
      position timestamptz not null,
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists activity_cursors`.execute(db);
  await sql`drop index if exists messages_source_activity_key`.execute(db);
  await sql`alter table messages drop column if exists source_activity_id`.execute(db);
}
