import { sql, type Kysely } from 'kysely';

/**
 * The one durable queue of background work (catalogue imports, RFQ
 * documents, …). A worker claims a job with `for update skip locked` and holds
 * a lease it renews while it works; a lease that runs out (the process died)
 * makes the job claimable again. Attempts are counted when a job is claimed,
 * so a job whose process keeps dying on it is failed, not retried forever.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table jobs (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      status text not null default 'queued' check (status in ('queued', 'processing', 'done', 'failed', 'cancelled')),
      attempts integer not null default 0 check (attempts >= 0),
      max_attempts integer not null default 3 check (max_attempts >= 1),
      lost_leases integer not null default 0,
      run_after timestamptz not null default now(),
      lease_expires_at timestamptz,
      locked_by text,
      cancel_requested boolean not null default false,
      progress_done integer not null default 0,
      progress_total integer,
      error text,
      result jsonb,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now()),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  // What the claim reads: work that is due, or whose lease ran out.
  await sql`create index jobs_claimable_idx on jobs (run_after, created_at) where status in ('queued', 'processing')`.execute(db);
  await sql`create index jobs_kind_created_idx on jobs (kind, created_at desc)`.execute(db);
  // One job per subject and kind while it is not finished (a resource's work is never queued twice).
  await sql`create unique index jobs_subject_key on jobs (kind, (payload ->> 'subjectId')) where status in ('queued', 'processing') and payload ? 'subjectId'`.execute(db);

  // Imports waiting or running before this version move onto the queue, their progress kept.
  await sql`
    insert into jobs (kind, payload, status, attempts, created_at)
    select 'catalogue.import', jsonb_build_object('subjectId', id::text), 'queued', 0, created_at
    from import_jobs where status in ('queued', 'running')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table jobs`.execute(db);
}
