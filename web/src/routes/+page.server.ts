import { mayCall } from '@nexus/sdk';
import { settle } from '$lib/server/failures';
import type { PageServerLoad } from './$types';

// Public: both figures' operations are declared public, so the SDK sends no
// credentials, whoever is looking. Either may fail alone (a datastore down): the
// page says so where the numbers would be, and shows the rest. A signed-in user
// whose role may read documents also sees the latest ones.
export const load: PageServerLoad = async ({ locals, parent }) => {
  const { user } = await parent();
  const [dashboard, health, recentDocuments] = await Promise.all([
    settle(locals.api.call('getDashboard').then((r) => r.data)),
    settle(locals.api.call('getHealth', { retry: false }).then((r) => r.data)),
    user && mayCall(user.role, 'listRecentDocuments')
      ? settle(locals.api.call('listRecentDocuments', { params: { query: { limit: 5 } } }).then((r) => r.data.items))
      : null,
  ]);
  return { dashboard, health, recentDocuments };
};
