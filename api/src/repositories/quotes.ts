import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import { executePrepared } from '../db/prepared-statements.js';
import type { Database, QuoteLineRow, QuoteRow } from '../db/schema.js';
import type { QuoteStatus } from '../domain/quotes/lifecycle.js';

/**
 * Quotes and their lines. Every write here runs inside the caller's
 * transaction; handlers lock the quote row (`forUpdate`) before changing it
 * or its lines, so concurrent edits of one quote happen one after the other.
 */

/** A quote row with its customer's name (dates as `YYYY-MM-DD` text). */
export type QuoteRecord = QuoteRow & { customer_name: string };

const QUOTE_COLUMNS = [
  'quotes.id',
  'quotes.number',
  'quotes.revision',
  'quotes.revision_of',
  'quotes.customer_id',
  'quotes.title',
  'quotes.currency',
  'quotes.tax_rate_bp',
  'quotes.notes',
  'quotes.status',
  'quotes.subtotal_minor',
  'quotes.tax_minor',
  'quotes.total_minor',
  'quotes.status_changed_at',
  'quotes.sent_at',
  'quotes.version',
  'quotes.created_by',
  'quotes.created_at',
  'quotes.updated_at',
] as const;

function selectQuotes(db: Db) {
  return db
    .selectFrom('quotes')
    .innerJoin('customers', 'customers.id', 'quotes.customer_id')
    .select(QUOTE_COLUMNS)
    .select([sql<string>`to_char(quotes.valid_until, 'YYYY-MM-DD')`.as('valid_until'), 'customers.name as customer_name']);
}

type QuoteQuery = ReturnType<typeof selectQuotes>;

