import { settle } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

// Public: both operations are declared public, so the SDK sends no credentials,
// whoever is looking. Either may fail alone (a datastore down): the page says so
// where the numbers would be, and shows the rest.
export const load: PageServerLoad = async ({ locals }) => {
  const [dashboard, health] = await Promise.all([
    settle(locals.api.call('getDashboard').then((r) => r.data)),
    settle(locals.api.call('getHealth', { retry: false }).then((r) => r.data)),
  ]);
  return { dashboard, health };
};
