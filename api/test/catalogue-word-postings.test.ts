import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import { insertProduct, updateProductAtVersion, upsertProductsBySku, type ProductFields } from '../src/repositories/products.js';
import { databaseBackends, type DatabaseUnderTest, type Opened } from './support/backends.js';

const product = (sku: string, name: string, extra: Partial<ProductFields> = {}): ProductFields => ({
  sku,
  name,
  description: null,
  brand: 'Acme',
  category: 'Hand Tools',
  unit: 'EA',
  unitPriceMinor: 100,
  currency: 'SGD',
  stockQuantity: 1,
  modelNumbers: [],
  attributes: {},
  active: true,
  ...extra,
});

/**
 * The search reads a word's products from catalogue_word_products (migration
 * 0012), kept by triggers on products: whatever writes a product, its
 * postings are exactly the words of its name, brand and category.
 */
describe.each(databaseBackends)('catalogue word postings: $backend', (backend) => {
  let opened: Opened<DatabaseUnderTest>;
  const db = () => opened.subject.db;

  beforeAll(async () => {
    opened = await backend.open();
    await migrateToLatest(db());
  }, 180_000);
  afterAll(async () => {
    await opened?.close();
  });

  const postings = async () =>
    (
      await sql<{ word: string; sku: string }>`
        select c.word, p.sku from catalogue_word_products c join products p on p.id = c.product_id order by p.sku, c.word`.execute(db())
    ).rows.map((row) => `${row.sku}:${row.word}`);
  const orphans = async () =>
    Number((await sql<{ n: number }>`select count(*)::int as n from catalogue_word_products c where not exists (select 1 from products p where p.id = c.product_id)`.execute(db())).rows[0]!.n);
  const wordsOfEveryProduct = async () =>
    (
      await sql<{ word: string; sku: string }>`
        select w as word, p.sku from products p, unnest(nexus_catalogue_words(p.name, p.brand, p.category)) as w order by p.sku, w`.execute(db())
    ).rows.map((row) => `${row.sku}:${row.word}`);

  it('holds the words of each product written one by one or by the import upsert', async () => {
    await insertProduct(db(), product('PA-1', 'Quokka Clamp 18V'), null);
    await upsertProductsBySku(db(), [product('PA-2', 'Wombat Drill', { brand: 'Zebulon' }), product('PA-3', 'Quokka Saw')], null);
    expect(await postings()).toEqual([
      'PA-1:18v', 'PA-1:acme', 'PA-1:clamp', 'PA-1:hand', 'PA-1:quokka', 'PA-1:tools',
      'PA-2:drill', 'PA-2:hand', 'PA-2:tools', 'PA-2:wombat', 'PA-2:zebulon',
      'PA-3:acme', 'PA-3:hand', 'PA-3:quokka', 'PA-3:saw', 'PA-3:tools',
    ]);
  });

  it('forgets the words a product lost and learns the new ones, on an update or an upsert', async () => {
    const [first] = (await sql<{ id: string; version: number }>`select id, version from products where sku = 'PA-1'`.execute(db())).rows;
    await updateProductAtVersion(db(), first!.id, first!.version, { name: 'Wombat Clamp 18V' });
    await updateProductAtVersion(db(), first!.id, first!.version + 1, { stockQuantity: 7 }); // no word changes
    await upsertProductsBySku(db(), [product('PA-3', 'Quokka Saw', { category: 'Power Tools' }), product('PA-4', 'Level')], null);
    const words = await postings();
    expect(words).toContain('PA-1:wombat');
    expect(words).not.toContain('PA-1:quokka');
    expect(words).toContain('PA-3:power');
    expect(words).not.toContain('PA-3:hand');
    expect(words).toEqual(await wordsOfEveryProduct());
  });

  it('drops the postings of deleted and truncated products', async () => {
    await sql`delete from products where sku = 'PA-2'`.execute(db());
    expect(await orphans()).toBe(0);
    expect(await postings()).toEqual(await wordsOfEveryProduct());
    await sql`truncate products cascade`.execute(db());
    expect(await postings()).toEqual([]);
    expect(Number((await sql<{ n: number }>`select count(*)::int as n from catalogue_word_products`.execute(db())).rows[0]!.n)).toBe(0);
  });
});