export function findQuote(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<QuoteRecord | undefined> {
  let query: QuoteQuery = selectQuotes(db).where('quotes.id', '=', id);
  if (options.forUpdate) query = query.forUpdate(['quotes']);
  return executePrepared(db, query.compile()).then(([row]) => row as QuoteRecord | undefined);
}

export function listQuoteLines(db: Db, quoteId: string): Promise<QuoteLineRow[]> {
  return executePrepared(db, db.selectFrom('quote_lines').selectAll().where('quote_id', '=', quoteId).orderBy('position').compile());
}

export interface QuoteListFilters {
  status?: QuoteStatus;
  customerId?: string;
  /** Inclusive calendar dates (`YYYY-MM-DD`) of creation in `timeZone`. */
  createdFrom?: string;
  createdTo?: string;
  timeZone: string;
}

/** Newest first, keyset-paginated on (created_at, id). */
export function listQuotes(db: Db, options: { limit: number; after?: [string, string]; filters: QuoteListFilters }): Promise<QuoteRecord[]> {
  const { filters } = options;
  let query: QuoteQuery = selectQuotes(db)
    .orderBy('quotes.created_at', 'desc')
    .orderBy('quotes.id', 'desc')
    .limit(options.limit + 1);
  if (filters.status) query = query.where('quotes.status', '=', filters.status);
  if (filters.customerId) query = query.where('quotes.customer_id', '=', filters.customerId);
  if (filters.createdFrom) {
    query = query.where(sql<boolean>`quotes.created_at >= (${filters.createdFrom}::date)::timestamp at time zone ${filters.timeZone}`);
  }
  if (filters.createdTo) {
    query = query.where(sql<boolean>`quotes.created_at < (${filters.createdTo}::date + 1)::timestamp at time zone ${filters.timeZone}`);
  }
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(quotes.created_at, quotes.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute() as Promise<QuoteRecord[]>;
}

/**
 * The next number of `year`, taken from the counter row in the caller's
 * transaction: concurrent creators queue on the row lock, and a rollback
 * returns the number, so numbers have no gaps.
 */
export async function takeQuoteNumber(trx: Db, year: number): Promise<number> {
  const row = await trx
    .insertInto('quote_number_counters')
    .values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_number: sql<number>`quote_number_counters.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}

/** The next revision of a quote number; serialised per number by a transaction-scoped advisory lock. */
export async function takeRevision(trx: Db, number: string): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext(${`nexus.quote-revision:${number}`}))`.execute(trx);
  const row = await trx
    .selectFrom('quotes')
    .select(sql<number>`coalesce(max(revision), 0) + 1`.as('next'))
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

export interface NewQuote {
  number: string;
  revision: number;
  revisionOf: string | null;
  customerId: string;
  title: string;
  currency: string;
  taxRateBp: number;
  validUntil: string;
  notes: string | null;
  createdBy: string;
  totals?: { subtotalMinor: number; taxMinor: number; totalMinor: number };
}

export async function insertQuote(trx: Db, quote: NewQuote): Promise<string> {
  const row = await trx
    .insertInto('quotes')
    .values({
      number: quote.number,
      revision: quote.revision,
      revision_of: quote.revisionOf,
      customer_id: quote.customerId,
      title: quote.title,
      currency: quote.currency,
      tax_rate_bp: quote.taxRateBp,
      valid_until: quote.validUntil,
      notes: quote.notes,
      created_by: quote.createdBy,
      ...(quote.totals
        ? { subtotal_minor: quote.totals.subtotalMinor, tax_minor: quote.totals.taxMinor, total_minor: quote.totals.totalMinor }
        : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface QuoteChanges {
  customerId?: string;
  title?: string;
  currency?: string;
  taxRateBp?: number;
  validUntil?: string;
  notes?: string | null;
  status?: QuoteStatus;
  sentAt?: Date;
  totals?: { subtotalMinor: number; taxMinor: number; totalMinor: number };
}

/** Applies the changes and bumps the version (the ETag): every change of a quote or its lines goes through here. */
export async function updateQuote(trx: Db, id: string, changes: QuoteChanges): Promise<void> {
  await trx
    .updateTable('quotes')
    .set({
      ...(changes.customerId !== undefined ? { customer_id: changes.customerId } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.currency !== undefined ? { currency: changes.currency } : {}),
      ...(changes.taxRateBp !== undefined ? { tax_rate_bp: changes.taxRateBp } : {}),
      ...(changes.validUntil !== undefined ? { valid_until: changes.validUntil } : {}),
      ...(changes.notes !== undefined ? { notes: changes.notes } : {}),
      ...(changes.status !== undefined ? { status: changes.status, status_changed_at: sql<Date>`date_trunc('milliseconds', now())` } : {}),
      ...(changes.sentAt !== undefined ? { sent_at: changes.sentAt } : {}),
      ...(changes.totals !== undefined
        ? { subtotal_minor: changes.totals.subtotalMinor, tax_minor: changes.totals.taxMinor, total_minor: changes.totals.totalMinor }
        : {}),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`date_trunc('milliseconds', now())`,
    })
    .where('id', '=', id)
    .execute();
}

export interface NewQuoteLine {
  productId: string | null;
  sku: string | null;
  description: string;
  /** Exact decimal text. */
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  discountBp: number;
  lineTotalMinor: number;
}

/** Appends a line after the quote's last one. */
export function insertQuoteLine(trx: Db, quoteId: string, line: NewQuoteLine): Promise<QuoteLineRow> {
  return trx
    .insertInto('quote_lines')
    .values((eb: ExpressionBuilder<Database, 'quote_lines'>) => ({
      quote_id: quoteId,
      position: eb
        .selectFrom('quote_lines')
        .select(sql<number>`coalesce(max(position), 0) + 1`.as('next'))
        .where('quote_id', '=', quoteId) as unknown as SelectQueryBuilder<Database, 'quote_lines', { next: number }>,
      product_id: line.productId,
      sku: line.sku,
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unit_price_minor: line.unitPriceMinor,
      discount_bp: line.discountBp,
      line_total_minor: line.lineTotalMinor,
    }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type QuoteLineChanges = Partial<Omit<NewQuoteLine, 'productId' | 'sku'>>;

export function updateQuoteLine(trx: Db, quoteId: string, lineId: string, changes: QuoteLineChanges): Promise<QuoteLineRow | undefined> {
  return trx
    .updateTable('quote_lines')
    .set({
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.quantity !== undefined ? { quantity: changes.quantity } : {}),
      ...(changes.unit !== undefined ? { unit: changes.unit } : {}),
      ...(changes.unitPriceMinor !== undefined ? { unit_price_minor: changes.unitPriceMinor } : {}),
      ...(changes.discountBp !== undefined ? { discount_bp: changes.discountBp } : {}),
      ...(changes.lineTotalMinor !== undefined ? { line_total_minor: changes.lineTotalMinor } : {}),
      updated_at: sql<Date>`date_trunc('milliseconds', now())`,
    })
    .where('quote_id', '=', quoteId)
    .where('id', '=', lineId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteQuoteLine(trx: Db, quoteId: string, lineId: string): Promise<boolean> {
  const row = await trx.deleteFrom('quote_lines').where('quote_id', '=', quoteId).where('id', '=', lineId).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Copies every line of one quote onto another (a revision), prices as they were. */
export async function copyQuoteLines(trx: Db, fromQuoteId: string, toQuoteId: string): Promise<void> {
  await sql`
    insert into quote_lines (quote_id, position, product_id, sku, description, quantity, unit, unit_price_minor, discount_bp, line_total_minor)
    select ${toQuoteId}::uuid, position, product_id, sku, description, quantity, unit, unit_price_minor, discount_bp, line_total_minor
    from quote_lines where quote_id = ${fromQuoteId}::uuid`.execute(trx);
}

export interface ExpiredQuote {
  id: string;
  number: string;
  revision: number;
  valid_until: string;
  previous_status: QuoteStatus;
  version: number;
}

/**
 * Moves draft and sent quotes whose validity date is before `today` to
 * expired (all of them, or only `ids`). Safe to run concurrently: a row is
 * expired by exactly one caller.
 */
export async function expireDueQuotes(trx: Db, today: string, ids?: readonly string[]): Promise<ExpiredQuote[]> {
  if (ids && ids.length === 0) return [];
  const onlyIds = ids ? sql`and id = any(${[...ids]}::uuid[])` : sql``;
  const result = await sql<ExpiredQuote>`
    with due as (
      select id, status from quotes
      where status in ('draft', 'sent') and valid_until < ${today}::date ${onlyIds}
      for update
    )
    update quotes as q
    set status = 'expired',
        status_changed_at = date_trunc('milliseconds', now()),
        updated_at = date_trunc('milliseconds', now()),
        version = q.version + 1
    from due
    where q.id = due.id
    returning q.id, q.number, q.revision, to_char(q.valid_until, 'YYYY-MM-DD') as valid_until, due.status as previous_status, q.version`.execute(trx);
  return result.rows;
}

/** Whether any (or any of `ids`) draft or sent quote is past its validity date: the cheap check before expiring. */
export async function hasDueQuotes(db: Db, today: string, ids?: readonly string[]): Promise<boolean> {
  if (ids && ids.length === 0) return false;
  let query = db
    .selectFrom('quotes')
    .select('id')
    .where('status', 'in', ['draft', 'sent'])
    .where(sql<boolean>`valid_until < ${today}::date`)
    .limit(1);
  if (ids) query = query.where('id', 'in', [...ids]);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Product ids on each earlier sent revision of `number` (for counting QUOTED_WITH once per deal). */
export async function productSetsOfSentRevisions(db: Db, number: string, exceptQuoteId: string): Promise<string[][]> {
  const rows = await db
    .selectFrom('quotes')
    .innerJoin('quote_lines', 'quote_lines.quote_id', 'quotes.id')
    .select(['quotes.id', sql<string[]>`array_agg(distinct quote_lines.product_id)`.as('products')])
    .where('quotes.number', '=', number)
    .where('quotes.id', '<>', exceptQuoteId)
    .where('quotes.sent_at', 'is not', null)
    .where('quote_lines.product_id', 'is not', null)
    .groupBy('quotes.id')
    .execute();
  return rows.map((row) => row.products);
}

/** The quote with this number: the given revision, or the newest one. */
export function findQuoteByNumber(db: Db, number: string, revision: number | null): Promise<QuoteRecord | undefined> {
  let query: QuoteQuery = selectQuotes(db).where('quotes.number', '=', number);
  if (revision !== null) query = query.where('quotes.revision', '=', revision);
  return query.orderBy('quotes.revision', 'desc').limit(1).executeTakeFirst() as Promise<QuoteRecord | undefined>;
}
