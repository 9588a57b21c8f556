import type { Hono, NotFoundHandler } from 'hono';
import { ProblemError, problems } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';
import { methodsAllowedFor } from './allowed-methods.js';
import { problemResponse } from './problem-response.js';

/** No route matched: 405 with `Allow` when the path is a resource answering other methods, else 404. */
export function notFoundOrMethodNotAllowed(app: Hono<any, any, any>): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = methodsAllowedFor(app, c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        new ProblemError({
          status: 405,
          slug: 'method-not-allowed',
          detail: `${c.req.method} is not supported here; use ${allowed.join(', ')}.`,
          headers: { Allow: allowed.join(', ') },
        }),
      );
    }
    return problemResponse(c, problems.notFound(`${c.req.path}`));
  };
}
