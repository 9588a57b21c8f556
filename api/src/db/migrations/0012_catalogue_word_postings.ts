import { sql, type Kysely } from 'kysely';

/**
 * A B-tree posting list of the catalogue dictionary (issue 14): one row per
 * word of a product's name, brand and category (nexus_catalogue_words, the
 * words of catalogue_words) and that product.
 *
 * The near-word sources of the search (typos, prefixes, a query of several
 * words) read a word's products through the full-text GIN index. A GIN scan
 * answers only with a complete bitmap, so at 1,000,000 products a common
 * word ("stainless", 71,000 products) cost its whole posting list before the
 * first of the 40 candidates wanted. A B-tree range on (word, product_id)
 * hands them out in order and stops at the limit, whatever the word's
 * frequency.
 *
 * Kept by statement triggers on products, like the dictionary: every writer
 * (API, import, SQL console) keeps it right. Unlike the dictionary it also
 * forgets: a renamed product loses the postings of the words it no longer
 * has, a deleted or truncated one all of them. Rows of one product only, so
 * concurrent writers of different products do not queue on each other.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table catalogue_word_products (
      word text not null,
      product_id uuid not null,
      primary key (word, product_id)
    )`.execute(db);

  await sql`
    create function nexus_catalogue_word_products_insert() returns trigger
    language plpgsql
    as $$
    begin
      insert into public.catalogue_word_products (word, product_id)
      select w, r.id from new_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w
      order by 1, 2;
      return null;
    end
    $$`.execute(db);
  // Only the pairs that changed: an update of the price or the stock touches no posting.
  await sql`
    create function nexus_catalogue_word_products_update() returns trigger
    language plpgsql
    as $$
    begin
      delete from public.catalogue_word_products c
      using (
        select w, r.id from old_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w
        except
        select w, r.id from new_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w
      ) gone (word, product_id)
      where c.word = gone.word and c.product_id = gone.product_id;
      insert into public.catalogue_word_products (word, product_id)
      select w, r.id from new_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w
      except
      select w, r.id from old_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w
      order by 1, 2
      on conflict do nothing;
      return null;
    end
    $$`.execute(db);
  await sql`
    create function nexus_catalogue_word_products_delete() returns trigger
    language plpgsql
    as $$
    begin
      delete from public.catalogue_word_products c
      using (select w, r.id from old_rows r, unnest(public.nexus_catalogue_words(r.name, r.brand, r.category)) as w) gone (word, product_id)
      where c.word = gone.word and c.product_id = gone.product_id;
      return null;
    end
    $$`.execute(db);
  await sql`
    create function nexus_catalogue_word_products_truncate() returns trigger
    language plpgsql
    as $$
    begin
      truncate public.catalogue_word_products;
      return null;
    end
    $$`.execute(db);

  await sql`
    create trigger products_word_postings_insert after insert on products
    referencing new table as new_rows
    for each statement execute function nexus_catalogue_word_products_insert()`.execute(db);
  await sql`
    create trigger products_word_postings_update after update on products
    referencing old table as old_rows new table as new_rows
    for each statement execute function nexus_catalogue_word_products_update()`.execute(db);
  await sql`
    create trigger products_word_postings_delete after delete on products
    referencing old table as old_rows
    for each statement execute function nexus_catalogue_word_products_delete()`.execute(db);
  await sql`
    create trigger products_word_postings_truncate after truncate on products
    for each statement execute function nexus_catalogue_word_products_truncate()`.execute(db);

  await sql`
    insert into catalogue_word_products (word, product_id)
    select w, p.id from products p, unnest(nexus_catalogue_words(p.name, p.brand, p.category)) as w
    order by 1, 2`.execute(db);
  await sql`analyze catalogue_word_products`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const event of ['insert', 'update', 'delete', 'truncate']) {
    await sql`drop trigger if exists ${sql.id(`products_word_postings_${event}`)} on products`.execute(db);
    await sql`drop function if exists ${sql.id(`nexus_catalogue_word_products_${event}`)}()`.execute(db);
  }
  await sql`drop table if exists catalogue_word_products`.execute(db);
}
