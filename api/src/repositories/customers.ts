import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { CustomerRow } from '../db/schema.js';
import type { IdempotencyClaim } from './idempotency.js';
import { executePrepared } from '../db/prepared-statements.js';

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

/** `timestamptz` → the API's ISO 8601 form, as `Date#toISOString` writes it (timestamps are kept at milliseconds). */
const isoOf = (column: string) => sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The customer as the API shows it (services/customers/customer-view.ts), built by PostgreSQL: the result an
 * Idempotency-Key stores with the row it creates. test/customers.test.ts pins that a replay equals the first answer.
 */
const customerViewJson = sql`jsonb_build_object(
    'id', customer.id, 'name', customer.name, 'email', customer.email, 'phone', customer.phone, 'company', customer.company,
    'taxId', customer.tax_id, 'billingAddress', customer.billing_address, 'notes', customer.notes,
    'archived', customer.archived_at is not null, 'archivedAt', ${isoOf('customer.archived_at')}, 'version', customer.version,
    'createdAt', ${isoOf('customer.created_at')}, 'updatedAt', ${isoOf('customer.updated_at')})`;

/**
 * Creates a customer with its activity entry and, given a claim, its Idempotency-Key already completed with the
 * customer's view: one statement, so one round trip, atomic without a transaction around it. Undefined when the
 * key is stored already (nothing is written). A key claimed by a concurrent statement makes this one wait for it
 * and then fail on the key's primary key (services/idempotency.ts replays then): a customer is never created twice.
 */
export async function insertCustomerOnce(
  db: Db,
  input: { fields: CustomerFields; createdBy: string; activity: { action: string; summary: string }; claim?: IdempotencyClaim },
): Promise<CustomerRow | undefined> {
  const { fields, createdBy, activity, claim } = input;
  const unclaimed = claim
    ? sql`where not exists (select 1 from idempotency_keys where user_id = ${claim.userId}::uuid and key = ${claim.key})`
    : sql``;
  const storeKey = claim
    ? sql`, stored_key as (
      insert into idempotency_keys (user_id, key, operation, fingerprint, status, body, headers)
      select ${claim.userId}::uuid, ${claim.key}, ${claim.operation}, ${claim.fingerprint}, 201, ${customerViewJson}, '{}'::jsonb
      from customer)`
    : sql``;
  const statement = sql<CustomerRow>`
    with customer as (
      insert into customers (name, email, phone, company, tax_id, billing_address, notes, created_by)
      select ${fields.name}::text, ${fields.email}::text, ${fields.phone}::text, ${fields.company}::text,
             ${fields.taxId}::text, ${fields.billingAddress}::text, ${fields.notes}::text, ${createdBy}::uuid
      ${unclaimed}
      returning *
    ), entry as (
      insert into activity (actor_id, action, entity_type, entity_id, summary)
      select ${createdBy}::uuid, ${activity.action}, 'customer', customer.id, ${activity.summary} from customer
    )${storeKey}
    select * from customer`;
  // Two texts (with and without a key): prepared, PostgreSQL plans the four inserts once per connection.
  const [row] = await executePrepared(db, statement.compile(db));
  return row;
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
  // Pages are prepared (their plan is the index order whatever the values); a text search is planned for its pattern.
  return options.q ? query.execute() : executePrepared(db, query.compile());
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
