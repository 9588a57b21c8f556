import { fail, redirect } from '@sveltejs/kit';
import type { ShownProblem } from '$lib/problem';
import { percentToBasisPoints } from '$lib/format';
import { actionFailure, optionalText, pageFailure, requiredText, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  try {
    const { data } = await api.call('listCustomers', { params: { query: { limit: 100 } } });
    return { customers: data.items.map((c) => ({ id: c.id, name: c.name })), customerId: event.url.searchParams.get('customerId') ?? '' };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

export const actions: Actions = {
  default: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const values = {
      customerId: requiredText(form, 'customerId'),
      title: requiredText(form, 'title'),
      currency: requiredText(form, 'currency').toUpperCase(),
      taxRate: requiredText(form, 'taxRate'),
      validUntil: requiredText(form, 'validUntil'),
      notes: optionalText(form, 'notes') ?? '',
    };
    const taxRateBp = values.taxRate === '' ? undefined : percentToBasisPoints(values.taxRate);
    if (values.taxRate !== '' && taxRateBp === undefined) {
      const problem: ShownProblem = { status: 400, title: 'Check the tax rate', errors: [{ path: 'taxRate', message: 'A percentage from 0 to 100, like 9 or 7.5.' }] };
      return fail(400, { problem, values });
    }
    let id: string;
    try {
      const { data } = await api.call('createQuote', {
        body: {
          customerId: values.customerId,
          title: values.title,
          ...(values.currency ? { currency: values.currency } : {}),
          ...(taxRateBp !== undefined ? { taxRateBp } : {}),
          ...(values.validUntil ? { validUntil: values.validUntil } : {}),
          ...(values.notes ? { notes: values.notes } : {}),
        },
      });
      id = data.id;
    } catch (cause) {
      return actionFailure(cause, event.url, { values });
    }
    redirect(303, `/quotes/${id}`);
  },
};
