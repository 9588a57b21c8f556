import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { ifMatchAccepts } from '../../http/if-match.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { findCustomer, insertCustomer, listCustomers, updateCustomerAtVersion } from '../../repositories/customers.js';
import { createOnce } from '../../services/idempotency.js';
import { setCreatedHeaders } from '../../http/created.js';
import { etagOf, toCustomer } from './customers.schemas.js';
import type { ArchiveRoute, CreateRoute, GetRoute, ListRoute, RestoreRoute, UpdateRoute } from './customers.routes.js';

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  company: 'company',
  taxId: 'tax id',
  billingAddress: 'billing address',
  notes: 'notes',
};

export function customersHandlers(deps: AppDeps) {
  const list: AppRouteHandler<ListRoute> = async (c) => {
    const { limit, cursor, q, includeArchived } = c.req.valid('query');
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listCustomers(deps.db, { limit, includeArchived, ...(q ? { q } : {}), ...(after ? { after } : {}) });
    const page = paginate(rows, limit);
    return c.json({ items: page.items.map(toCustomer), nextCursor: page.nextCursor }, 200);
  };

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const input = c.req.valid('json');
    const result = await createOnce(
      deps.db,
      { userId: actor.id, key: c.req.valid('header')['idempotency-key'], operation: 'createCustomer', payload: input },
      async (trx) => {
        const row = await insertCustomer(
          trx,
          {
            name: input.name,
            email: input.email ?? null,
            phone: input.phone ?? null,
            company: input.company ?? null,
            taxId: input.taxId ?? null,
            billingAddress: input.billingAddress ?? null,
            notes: input.notes ?? null,
          },
          actor.id,
        );
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'customer.created',
          entityType: 'customer',
          entityId: row.id,
          summary: `${actor.name} created customer ${row.name}`,
        });
        return toCustomer(row);
      },
    );
    setCreatedHeaders(c, result, { location: `/api/customers/${result.value.id}`, etag: etagOf(result.value) });
    return c.json(result.value, 201);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const row = await findCustomer(deps.db, c.req.valid('param').id);
    if (!row) throw problems.notFound('The customer');
    c.header('ETag', etagOf(row));
    return c.json(toCustomer(row), 200);
  };

  const update: AppRouteHandler<UpdateRoute> = async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const ifMatch = c.req.valid('header')['if-match'];
    const changes = c.req.valid('json');
    const row = await deps.db.transaction().execute(async (trx) => {
      const current = await findCustomer(trx, id);
      if (!current) throw problems.notFound('The customer');
      if (!ifMatchAccepts(ifMatch, current.version)) {
        throw problems.preconditionFailed(`The customer is at version ${current.version}; reload it and apply your change again.`);
      }
      // Guarded by version: of two concurrent writers holding the same ETag, exactly one wins.
      const updated = await updateCustomerAtVersion(trx, id, current.version, changes);
      if (!updated) throw problems.preconditionFailed('The customer changed while you were saving; reload it and apply your change again.');
      const changed = Object.keys(changes).map((key) => FIELD_LABELS[key] ?? key);
      await recordActivity(trx, {
        actorId: actor.id,
        action: 'customer.updated',
        entityType: 'customer',
        entityId: id,
        summary: `${actor.name} updated ${changed.length > 0 ? changed.join(', ') : 'nothing'} of customer ${updated.name}`,
        details: { fields: Object.keys(changes) },
      });
      return updated;
    });
    c.header('ETag', etagOf(row));
    return c.json(toCustomer(row), 200);
  };

  const setArchived = (archived: boolean): AppRouteHandler<ArchiveRoute | RestoreRoute> => async (c) => {
    const actor = currentUser(c);
    const { id } = c.req.valid('param');
    const row = await deps.db.transaction().execute(async (trx) => {
      const current = await findCustomer(trx, id);
      if (!current) throw problems.notFound('The customer');
      if ((current.archived_at !== null) === archived) return current;
      const updated = await updateCustomerAtVersion(trx, id, current.version, { archived });
      if (!updated) throw problems.conflict('The customer changed at the same moment; try again.');
      await recordActivity(trx, {
        actorId: actor.id,
        action: archived ? 'customer.archived' : 'customer.restored',
        entityType: 'customer',
        entityId: id,
        summary: `${actor.name} ${archived ? 'archived' : 'restored'} customer ${updated.name}`,
      });
      return updated;
    });
    c.header('ETag', etagOf(row));
    return c.json(toCustomer(row), 200);
  };

  return { list, create, get, update, archive: setArchived(true), restore: setArchived(false) };
}
