import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../db/schema.js';

export interface CustomerFields {
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  taxId: string | null;
  billingAddress: string | null;
  notes: string | null;
}

const toColumns = (fields: Partial<CustomerFields>) => ({
  ...(fields.name !== undefined ? { name: fields.name } : {}),
  ...(fields.email !== undefined ? { email: fields.email } : {}),
  ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
  ...(fields.company !== undefined ? { company: fields.company } : {}),
  ...(fields.taxId !== undefined ? { tax_id: fields.taxId } : {}),
  ...(fields.billingAddress !== undefined ? { billing_address: fields.billingAddress } : {}),
  ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
});

export function insertCustomer(db: Db, fields: CustomerFields, createdBy: string): Promise<CustomerRow> {
  return db
    .insertInto('customers')
    .values({ ...toColumns(fields), name: fields.name, created_by: createdBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findCustomer(db: Db, id: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Applies the change only if the row is still at `expectedVersion`; returns
 * undefined when it is not (the caller tells 404 from 412).
 */
export function updateCustomerAtVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<CustomerFields> & { archived?: boolean },
): Promise<CustomerRow | undefined> {
  return db
    .updateTable('customers')
    .set({
      ...toColumns(changes),
      ...(changes.archived === undefined ? {} : { archived_at: changes.archived ? new Date() : null }),
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Newest first; `q` matches name, email and company (trigram-indexed substring match). */
export function listCustomers(db: Db, options: { limit: number; q?: string; includeArchived: boolean; after?: [string, string] }) {
  let query = db
    .selectFrom('customers')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1);
  if (!options.includeArchived) query = query.where('archived_at', 'is', null);
  if (options.q) {
    const pattern = `%${options.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where(
      sql<boolean>`(name || ' ' || coalesce(email, '') || ' ' || coalesce(company, '')) ilike ${pattern}`,
    );
  }
  if (options.after) {
    const [createdAt, id] = options.after;
    query = query.where(sql<boolean>`(created_at, id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  return query.execute();
}

export function countCustomers(db: Db) {
  return db
    .selectFrom('customers')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('archived_at').as('archived'),
      sql<number>`count(*) filter (where created_at >= now() - interval '7 days')`.as('created_last_7_days'),
    ])
    .executeTakeFirstOrThrow();
}
