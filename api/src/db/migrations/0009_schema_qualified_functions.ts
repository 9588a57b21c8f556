import { sql, type Kysely } from 'kysely';

/**
 * nexus_catalogue_codes called nexus_catalogue_code unqualified. pg_restore runs
 * with an empty search_path, so restoring a backup (scripts/restore) failed
 * while computing products' generated columns. The call is now schema-qualified
 * (a SQL function with its own search_path would no longer be inlined).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function nexus_catalogue_codes(sku text, models text[]) returns text[]
    language sql immutable parallel safe
    as $$
      select coalesce(array_agg(distinct code), '{}')
      from (select public.nexus_catalogue_code(v) as code from unnest(array_prepend(sku, coalesce(models, '{}'))) as v) codes
      where code <> ''
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function nexus_catalogue_codes(sku text, models text[]) returns text[]
    language sql immutable parallel safe
    as $$
      select coalesce(array_agg(distinct code), '{}')
      from (select nexus_catalogue_code(v) as code from unnest(array_prepend(sku, coalesce(models, '{}'))) as v) codes
      where code <> ''
    $$`.execute(db);
}
