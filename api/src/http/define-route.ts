import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ProblemSchema, type Role } from './schemas.js';
import type { MiddlewareHandler } from 'hono';
import { authGuard } from './auth-guard.js';
import { problems } from '../lib/problem.js';

/** A required body that is absent is a 400 naming it (the validators would otherwise see `{}`). */
const requireBody: MiddlewareHandler = async (c, next) => {
  if ((await c.req.text()).trim() === '') {
    throw problems.validation([{ path: 'body', message: 'A JSON request body is required.', code: 'required' }]);
  }
  await next();
};

/**
 * Security declared by an operation. `[]` is public; `[{ bearerAuth: [] }]`
 * requires a valid access token. The auth guard reads exactly this.
 */
export type Security = [] | [{ bearerAuth: [] }];

export const PUBLIC: Security = [];
export const BEARER: Security = [{ bearerAuth: [] }];

/** Extension naming the roles allowed to call a protected operation (all roles when absent). */
export const ROLES_EXTENSION = 'x-nexus-roles';

type RouteInput = Omit<RouteConfig, 'security' | 'middleware'> & {
  operationId: string;
  summary: string;
  tags: [string, ...string[]];
  security: Security;
  /** Roles allowed to call it; only for protected operations. */
  roles?: readonly Role[];
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/**
 * Builds a route definition with the error responses every operation of its
 * kind can give, so that the contract documents them all, and attaches the
 * auth guard derived from its own `security`. The verifier is resolved per
 * request so that the contract can be generated without any running service.
 */
export function defineRoute<const R extends RouteInput>(input: R) {
  const { roles, ...route } = input;
  const isProtected = route.security.length > 0;
  const hasInput = Boolean(route.request?.params || route.request?.query || route.request?.headers || route.request?.body);
  const hasBody = Boolean(route.request?.body);
  const errorResponses = {
    ...(hasInput ? { 400: problem('The request is malformed or fails validation; `errors[]` lists each field.') } : {}),
    ...(isProtected
      ? { 401: problem('Missing, malformed, expired or invalid bearer token (with `WWW-Authenticate: Bearer`).') }
      : {}),
    ...(isProtected && roles ? { 403: problem('Authenticated, but the role may not perform this operation.') } : {}),
    ...(hasBody ? { 413: problem('The request body is larger than allowed.') } : {}),
    ...(hasBody ? { 415: problem('The request body is not of a supported media type.') } : {}),
    500: problem('Unexpected server error (logged with the request id).'),
    503: problem('A dependency (database, cache, graph) is unavailable.'),
  };
  return createRoute({
    ...route,
    ...(roles && isProtected ? { [ROLES_EXTENSION]: [...roles] } : {}),
    security: route.security,
    middleware: [...(isProtected ? [authGuard(roles)] : []), ...(route.request?.body?.required ? [requireBody] : [])],
    responses: { ...errorResponses, ...route.responses },
  } as unknown as R) as unknown as Omit<R, 'roles'> & { getRoutingPath(): string };
}

