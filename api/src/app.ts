import { randomUUID } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from './deps.js';
import type { AppEnv, AppOpenAPI } from './http/app-env.js';
import { createRouter } from './http/router.js';
import { asDependencyProblem } from './lib/dependency-errors.js';
import { ProblemError, problems, titleFor } from './lib/problem.js';
import { methodsAllowedFor, refuseMethodsOfShadowedRoutes } from './http/allowed-methods.js';
import { registerContractDocument } from './openapi/document.js';
import { docsRouter } from './docs/swagger-ui.js';
import { routers } from './routes/index.js';
import { createTokenVerifier } from './auth/verify-request.js';
import { invalidatePublicStatistics } from './services/system/statistics.js';

/**
 * PostgreSQL text cannot hold U+0000, and no field of this API means anything
 * by it: a NUL in the query string or in a JSON body is a 400, not a 500.
 */
const rejectNulCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const query = url.indexOf('?');
  if (query >= 0 && url.indexOf('%00', query) >= 0) {
    throw problems.validation([{ path: 'query', message: 'Text must not contain NUL (U+0000) characters.', code: 'nul_character' }]);
  }
  if (/^application\/([a-z.+-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
    const body = await c.req.text();
    if (body.includes('\\u0000') || body.includes('\u0000')) {
      throw problems.validation([{ path: 'body', message: 'Text must not contain NUL (U+0000) characters.', code: 'nul_character' }]);
    }
  }
  await next();
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Builds the whole API — middleware, every router, the contract document and
 * Swagger UI — the same way for the server and for tests.
 */
export function createApp(deps: AppDeps): AppOpenAPI {
  const app = createRouter();
  const verifyAccessToken = createTokenVerifier(deps);

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('verifyAccessToken', verifyAccessToken);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    const answered = deps.metrics.requestStarted();
    try {
      await next();
    } finally {
      answered();
    }
    const seconds = (performance.now() - started) / 1000;
    // operationId is set by the matched route (defineRoute); requests outside the contract log `none`.
    const operation = c.var.operationId ?? 'none';
    deps.metrics.observeRequest({ operation, method: c.req.method, status: c.res.status }, seconds);
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        operationId: operation,
        userId: c.var.user?.id ?? null,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
      },
      'request',
    );
  });
  const corsHeaders = cors({
    origin: (origin) => (deps.config.CORS_ORIGINS.includes(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotency-Replayed'],
    allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
  // CORS concerns requests that carry an Origin (browsers). Hono's middleware writes its headers
  // onto a placeholder response before the handler runs, which makes every response be copied
  // (body stream included) when the handler sets its own: requests without an Origin skip it.
  app.use('*', async (c, next) => {
    if (c.req.header('origin') !== undefined) return corsHeaders(c, next);
    await next();
    // On the response's own headers: `c.header` after the handler would rebuild the response around its body.
    c.res.headers.append('Vary', 'Origin');
  });
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-site' }));
  app.use('/api/*', refuseMethodsOfShadowedRoutes(app));
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ProblemError({ status: 413, slug: 'body-too-large', detail: `The body exceeds ${maxSize} bytes.` });
      },
    });
  const defaultBodyLimit = limitBody(deps.config.BODY_LIMIT_BYTES);
  // Catalogue files are far larger than any JSON body: only their upload gets IMPORT_MAX_BYTES.
  const importBodyLimit = limitBody(deps.config.IMPORT_MAX_BYTES);
  // RFQ documents get DOCUMENT_MAX_BYTES and the multipart framing around the file; the service refuses a larger file with 413 too.
  const documentBodyLimit = limitBody(deps.config.DOCUMENT_MAX_BYTES + 64 * 1024);
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    // A GET, HEAD or OPTIONS body is never read; asking for it would only build a stream per request.
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    if (method === 'POST' && c.req.path === '/api/imports') return importBodyLimit(c, next);
    if (method === 'POST' && c.req.path === '/api/documents') return documentBodyLimit(c, next);
    return defaultBodyLimit(c, next);
  });

  app.use('/api/*', rejectNulCharacters);

  // The public statistics are cached for a few seconds; any write through the API drops them so that
  // the next read shows it (services/system/statistics.ts).
  app.use('/api/*', async (c, next) => {
    await next();
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS' && c.res.status < 400) await invalidatePublicStatistics(deps);
  });

  for (const router of routers(deps)) app.route('/', router);
  registerContractDocument(app, deps.config);
  app.route('/', docsRouter());

  app.notFound((c) => {
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
  });

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    if (error instanceof HTTPException) {
      const status = error.status;
      return problemResponse(
        c,
        new ProblemError({ status, slug: status === 415 ? 'unsupported-media-type' : 'http-error', detail: error.message || titleFor(status) }),
      );
    }
    const dependencyProblem = asDependencyProblem(error);
    if (dependencyProblem) {
      c.var.logger?.error({ err: error, dependency: dependencyProblem.extensions['dependency'] }, 'dependency unavailable');
      return problemResponse(c, dependencyProblem);
    }
    (c.var.logger ?? deps.logger).error({ err: error }, 'unhandled error');
    return problemResponse(
      c,
      new ProblemError({ status: 500, slug: 'internal', detail: `Unexpected error; quote request id ${c.var.requestId ?? 'n/a'} when reporting it.` }),
    );
  });

  return app;
}

function problemResponse(c: Context<AppEnv>, problem: ProblemError): Response {
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
