import type { Hono, NotFoundHandler } from 'hono';
import { problems } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';
import { methodsAllowedFor } from './allowed-methods.js';
import { problemResponse } from './problem-response.js';

/** No route matched: 405 with `Allow` when the path is a resource answering other methods, else 404. */
export function notFoundOrMethodNotAllowed(app: Hono<any, any, any>): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = methodsAllowedFor(app, c.req.path);
    if (allowed.length > 0) return problemResponse(c, problems.methodNotAllowed(c.req.method, allowed));
    return problemResponse(c, problems.notFound(`${c.req.path}`));
  };
}
