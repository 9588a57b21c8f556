import { sql, type Kysely } from 'kysely';

/**
 * The product catalogue, its search indexes, tasks, typed relations (the
 * source of truth of the Neo4j graph), the graph outbox and durable import jobs.
 *
 * Search columns are generated, so every writer (API, import, SQL console)
 * keeps them right. The helper functions are IMMUTABLE wrappers: PostgreSQL
 * marks array_to_string STABLE only because of arbitrary element types; for
 * text[] it is immutable, and generated columns require that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  // A catalogue code (SKU or model number) as people type it: case, spaces and
  // punctuation ignored, so "DCD-791 D2" finds "DCD791D2".
  await sql`
    create function nexus_catalogue_code(value text) returns text
    language sql immutable strict parallel safe
    as $$ select upper(regexp_replace(value, '[^[:alnum:]]+', '', 'g')) $$`.execute(db);
  await sql`
    create function nexus_catalogue_codes(sku text, models text[]) returns text[]
    language sql immutable parallel safe
    as $$
      select coalesce(array_agg(distinct code), '{}')
      from (select nexus_catalogue_code(v) as code from unnest(array_prepend(sku, coalesce(models, '{}'))) as v) codes
      where code <> ''
    $$`.execute(db);
  await sql`
    create function nexus_join_words(parts text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string(parts, ' ') $$`.execute(db);

  await sql`
    create table products (
      id uuid primary key default gen_random_uuid(),
      sku text not null,
      name text not null,
      description text,
      brand text,
      category text,
      model_numbers text[] not null default '{}',
      unit text not null default 'EA',
      unit_price_minor bigint not null check (unit_price_minor >= 0),
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      stock_quantity integer not null default 0 check (stock_quantity >= 0),
      attributes jsonb not null default '{}'::jsonb,
      active boolean not null default true,
      version integer not null default 1,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now()),
      codes text[] generated always as (nexus_catalogue_codes(sku, model_numbers)) stored,
      search_text text generated always as (
        lower(nexus_join_words(
          nexus_catalogue_codes(sku, model_numbers) || model_numbers ||
          array[sku, name, coalesce(brand, ''), coalesce(category, '')]
        ))
      ) stored,
      search_vector tsvector generated always as (
        setweight(to_tsvector('simple', nexus_join_words(array_prepend(sku, model_numbers))), 'A') ||
        setweight(to_tsvector('english', name), 'A') ||
        setweight(to_tsvector('simple', coalesce(brand, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(category, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'D')
      ) stored
    )`.execute(db);
  await sql`create unique index products_sku_key on products (lower(sku))`.execute(db);
  await sql`create index products_created_idx on products (created_at desc, id desc)`.execute(db);
  await sql`create index products_codes_idx on products using gin (codes)`.execute(db);
  await sql`create index products_search_vector_idx on products using gin (search_vector)`.execute(db);
  // GiST (not GIN) so that the fuzzy candidates can be read in similarity order (KNN) and stop early.
  await sql`create index products_search_text_trgm_idx on products using gist (search_text gist_trgm_ops(siglen = 64))`.execute(db);
  await sql`create index products_brand_idx on products (lower(brand))`.execute(db);
  await sql`create index products_category_idx on products (lower(category))`.execute(db);

  await sql`
    create table tasks (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      description text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create index tasks_created_idx on tasks (created_at desc, id desc)`.execute(db);

  // One row per typed relation. USED_FOR points at a task, every other type at a product.
  await sql`
    create table product_relations (
      id uuid primary key default gen_random_uuid(),
      type text not null check (type in ('COMPATIBLE_WITH', 'ALTERNATIVE_TO', 'ACCESSORY_OF', 'REQUIRES', 'USED_FOR')),
      product_id uuid not null references products (id) on delete cascade,
      related_product_id uuid references products (id) on delete cascade,
      task_id uuid references tasks (id) on delete cascade,
      note text,
      source text not null default 'manual' check (source in ('manual', 'import')),
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      check ((type = 'USED_FOR') = (task_id is not null)),
      check ((type = 'USED_FOR') = (related_product_id is null)),
      check (related_product_id is distinct from product_id)
    )`.execute(db);
  await sql`
    create unique index product_relations_edge_key
    on product_relations (type, product_id, coalesce(related_product_id, task_id))`.execute(db);
  // Symmetric types exist once per pair, whichever way round they were entered.
  await sql`
    create unique index product_relations_symmetric_key
    on product_relations (type, least(product_id, related_product_id), greatest(product_id, related_product_id))
    where type in ('COMPATIBLE_WITH', 'ALTERNATIVE_TO')`.execute(db);
  await sql`create index product_relations_related_idx on product_relations (related_product_id)`.execute(db);
  await sql`create index product_relations_task_idx on product_relations (task_id)`.execute(db);
  await sql`create index product_relations_created_idx on product_relations (created_at desc, id desc)`.execute(db);

  // How often two products appeared on the same quote (QUOTED_WITH weight); product_a < product_b.
  await sql`
    create table product_pair_stats (
      product_a uuid not null references products (id) on delete cascade,
      product_b uuid not null references products (id) on delete cascade,
      quote_count integer not null default 0 check (quote_count >= 0),
      updated_at timestamptz not null default date_trunc('milliseconds', now()),
      primary key (product_a, product_b),
      check (product_a < product_b)
    )`.execute(db);
  await sql`create index product_pair_stats_b_idx on product_pair_stats (product_b)`.execute(db);

  // Entities whose graph projection is stale. Written in the transaction of the
  // change; drained to Neo4j by the graph sync worker, which re-reads current state.
  await sql`
    create table graph_outbox (
      id bigserial primary key,
      kind text not null check (kind in ('product', 'task', 'relation', 'pair')),
      entity_id text not null,
      payload jsonb,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table import_jobs (
      id uuid primary key default gen_random_uuid(),
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      format text not null check (format in ('csv', 'xlsx')),
      file_name text,
      file_size integer not null,
      rows_total integer,
      rows_done integer not null default 0,
      created_count integer not null default 0,
      updated_count integer not null default 0,
      unchanged_count integer not null default 0,
      rejected_count integer not null default 0,
      relations_created integer not null default 0,
      error text,
      attempts integer not null default 0,
      heartbeat_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create index import_jobs_created_idx on import_jobs (created_at desc, id desc)`.execute(db);
  await sql`create index import_jobs_pending_idx on import_jobs (created_at) where status in ('queued', 'running')`.execute(db);
  // The uploaded file, kept until the job finishes so that a restarted worker can resume it.
  await sql`
    create table import_files (
      job_id uuid primary key references import_jobs (id) on delete cascade,
      content bytea not null
    )`.execute(db);
  await sql`
    create table import_issues (
      job_id uuid not null references import_jobs (id) on delete cascade,
      row_number integer not null,
      kind text not null check (kind in ('rejected', 'warning')),
      sku text,
      reason text not null,
      primary key (job_id, kind, row_number, reason)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['import_issues', 'import_files', 'import_jobs', 'graph_outbox', 'product_pair_stats', 'product_relations', 'tasks', 'products']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists nexus_join_words(text[])`.execute(db);
  await sql`drop function if exists nexus_catalogue_codes(text, text[])`.execute(db);
  await sql`drop function if exists nexus_catalogue_code(text)`.execute(db);
}
