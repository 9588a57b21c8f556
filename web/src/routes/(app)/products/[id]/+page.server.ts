import { pageFailure, settle, signedInApi } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = signedInApi(event);
  const id = event.params.id;
  try {
    const [{ data: product }, related] = await Promise.all([
      api.call('getProduct', { params: { path: { id } } }),
      // The graph may be down (503) while the catalogue is fine: that section says so alone.
      settle(api.call('getRelatedProducts', { params: { path: { id }, query: { limit: 8 } } }).then((r) => r.data)),
    ]);
    return { product, related };
  } catch (cause) {
    pageFailure(cause, event.url);
  }
};
