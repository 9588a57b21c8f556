// Seeds a realistic dataset straight into PostgreSQL with set-based SQL (no
// per-row round trips): customers, products and quotes with lines. Values come
// from word lists picked by hashint4(row number), so every run builds the same
// data. 100,000 products take seconds (their search columns are generated).

const BRANDS = ['DeWalt', 'Makita', 'Bosch', 'Milwaukee', 'Hilti', 'Stanley', '3M', 'Karcher', 'Festool', 'Metabo', 'Ryobi', 'Hitachi', 'Fluke', 'Knipex', 'Wera', 'Bahco', 'Irwin', 'Ansell', 'Honeywell', 'Uvex', 'Loctite', 'Sika', 'Fischer', 'Rawlplug', 'Dormer', 'Norton', 'Klingspor', 'Gedore', 'Facom', 'Hikoki'];
const CATEGORIES = ['Power Tools', 'Hand Tools', 'PPE', 'Accessories', 'Fixings', 'Chemicals'];
const KINDS = ['Drill Driver', 'Hammer Drill', 'Angle Grinder', 'Impact Driver', 'Circular Saw', 'Jigsaw', 'Rotary Hammer', 'Orbital Sander', 'Planer', 'Router', 'Screwdriver Set', 'Combination Pliers', 'Torque Wrench', 'Socket Set', 'Claw Hammer', 'Utility Knife', 'Spirit Level', 'Tape Measure', 'Safety Goggles', 'Ear Defenders', 'Dust Mask', 'Work Gloves', 'Hard Hat', 'Safety Boots', 'Drill Bit Set', 'Cutting Disc', 'Saw Blade', 'Sanding Sheets', 'Battery Pack', 'Charger', 'Wall Plugs', 'Wood Screws', 'Anchor Bolts', 'Cable Ties', 'Thread Locker', 'Silicone Sealant'];
const ADJECTIVES = ['Brushless', 'Compact', 'Heavy Duty', 'Professional', 'Cordless', 'Corded', 'Industrial', 'Lightweight', 'Anti-Slip', 'High Torque', 'Stainless', 'Magnetic', 'Insulated', 'Premium'];
const SPECS = ['18V', '12V', '36V', '240V', '125mm', '230mm', '10mm', '13mm', 'M8', 'M10', 'Size 9', 'Size 10', '500ml', '1L', 'Pack of 100', 'Pack of 10'];
const FIRST = ['Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Goh', 'Chua', 'Ong', 'Koh', 'Teo', 'Ang', 'Yeo', 'Smith', 'Kumar', 'Singh', 'Rahman'];
const COMPANY = ['Hardware', 'Builders', 'Engineering', 'Construction', 'Marine', 'Facilities', 'Electrical', 'Plumbing', 'Renovation', 'Logistics'];
const SUFFIX = ['Pte Ltd', 'Ltd', 'Trading', 'Holdings', 'Services', 'Supplies'];

const list = (values) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
/** Element of `values` picked by a hash of the row number `g` and a salt (deterministic). */
const pick = (values, salt) => `(${list(values)})[1 + ((hashint4(g * 31 + ${salt}) & 2147483647) % ${values.length})]`;
const number = (salt, modulo) => `((hashint4(g * 17 + ${salt}) & 2147483647) % ${modulo})`;

export async function seedCustomers(client, count, createdBy) {
  await client.query(`
    insert into customers (name, email, company, phone, created_by, created_at, updated_at)
    select c.company, lower(replace(c.person, ' ', '.')) || '.' || g || '@' || lower(replace(c.company, ' ', '')) || '.example',
           c.company, '+65 6' || lpad(${number(3, 10_000_000)}::text, 7, '0'), $2::uuid,
           now() - make_interval(mins => ${number(4, 525_600)}::int), now()
    from generate_series(1, $1::int) g,
    lateral (select ${pick(FIRST, 1)} || ' ' || ${pick(COMPANY, 2)} || ' ' || ${pick(SUFFIX, 5)} || ' ' || g as company,
                    ${pick(FIRST, 6)} || ' ' || ${pick(FIRST, 7)} as person) c`, [count, createdBy]);
}

