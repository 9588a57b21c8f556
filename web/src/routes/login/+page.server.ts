import { fail, redirect } from '@sveltejs/kit';
import { shownProblem } from '$lib/problem';
import { requiredText } from '$lib/server/failures';
import { safeRedirectTarget } from '$lib/safe-redirect';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: only a path on this site. */
const nextPath = (url: URL) => safeRedirectTarget(url.searchParams.get('next'), url.origin);

export const load: PageServerLoad = async ({ parent, url }) => {
  const { user } = await parent();
  if (user) redirect(303, nextPath(url));
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const email = requiredText(form, 'email');
    const password = form.get('password');
    try {
      const { data } = await locals.api.call('login', {
        // The browser's address goes along as X-Forwarded-For (hooks.server.ts): the API's login limits must see the person, not this server.
        body: { email, password: typeof password === 'string' ? password : '' },
      });
      locals.session.start(data);
    } catch (cause) {
      const problem = shownProblem(cause);
      return fail(problem.status, { problem, email });
    }
    redirect(303, nextPath(url));
  },
};
