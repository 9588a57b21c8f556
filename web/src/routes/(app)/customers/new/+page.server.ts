import { redirect } from '@sveltejs/kit';
import { readNewCustomer } from '$lib/customer-form';
import { actionFailure, signedInApi } from '$lib/server/failures';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const api = signedInApi(event);
    const { values, body } = readNewCustomer(await event.request.formData());
    let id: string;
    try {
      ({
        data: { id },
      } = await api.call('createCustomer', { body }));
    } catch (cause) {
      return actionFailure(cause, event.url, { values });
    }
    redirect(303, `/customers/${id}?created=1`);
  },
};