export async function seedProducts(client, count, createdBy) {
  // In slices, so that a 1,000,000-row run reports progress and keeps each statement's memory bounded.
  const slice = 100_000;
  for (let from = 1; from <= count; from += slice) {
    const to = Math.min(count, from + slice - 1);
    await client.query(`
      insert into products (sku, name, brand, category, model_numbers, unit_price_minor, currency, stock_quantity, description, created_by, created_at, updated_at)
      select upper(left(regexp_replace(p.brand, '[^A-Za-z]', '', 'g'), 3)) || '-' || lpad(g::text, 7, '0'),
             p.brand || ' ' || ${pick(ADJECTIVES, 11)} || ' ' || p.kind || ' ' || ${pick(SPECS, 12)},
             p.brand, ${pick(CATEGORIES, 13)},
             array[p.model, p.model || '-' || ${pick(['EU', 'UK', 'AS'], 14)}],
             100 + ${number(15, 90_000)}, 'SGD',
             case when ${number(16, 100)} < 15 then 0 else ${number(17, 500)} end,
             p.kind || ' by ' || p.brand || ' for ' || ${pick(['site', 'workshop', 'maintenance', 'fit-out', 'plant'], 18)} || ' work.',
             $3::uuid, now() - make_interval(mins => ${number(19, 525_600)}::int), now()
      from generate_series($1::int, $2::int) g,
      lateral (select ${pick(BRANDS, 21)} as brand, ${pick(KINDS, 22)} as kind,
                      upper(left(${pick(BRANDS, 23)}, 2)) || (100 + ${number(24, 900)}) || ${pick(['', 'N', 'D2', 'P1', 'K', 'X'], 25)} || g as model) p`,
      [from, to, createdBy]);
  }
}

/** Quotes spread over customers, statuses and the last months; 1–8 lines each, priced from their products. */
export async function seedQuotes(client, count, createdBy) {
  await client.query(`
    create temporary table bench_customer_ids as select row_number() over (order by id) as n, id from customers;
    create temporary table bench_product_ids as
      select row_number() over (order by id) as n, id, sku, name, unit_price_minor from products where active;
    create index on bench_product_ids (n)`);
  const { rows } = await client.query('select (select count(*) from bench_customer_ids)::int as customers, (select count(*) from bench_product_ids)::int as products');
  const { customers, products } = rows[0];
  await client.query(`
    insert into quotes (number, revision, customer_id, title, currency, tax_rate_bp, valid_until, status, sent_at, created_by, created_at, updated_at, status_changed_at)
    select 'Q-2026-' || lpad(g::text, 6, '0'), 1, c.id, 'Supply of ' || ${pick(KINDS, 31)} || 's for ' || ${pick(['site', 'workshop', 'plant', 'fit-out'], 32)},
           'SGD', 900, current_date + 30, s.status,
           case when s.status = 'draft' then null else now() - make_interval(days => ${number(33, 60)}::int) end,
           $2::uuid, now() - make_interval(mins => ${number(34, 129_600)}::int), now(), now()
    from generate_series(1, $1::int) g
    join bench_customer_ids c on c.n = 1 + ${number(35, customers)},
    lateral (select ${pick(['draft', 'draft', 'sent', 'sent', 'accepted', 'rejected', 'cancelled'], 36)} as status) s`, [count, createdBy]);
  await client.query(`
    insert into quote_lines (quote_id, position, product_id, sku, description, quantity, unit, unit_price_minor, discount_bp, line_total_minor)
    select q.id, l.position, p.id, p.sku, p.name, l.quantity, 'EA', p.unit_price_minor, 0, p.unit_price_minor * l.quantity
    from (select id, row_number() over (order by number) as g from quotes) q
    cross join lateral generate_series(1, 1 + ((hashint4(q.g::int * 7) & 2147483647) % 8)) as l0(position)
    cross join lateral (select l0.position, 1 + ((hashint4(q.g::int * 13 + l0.position) & 2147483647) % 20) as quantity) l
    join bench_product_ids p on p.n = 1 + ((hashint4(q.g::int * 101 + l.position) & 2147483647) % ${products})`);
  await client.query(`
    update quotes q set subtotal_minor = t.subtotal, tax_minor = t.subtotal * 9 / 100, total_minor = t.subtotal + t.subtotal * 9 / 100
    from (select quote_id, sum(line_total_minor) as subtotal from quote_lines group by quote_id) t
    where t.quote_id = q.id`);
  await client.query('drop table bench_customer_ids; drop table bench_product_ids');
}
