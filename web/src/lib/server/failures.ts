// Turning what the SDK throws into what SvelteKit shows: a failed form action
// (the problem next to the form), an error page, or the way to the login page.
import { UnauthorizedError } from '@nexus/sdk';
import { error, fail, redirect } from '@sveltejs/kit';
import { shownProblem, type ShownProblem } from '$lib/problem';

export function loginUrl(url: URL): string {
  return `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
}

/** In a form action: the problem for the page to show by the form, with whatever else it needs to redisplay. */
export function actionFailure<Extra extends object = Record<never, never>>(cause: unknown, url: URL, extra?: Extra) {
  if (cause instanceof UnauthorizedError) redirect(303, loginUrl(url));
  const problem = shownProblem(cause);
  return fail(problem.status, { problem, ...(extra ?? ({} as Extra)) });
}

/** In a load function: an error page with the problem's title and detail. */
export function pageFailure(cause: unknown, url: URL): never {
  if (cause instanceof UnauthorizedError) redirect(303, loginUrl(url));
  const problem = shownProblem(cause);
  error(problem.status, {
    message: problem.title,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.requestId ? { requestId: problem.requestId } : {}),
  });
}

/** For a section of a page that may fail alone (related products when the graph is down). */
export async function settle<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problem: ShownProblem }> {
  try {
    return { ok: true, value: await work };
  } catch (cause) {
    if (cause instanceof UnauthorizedError) throw cause;
    return { ok: false, problem: shownProblem(cause) };
  }
}

/** Form text: trimmed, with an empty field as `null` (the API's "clear this"). */
export function optionalText(form: FormData, name: string): string | null {
  const value = form.get(name);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function requiredText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The SDK for a page that needs a signed-in user: a visitor is sent to the login
 * page before any protected call is made (so the API never sees a call without a token).
 */
export function signedInApi(event: { locals: App.Locals; url: URL }) {
  if (!event.locals.session.signedIn) redirect(303, loginUrl(event.url));
  return event.locals.api;
}
