import { PreconditionFailedError, type Customer } from '@nexus/sdk';
import { fail } from '@sveltejs/kit';
import { readCustomerEdit } from '$lib/customer-form';
import { shownProblem } from '$lib/problem';
import { actionFailure, pageFailure, settle, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

/** What a 412 gives the page: the version saved in the meantime, and its ETag to reapply on. */
export interface Conflict {
  customer: Customer;
  etag: string;
}

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const id = event.params.id;
  try {
    const [{ data: customer, etag }, activity, quotes] = await Promise.all([
      api.call('getCustomer', { params: { path: { id } } }),
      settle(api.call('listActivity', { params: { query: { entityType: 'customer', entityId: id, limit: 20 } } }).then((r) => r.data)),
      settle(api.call('listQuotes', { params: { query: { customerId: id, limit: 10 } } }).then((r) => r.data)),
    ]);
    return { customer, etag, activity, quotes, created: event.url.searchParams.has('created') };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

export const actions: Actions = {
  update: async (event) => {
    const api = signedInApi(event);
    const id = event.params.id;
    const form = await event.request.formData();
    const etag = form.get('etag');
    const { values, opened, changes } = readCustomerEdit(form);
    if (Object.keys(changes).length === 0) return { saved: true, unchanged: true };
    try {
      await api.call('updateCustomer', { params: { path: { id }, header: { 'if-match': typeof etag === 'string' ? etag : '' } }, body: changes });
      return { saved: true, unchanged: false };
    } catch (cause) {
      if (cause instanceof PreconditionFailedError) {
        // Someone saved first: show what they saved next to what this person changed,
        // and let them reapply their changes on top of it (with its ETag) or take theirs.
        let conflict: Conflict;
        try {
          const { data, etag: currentEtag } = await api.call('getCustomer', { params: { path: { id } } });
          conflict = { customer: data, etag: currentEtag };
        } catch (reloadCause) {
          return actionFailure(reloadCause, event.url, { values, opened });
        }
        return fail(412, { problem: shownProblem(cause), values, opened, conflict });
      }
      return actionFailure(cause, event.url, { values, opened });
    }
  },
  archive: async (event) => {
    try {
      await signedInApi(event).call('archiveCustomer', { params: { path: { id: event.params.id } } });
      return { archived: true };
    } catch (cause) {
      return actionFailure(cause, event.url);
    }
  },
  restore: async (event) => {
    try {
      await signedInApi(event).call('restoreCustomer', { params: { path: { id: event.params.id } } });
      return { restored: true };
    } catch (cause) {
      return actionFailure(cause, event.url);
    }
  },
};
