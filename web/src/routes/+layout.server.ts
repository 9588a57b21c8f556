import { UnauthorizedError, type User } from '@nexus/sdk';
import { sectionsFor } from '$lib/navigation';
import { pageFailure } from '$lib/server/failures';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
  let user: User | null = null;
  // A visitor's pages make no protected call at all: no 401 anywhere.
  if (locals.session.signedIn) {
    try {
      user = (await locals.api.call('getCurrentUser')).data;
    } catch (cause) {
      if (!(cause instanceof UnauthorizedError)) pageFailure(cause, url);
      locals.session.end();
    }
  }
  return { user, sections: sectionsFor(user) };
};
