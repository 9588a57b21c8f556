import { sql, type Kysely } from 'kysely';

/**
 * Data hygiene (issue 13): indexes for the retention sweep
 * (services/maintenance/retention.ts), and the lease that lets one graph sync
 * drainer at a time work without holding a PostgreSQL transaction open while
 * it waits on Neo4j (graph/sync.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index idempotency_keys_created_idx on idempotency_keys (created_at)`.execute(db);
  await sql`create index refresh_tokens_expires_idx on refresh_tokens (expires_at)`.execute(db);
  await sql`create index jobs_finished_idx on jobs (finished_at) where status in ('done', 'failed', 'cancelled')`.execute(db);
  await sql`
    create table graph_sync_lease (
      id boolean primary key default true check (id),
      holder text,
      expires_at timestamptz
    )`.execute(db);
  await sql`insert into graph_sync_lease (id) values (true)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists graph_sync_lease`.execute(db);
  await sql`drop index if exists jobs_finished_idx`.execute(db);
  await sql`drop index if exists refresh_tokens_expires_idx`.execute(db);
  await sql`drop index if exists idempotency_keys_created_idx`.execute(db);
}
