import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { ProblemSchema, type Role } from './schemas.js';
import type { MiddlewareHandler } from 'hono';
import { authGuard } from './auth-guard.js';
import { problems } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';

/** A required body that is absent is a 400 naming it (the validators would otherwise see `{}`). */
const requireBody: MiddlewareHandler = async (c, next) => {
  // A file upload (CSV, XLSX, multipart) is its handler's to judge, empty or not; and it must not be
  // read here as text, which would corrupt binary content for the handler.
  const contentType = c.req.header('content-type');
  if (contentType && !/json/i.test(contentType)) return next();
  // JSON is read as text, as rejectNulCharacters has already done (Hono keeps it); JSON's whitespace is these four.
  const blank = contentType
    ? /^[ \t\n\r]*$/.test(await c.req.text())
    : new Uint8Array(await c.req.arrayBuffer()).every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
  if (blank) {
    throw problems.validation([{ path: 'body', message: 'A JSON request body is required.', code: 'required' }]);
  }
  await next();
};

/** Names the matched operation for the request log line and the metrics, and says whether it keeps the public statistics (app.ts). */
const nameOperation =
  (operationId: string, keepsPublicStatistics: boolean): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('operationId', operationId);
    if (keepsPublicStatistics) c.set('keepsPublicStatistics', true);
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
  /** Calls are budgeted per client address (the router attaches the limit): documents the 429. */
  rateLimited?: true;
  /**
   * A write that changes nothing the public statistics count (services/system/statistics.ts): its success
   * keeps their cache, instead of dropping it as every other write does (two cache calls per request).
   */
  keepsPublicStatistics?: true;
};

const header = (description: string) => ({ description, required: true, schema: { type: 'string' as const } });
const REQUEST_ID_HEADER = { 'X-Request-Id': header('Identifies this request in the server logs; quote it when reporting a problem.') };

const problem = (description: string, headers: Record<string, ReturnType<typeof header>> = {}) => ({
  description,
  headers: { ...REQUEST_ID_HEADER, ...headers },
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Every response of every operation carries X-Request-Id (set by the app's first middleware). */
function withRequestIdHeader<T extends Record<string, unknown>>(responses: T): T {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const r = response as { headers?: Record<string, unknown> };
      return [status, { ...r, headers: { ...REQUEST_ID_HEADER, ...r.headers } }];
    }),
  ) as T;
}

/**
 * Builds a route definition with the error responses every operation of its
 * kind can give, so that the contract documents them all, and attaches the
 * auth guard derived from its own `security`. The verifier is resolved per
 * request so that the contract can be generated without any running service.
 */
export function defineRoute<const R extends RouteInput>(input: R) {
  const { roles, rateLimited, keepsPublicStatistics, ...route } = input;
  const isProtected = route.security.length > 0;
  const hasInput = Boolean(route.request?.params || route.request?.query || route.request?.headers || route.request?.body);
  const hasBody = Boolean(route.request?.body);
  const errorResponses = {
    ...(hasInput ? { 400: problem('The request is malformed or fails validation; `errors[]` lists each field.') } : {}),
    ...(isProtected
      ? {
          401: problem('Missing, malformed, expired or invalid bearer token.', {
            'WWW-Authenticate': header('`Bearer` challenge naming the error (RFC 6750).'),
          }),
        }
      : {}),
    ...(isProtected && roles ? { 403: problem('Authenticated, but the role may not perform this operation.') } : {}),
    ...(hasBody ? { 413: problem('The request body is larger than allowed.') } : {}),
    ...(hasBody ? { 415: problem('The request body is not of a supported media type.') } : {}),
    ...(rateLimited
      ? {
          429: problem('Too many calls from this client address in the current window.', {
            'Retry-After': header('Seconds until the budget allows another call.'),
          }),
        }
      : {}),
    500: problem('Unexpected server error (logged with the request id).'),
    503: problem('A dependency (database, cache, graph) is unavailable; the problem names it in `dependency`.', {
      'Retry-After': header('Seconds to wait before retrying.'),
    }),
  };
  return createRoute({
    ...route,
    ...(roles && isProtected ? { [ROLES_EXTENSION]: [...roles] } : {}),
    security: route.security,
    middleware: [nameOperation(route.operationId, keepsPublicStatistics === true), ...(isProtected ? [authGuard(roles)] : []), ...(route.request?.body?.required ? [requireBody] : [])],
    responses: withRequestIdHeader({ ...errorResponses, ...route.responses }),
  } as unknown as R) as unknown as Omit<R, 'roles' | 'rateLimited' | 'keepsPublicStatistics'> & { getRoutingPath(): string };
}

