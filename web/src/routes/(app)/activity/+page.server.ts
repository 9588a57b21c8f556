import { pageFailure, signedInApi } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const { searchParams } = event.url;
  const entityType = searchParams.get('entityType')?.trim() || undefined;
  const cursor = searchParams.get('cursor') || undefined;
  try {
    const { data } = await api.call('listActivity', {
      params: { query: { limit: 50, ...(entityType ? { entityType } : {}), ...(cursor ? { cursor } : {}) } },
    });
    return { page: data, entityType: entityType ?? '' };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
