import { sql, type Kysely } from 'kysely';

/**
 * RFQ documents (issue 12): the uploaded original (with its SHA-256, one
 * document per content), the requested items read from it with their
 * catalogue candidates and the match a person chose, the quote made from it,
 * and an outbox of `document.processed` / `document.failed` events written in
 * the same transaction as the status they announce.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table documents (
      id uuid primary key default gen_random_uuid(),
      file_name text,
      kind text not null check (kind in ('xlsx', 'docx', 'pdf', 'csv', 'text', 'email')),
      media_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      checksum text not null,
      customer_id uuid references customers (id) on delete set null,
      status text not null default 'queued' check (status in ('queued', 'processing', 'extracted', 'failed')),
      error text,
      item_count integer not null default 0,
      matched_count integer not null default 0,
      quote_id uuid references quotes (id) on delete set null,
      version integer not null default 1,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now()),
      processed_at timestamptz
    )`.execute(db);
  // Same bytes, same document: an upload of a file already stored answers the existing one.
  await sql`create unique index documents_checksum_key on documents (checksum)`.execute(db);
  await sql`create index documents_created_idx on documents (created_at desc, id desc)`.execute(db);
  await sql`create index documents_updated_idx on documents (updated_at desc, id desc)`.execute(db);
  await sql`create index documents_customer_idx on documents (customer_id, created_at desc) where customer_id is not null`.execute(db);

  // The original, apart from the row so that lists never read it.
  await sql`
    create table document_files (
      document_id uuid primary key references documents (id) on delete cascade,
      content bytea not null
    )`.execute(db);

  await sql`
    create table document_items (
      id uuid primary key default gen_random_uuid(),
      document_id uuid not null references documents (id) on delete cascade,
      position integer not null check (position >= 1),
      description text not null,
      specification text,
      brand text,
      code text,
      remarks text,
      quantity numeric(10, 3) check (quantity > 0),
      unit text,
      unit_written text,
      location jsonb not null,
      confidence double precision not null,
      match_status text not null check (match_status in ('matched', 'no-confident-match')),
      match_reason text,
      candidates jsonb not null default '[]'::jsonb,
      chosen_product_id uuid references products (id) on delete set null,
      not_an_item boolean not null default false,
      reviewed_by uuid references users (id) on delete set null,
      reviewed_at timestamptz,
      unique (document_id, position)
    )`.execute(db);

  await sql`
    create table document_events (
      id bigserial primary key,
      document_id uuid not null,
      type text not null check (type in ('document.processed', 'document.failed')),
      payload jsonb not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      published_at timestamptz
    )`.execute(db);
  await sql`create index document_events_pending_idx on document_events (id) where published_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['document_events', 'document_items', 'document_files', 'documents']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
