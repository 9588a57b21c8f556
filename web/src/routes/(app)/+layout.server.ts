import { redirect } from '@sveltejs/kit';
import { loginUrl } from '$lib/server/failures';
import type { LayoutServerLoad } from './$types';

// Everything in (app) is for signed-in users; the dashboard and login are outside it.
export const load: LayoutServerLoad = async ({ parent, url }) => {
  const { user } = await parent();
  if (!user) redirect(303, loginUrl(url));
  return { user };
};
