import { fail, redirect } from '@sveltejs/kit';
import { shownProblem } from '$lib/problem';
import { requiredText } from '$lib/server/failures';
import type { Actions, PageServerLoad } from './$types';

/** Where to go after signing in: only a path on this site. */
function nextPath(url: URL): string {
  const next = url.searchParams.get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export const load: PageServerLoad = async ({ parent, url }) => {
  const { user } = await parent();
  if (user) redirect(303, nextPath(url));
  return {};
};

export const actions: Actions = {
  default: async ({ request, locals, url, getClientAddress }) => {
    const form = await request.formData();
    const email = requiredText(form, 'email');
    const password = form.get('password');
    try {
      const { data } = await locals.api.call('login', {
        body: { email, password: typeof password === 'string' ? password : '' },
        // The API's per-address rate limit must see the person, not this server.
        headers: { 'x-forwarded-for': getClientAddress() },
      });
      locals.session.start(data);
    } catch (cause) {
      const problem = shownProblem(cause);
      return fail(problem.status, { problem, email });
    }
    redirect(303, nextPath(url));
  },
};
