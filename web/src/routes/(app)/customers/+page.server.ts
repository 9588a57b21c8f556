import { pageFailure, signedInApi } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const { searchParams } = event.url;
  const q = searchParams.get('q')?.trim() || undefined;
  const includeArchived = searchParams.get('archived') === 'on';
  const cursor = searchParams.get('cursor') || undefined;
  try {
    const { data } = await api.call('listCustomers', {
      params: { query: { limit: 25, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), includeArchived: includeArchived ? 'true' : 'false' } },
    });
    return { page: data, q: q ?? '', includeArchived };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
