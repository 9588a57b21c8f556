// What the Node peers (the bare node:http limit and Fastify) share: the SQL
// the bench captured from the API's own repositories (queries.json), the row →
// JSON mappings of the contract, and the write of POST /api/customers.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const queries = JSON.parse(readFileSync(process.env.QUERIES_FILE, 'utf8'));

const iso = (value) => (value === null || value === undefined ? null : new Date(value).toISOString());

export function customerView(row) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company,
    taxId: row.tax_id,
    billingAddress: row.billing_address,
    notes: row.notes,
    archived: row.archived_at !== null,
    archivedAt: iso(row.archived_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function quoteView(row, lines) {
  return {
    id: row.id,
    number: row.number,
    revision: row.revision,
    revisionOf: row.revision_of,
    customerId: row.customer_id,
    customerName: row.customer_name,
    title: row.title,
    currency: row.currency,
    taxRateBp: row.tax_rate_bp,
    validUntil: row.valid_until,
    notes: row.notes,
    status: row.status,
    subtotalMinor: Number(row.subtotal_minor),
    taxMinor: Number(row.tax_minor),
    totalMinor: Number(row.total_minor),
    statusChangedAt: iso(row.status_changed_at),
    sentAt: iso(row.sent_at),
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      productId: l.product_id,
      sku: l.sku,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceMinor: Number(l.unit_price_minor),
      discountBp: l.discount_bp,
      lineTotalMinor: Number(l.line_total_minor),
    })),
  };
}

export function productView(row) {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    brand: row.brand,
    category: row.category,
    modelNumbers: row.model_numbers,
    unit: row.unit,
    unitPriceMinor: Number(row.unit_price_minor),
    currency: row.currency,
    stockQuantity: row.stock_quantity,
    active: row.active,
    version: row.version,
    score: row.score,
  };
}

export async function listCustomers(pool) {
  const { rows } = await pool.query(queries.customersList.sql, queries.customersList.params);
  return { items: rows.slice(0, 50).map(customerView), nextCursor: rows.length > 50 ? 'more' : null };
}

/** undefined when there is no such quote. */
export async function getQuote(pool, id) {
  const [quote, lines] = await Promise.all([pool.query(queries.quote.sql, [id]), pool.query(queries.quoteLines.sql, [id])]);
  return quote.rows[0] ? quoteView(quote.rows[0], lines.rows) : undefined;
}

export async function dashboard(pool) {
  const results = await Promise.all(queries.dashboard.map((q) => pool.query(q.sql, q.params)));
  return { figures: results.map((r) => r.rows), generatedAt: new Date().toISOString() };
}

/** undefined for a query the bench did not prepare. */
export async function search(pool, q) {
  const compiled = queries.search[q];
  if (!compiled) return undefined;
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(queries.similarity.sql, queries.similarity.params);
    const { rows } = await client.query(compiled.sql, compiled.params);
    await client.query('commit');
    return { items: rows.slice(0, 20).map(productView) };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** The API's idempotent create: the same one statement (customer, activity entry, completed Idempotency-Key). */
export async function createCustomer(pool, userId, key, body) {
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const values = { $user: userId, $name: body.name, $key: key, $fingerprint: fingerprint, $summary: `created customer ${body.name}` };
  try {
    const { rows } = await pool.query(queries.create.sql, queries.create.params.map((p) => (typeof p === 'string' && p in values ? values[p] : p)));
    return rows.length === 0 ? { status: 409 } : { status: 201, view: customerView(rows[0]) };
  } catch (error) {
    if (error.code === '23505') return { status: 409 };
    throw error;
  }
}
