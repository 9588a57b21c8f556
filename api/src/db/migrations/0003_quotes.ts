import { sql, type Kysely } from 'kysely';

/**
 * Quotes, their lines, and the per-year counters behind gap-free quote
 * numbers. Amounts are integer minor units (bigint); quantities exact
 * decimals with three places. Totals are stored as priced by
 * @nexus/sdk/pricing in the transaction that changed the lines.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per year, incremented in the creating transaction: a rolled-back
  // create gives its number back, which a sequence would not.
  await sql`
    create table quote_number_counters (
      year integer primary key,
      last_number integer not null check (last_number > 0)
    )`.execute(db);

  await sql`
    create table quotes (
      id uuid primary key default gen_random_uuid(),
      number text not null,
      revision integer not null default 1 check (revision > 0),
      revision_of uuid references quotes (id) on delete set null,
      customer_id uuid not null references customers (id) on delete restrict,
      title text not null,
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      tax_rate_bp integer not null check (tax_rate_bp between 0 and 10000),
      valid_until date not null,
      notes text,
      status text not null default 'draft'
        check (status in ('draft', 'sent', 'accepted', 'rejected', 'expired', 'cancelled')),
      subtotal_minor bigint not null default 0 check (subtotal_minor >= 0),
      tax_minor bigint not null default 0 check (tax_minor >= 0),
      total_minor bigint not null default 0 check (total_minor = subtotal_minor + tax_minor),
      status_changed_at timestamptz not null default date_trunc('milliseconds', now()),
      sent_at timestamptz,
      version integer not null default 1,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create unique index quotes_number_revision_key on quotes (number, revision)`.execute(db);
  await sql`create index quotes_created_idx on quotes (created_at desc, id desc)`.execute(db);
  await sql`create index quotes_customer_idx on quotes (customer_id, created_at desc, id desc)`.execute(db);
  await sql`create index quotes_status_idx on quotes (status, created_at desc, id desc)`.execute(db);
  // What the expiry sweep scans.
  await sql`create index quotes_open_validity_idx on quotes (valid_until) where status in ('draft', 'sent')`.execute(db);

  await sql`
    create table quote_lines (
      id uuid primary key default gen_random_uuid(),
      quote_id uuid not null references quotes (id) on delete cascade,
      position integer not null,
      product_id uuid references products (id) on delete set null,
      sku text,
      description text not null,
      quantity numeric(10, 3) not null check (quantity > 0),
      unit text not null,
      unit_price_minor bigint not null check (unit_price_minor >= 0),
      discount_bp integer not null default 0 check (discount_bp between 0 and 10000),
      line_total_minor bigint not null check (line_total_minor >= 0),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default date_trunc('milliseconds', now())
    )`.execute(db);
  await sql`create unique index quote_lines_position_key on quote_lines (quote_id, position)`.execute(db);
  await sql`create index quote_lines_product_idx on quote_lines (product_id) where product_id is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['quote_lines', 'quotes', 'quote_number_counters']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
