import { pageFailure, signedInApi } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  try {
    const { data } = await api.call('getImport', { params: { path: { id: event.params.id } } });
    return { job: data };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
