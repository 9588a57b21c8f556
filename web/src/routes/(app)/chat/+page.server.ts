import { mayCall } from '@nexus/sdk';
import { redirect } from '@sveltejs/kit';
import { actionFailure, pageFailure, requiredText, settle, signedInApi } from '$lib/server/failures';
import { webConfig } from '$lib/server/config';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const { user } = await event.parent();
  const cursor = event.url.searchParams.get('cursor') || undefined;
  try {
    const [{ data: conversations }, people] = await Promise.all([
      api.call('listConversations', { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } }),
      // Whom a new conversation may include: the user list is for admins; others start one alone and are joined by an admin.
      mayCall(user.role, 'listUsers')
        ? settle(api.call('listUsers', { params: { query: { limit: 100 } } }).then(({ data }) => data.items.filter((u) => !u.disabled && u.id !== user.id)))
        : Promise.resolve(null),
    ]);
    return { conversations, people, chatConfigured: webConfig().chatUrl !== undefined };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};

export const actions: Actions = {
  create: async (event) => {
    const api = signedInApi(event);
    const form = await event.request.formData();
    const title = requiredText(form, 'title');
    const memberIds = form.getAll('memberIds').filter((value): value is string => typeof value === 'string');
    let id: string;
    try {
      const { data } = await api.call('createConversation', { body: { title, memberIds } });
      id = data.id;
    } catch (cause) {
      return actionFailure(cause, event.url, { title, memberIds });
    }
    redirect(303, `/chat/${id}`);
  },
};
