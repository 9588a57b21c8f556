import { pageFailure, signedInApi } from '$lib/server/failures';
import { webConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

/** Messages the page opens with; earlier ones are read on request, later ones arrive live. */
const NEWEST = 50;

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const id = event.params.id;
  try {
    const [{ data: conversation }, { data: conversations }] = await Promise.all([
      api.call('getConversation', { params: { path: { id } } }),
      api.call('listConversations', { params: { query: { limit: 50 } } }),
    ]);
    const after = Math.max(0, conversation.lastSeq - NEWEST);
    const { data: messages } = await api.call('listMessages', { params: { path: { id }, query: { after, limit: NEWEST } } });
    return { conversation, conversations, messages: messages.items, chatUrl: webConfig().chatUrl ?? null };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
