import type { Context } from 'hono';
import type { ProblemError } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';

/** The problem+json answer for `problem`, carrying the request id and the CORS headers already set. */
export function problemResponse(c: Context<AppEnv>, problem: ProblemError): Response {
  const instance = c.var.requestId ? `urn:nexus:request:${c.var.requestId}` : c.req.path;
  const headers = new Headers({ 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
  for (const [name, value] of Object.entries(problem.headers)) headers.set(name, value);
  if (c.var.requestId) headers.set('X-Request-Id', c.var.requestId);
  // Keep CORS headers already set by the middleware so browsers can read the problem.
  for (const name of ['Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'Vary']) {
    const value = c.res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(JSON.stringify(problem.toProblem(instance)), { status: problem.status, headers });
}
