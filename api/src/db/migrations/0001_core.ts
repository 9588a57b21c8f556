import { sql, type Kysely } from 'kysely';

// Timestamps are kept at millisecond precision, the precision of the API's ISO
// strings and of JS dates, so that keyset cursors round-trip exactly.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      role text not null check (role in ('admin', 'sales', 'viewer')),
      password_hash text not null,
      disabled_at timestamptz,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create unique index users_email_key on users (lower(email))`.execute(db);

  await sql`
    create table token_families (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      revoked_at timestamptz,
      revoked_reason text
    )`.execute(db);
  await sql`create index token_families_user_idx on token_families (user_id)`.execute(db);

  await sql`
    create table refresh_tokens (
      id uuid primary key default gen_random_uuid(),
      family_id uuid not null references token_families (id) on delete cascade,
      token_hash text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create index refresh_tokens_family_idx on refresh_tokens (family_id)`.execute(db);

  await sql`
    create table customers (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      email text,
      phone text,
      company text,
      tax_id text,
      billing_address text,
      notes text,
      archived_at timestamptz,
      version integer not null default 1,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create index customers_created_idx on customers (created_at desc, id desc)`.execute(db);
  await sql`
    create index customers_search_idx on customers
    using gin ((name || ' ' || coalesce(email, '') || ' ' || coalesce(company, '')) gin_trgm_ops)`.execute(db);

  await sql`
    create table activity (
      id uuid primary key default gen_random_uuid(),
      actor_id uuid references users (id) on delete set null,
      action text not null,
      entity_type text not null,
      entity_id uuid,
      summary text not null,
      details jsonb,
      created_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create index activity_created_idx on activity (created_at desc, id desc)`.execute(db);
  await sql`create index activity_entity_idx on activity (entity_type, entity_id, created_at desc)`.execute(db);

  await sql`
    create table idempotency_keys (
      user_id uuid not null references users (id) on delete cascade,
      key text not null,
      operation text not null,
      fingerprint text not null,
      status integer,
      body jsonb,
      headers jsonb,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      primary key (user_id, key)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['idempotency_keys', 'activity', 'customers', 'refresh_tokens', 'token_families', 'users']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
