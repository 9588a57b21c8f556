import type { AppDeps } from '../../deps.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { findCustomer, insertCustomerOnce, listCustomers, updateCustomerAtVersion, type CustomerFields } from '../../repositories/customers.js';
import type { Caller } from '../caller.js';
import { createOnceInOneStatement, type Created } from '../idempotency.js';
import { updateExpectedVersion, type ExpectedVersion } from '../versions.js';
import { toCustomerView, type CustomerView } from './customer-view.js';

export type { CustomerView } from './customer-view.js';

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  taxId: 'tax id',
  billingAddress: 'billing address',
  notes: 'notes',
};

export type NewCustomerInput = { name: string } & { [K in Exclude<keyof CustomerFields, 'name'>]?: CustomerFields[K] | undefined };

/** The customer use cases: the list, creating, editing (at the version read), archiving and restoring. */
export function customersService(deps: Pick<AppDeps, 'db'>) {
  const { db } = deps;

  async function setArchived(caller: Caller, id: string, archived: boolean): Promise<CustomerView> {
    const row = await db.transaction().execute(async (trx) => {
      const current = await findCustomer(trx, id);
      if (!current) throw problems.notFound('The customer');
      if ((current.archived_at !== null) === archived) return current;
      const updated = await updateCustomerAtVersion(trx, id, current.version, { archived });
      if (!updated) throw problems.conflict('The customer changed at the same moment; try again.');
      await recordActivity(trx, {
        actorId: caller.id,
        action: archived ? 'customer.archived' : 'customer.restored',
        entityType: 'customer',
        entityId: id,
        summary: `${caller.name} ${archived ? 'archived' : 'restored'} customer ${updated.name}`,
      });
      return updated;
    });
    return toCustomerView(row);
  }

  return {
    async list(query: { limit: number; cursor?: string | undefined; q?: string | undefined; includeArchived: boolean }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listCustomers(db, {
        limit: query.limit,
        includeArchived: query.includeArchived,
        ...(query.q ? { q: query.q } : {}),
        ...(after ? { after } : {}),
      });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toCustomerView), nextCursor: page.nextCursor };
    },

    async get(id: string): Promise<CustomerView> {
      const row = await findCustomer(db, id);
      if (!row) throw problems.notFound('The customer');
      return toCustomerView(row);
    },

    create(caller: Caller, input: NewCustomerInput, idempotencyKey: string | undefined): Promise<Created<CustomerView>> {
      const fields: CustomerFields = {
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        company: input.company ?? null,
        taxId: input.taxId ?? null,
        billingAddress: input.billingAddress ?? null,
        notes: input.notes ?? null,
      };
      const activity = { action: 'customer.created', summary: `${caller.name} created customer ${input.name}` };
      // The hottest write: customer, activity entry and Idempotency-Key in one statement (one round trip).
      return createOnceInOneStatement(db, { userId: caller.id, key: idempotencyKey, operation: 'createCustomer', payload: input }, async (claim) => {
        const row = await insertCustomerOnce(db, { fields, createdBy: caller.id, activity, ...(claim ? { claim } : {}) });
        return row && toCustomerView(row);
      });
    },

    async update(caller: Caller, request: { id: string; expected: ExpectedVersion }, changes: Partial<CustomerFields>): Promise<CustomerView> {
      const { id } = request;
      const row = await db.transaction().execute(async (trx) => {
        const { after } = await updateExpectedVersion({
          what: 'The customer',
          expected: request.expected,
          read: () => findCustomer(trx, id),
          write: (current) => updateCustomerAtVersion(trx, id, current.version, changes),
        });
        const changed = Object.keys(changes).map((key) => FIELD_LABELS[key] ?? key);
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'customer.updated',
          entityType: 'customer',
          entityId: id,
          summary: `${caller.name} updated ${changed.length > 0 ? changed.join(', ') : 'nothing'} of customer ${after.name}`,
          details: { fields: Object.keys(changes) },
        });
        return after;
      });
      return toCustomerView(row);
    },

    archive: (caller: Caller, id: string) => setArchived(caller, id, true),
    restore: (caller: Caller, id: string) => setArchived(caller, id, false),
  };
}
