import type { Role } from '@nexus/sdk';
import { actionFailure, pageFailure, requiredText, signedInApi } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const cursor = event.url.searchParams.get('cursor') || undefined;
  try {
    const { data } = await api.call('listUsers', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } });
    return { page: data };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

/** The role as submitted: the API checks it against the contract and answers 400 naming the field, never a guessed role. */
const roleOf = (value: string) => value as Role;

export const actions: Actions = {
  create: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const values = { email: requiredText(form, 'email'), name: requiredText(form, 'name'), role: requiredText(form, 'role') };
    const password = form.get('password');
    try {
      const { data } = await api.call('createUser', {
        body: { email: values.email, name: values.name, role: roleOf(values.role), password: typeof password === 'string' ? password : '' },
      });
      return { created: data };
    } catch (cause) {
      return actionFailure(cause, event.url, { values });
    }
  },
  update: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const id = requiredText(form, 'id');
    try {
      // The version this admin saw: if another admin saved first, the API refuses (412) rather than overwrite.
      const { data } = await api.call('updateUser', {
        params: { path: { id }, header: { 'if-match': `"${requiredText(form, 'version')}"` } },
        body: { role: roleOf(requiredText(form, 'role')), disabled: form.get('disabled') === 'on' },
      });
      return { updated: data };
    } catch (cause) {
      return actionFailure(cause, event.url, { updateId: id });
    }
  },
};
