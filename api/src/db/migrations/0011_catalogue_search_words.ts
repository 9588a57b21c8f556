import { sql, type Kysely } from 'kysely';

/**
 * Catalogue search that does not scan (issue 14). The fuzzy and partial
 * sources of the search read a trigram GiST index in similarity order (KNN);
 * at 100,000 products a typo query visited most of it (350 ms in psql).
 *
 * - catalogue_words: the distinct words of product names, brands and
 *   categories — a dictionary of a few hundred to some tens of thousands of
 *   words whatever the number of products. Typos and prefixes are looked up
 *   there (trigram GIN), and the words found lead to products through the
 *   full-text GIN index the products already have.
 * - A trigram GIN index over the products' normalized codes, for codes that
 *   contain what was typed ("DCD79" in "DCD791D2") without reading names.
 * - tsquery OR/AND aggregates, to turn the words found into one tsquery.
 * - The trigram GiST index over search_text goes: nothing reads it any more.
 *
 * The dictionary is filled by statement triggers (every writer: API, import,
 * SQL console) and only grows: a word no product uses any more leads to no
 * product, so it costs a lookup, never a wrong answer. Removing such words
 * would take a lock on shared rows for every product write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Words as pg_trgm sees them: lower case, runs of letters and digits.
  await sql`
    create function nexus_catalogue_words(name text, brand text, category text) returns text[]
    language sql immutable parallel safe
    as $$
      select coalesce(array_agg(distinct w), '{}')
      from regexp_split_to_table(lower(concat_ws(' ', name, brand, category)), '[^[:alnum:]]+') as w
      where w <> ''
    $$`.execute(db);
  await sql`create table catalogue_words (word text primary key)`.execute(db);
  await sql`create index catalogue_words_trgm_idx on catalogue_words using gin (word gin_trgm_ops)`.execute(db);
  // ON CONFLICT DO NOTHING takes no lock on an existing word, so concurrent writers do not queue on common words.
  await sql`
    create function nexus_catalogue_words_sync() returns trigger
    language plpgsql
    as $$
    begin
      insert into public.catalogue_words (word)
      select distinct w from new_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w
      order by w
      on conflict (word) do nothing;
      return null;
    end
    $$`.execute(db);
  for (const event of ['insert', 'update']) {
    await sql`
      create trigger ${sql.id(`products_catalogue_words_${event}`)} after ${sql.raw(event)} on products
      referencing new table as new_rows
      for each statement execute function nexus_catalogue_words_sync()`.execute(db);
  }
  await sql`
    insert into catalogue_words (word)
    select distinct w from products p, unnest(nexus_catalogue_words(p.name, p.brand, p.category)) as w
    on conflict (word) do nothing`.execute(db);

  await sql`create aggregate nexus_tsquery_any(tsquery) (sfunc = tsquery_or, stype = tsquery)`.execute(db);
  await sql`create aggregate nexus_tsquery_all(tsquery) (sfunc = tsquery_and, stype = tsquery)`.execute(db);

  await sql`create index products_codes_trgm_idx on products using gin (nexus_join_words(codes) gin_trgm_ops)`.execute(db);
  // Only the KNN scans read it; every product write paid for it.
  await sql`drop index products_search_text_trgm_idx`.execute(db);
  await sql`analyze catalogue_words`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists products_search_text_trgm_idx on products using gist (search_text gist_trgm_ops(siglen = 64))`.execute(db);
  await sql`drop index if exists products_codes_trgm_idx`.execute(db);
  await sql`drop aggregate if exists nexus_tsquery_all(tsquery)`.execute(db);
  await sql`drop aggregate if exists nexus_tsquery_any(tsquery)`.execute(db);
  await sql`drop trigger if exists products_catalogue_words_update on products`.execute(db);
  await sql`drop trigger if exists products_catalogue_words_insert on products`.execute(db);
  await sql`drop function if exists nexus_catalogue_words_sync()`.execute(db);
  await sql`drop table if exists catalogue_words`.execute(db);
  await sql`drop function if exists nexus_catalogue_words(text, text, text)`.execute(db);
}
