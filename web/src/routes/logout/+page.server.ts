import { UnauthorizedError } from '@nexus/sdk';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals }) => {
    if (locals.session.signedIn) {
      try {
        await locals.api.call('logout');
      } catch (cause) {
        // Already over on the API's side, or the API is down: forget it here all the same.
        if (!(cause instanceof UnauthorizedError)) console.error('nexus web: logout:', cause);
      }
    }
    locals.session.end();
    redirect(303, '/');
  },
};
