import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps.js';
import type { AppOpenAPI } from './http/app-env.js';
import { createRouter } from './http/router.js';
import { refuseMethodsOfShadowedRoutes } from './http/allowed-methods.js';
import { requestContext } from './http/request-context.js';
import { browserCors } from './http/browser-cors.js';
import { bodyLimits } from './http/body-limits.js';
import { rejectNulCharacters } from './http/reject-nul-characters.js';
import { invalidateStatisticsOnWrite } from './http/statistics-invalidation.js';
import { notFoundOrMethodNotAllowed } from './http/not-found.js';
import { problemErrorHandler } from './http/error-handler.js';
import { registerContractDocument } from './openapi/document.js';
import { docsRouter } from './docs/swagger-ui.js';
import { routers } from './routes/index.js';
import { createTokenVerifier } from './auth/verify-request.js';
import { invalidatePublicStatistics } from './services/system/statistics.js';

/** The methods the contract writes with; every other one is refused before a body is read. */
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Builds the whole API — middleware, every router, the contract document and
 * Swagger UI — the same way for the server and for tests. The order of the
 * steps is the order a request meets them.
 */
export function createApp(deps: AppDeps): AppOpenAPI {
  const app = createRouter();

  app.use('*', requestContext(deps, createTokenVerifier(deps)));
  app.use('*', browserCors(deps.config));
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-site' }));
  app.use('/api/*', refuseMethodsOfShadowedRoutes(app));
  // Reads, the bulk of the traffic, skip what only concerns a request body or a write.
  app.on(WRITE_METHODS, '/api/*', bodyLimits(deps.config));
  app.use('/api/*', rejectNulCharacters);
  // The cached public statistics (services/system/statistics.ts) drop on any write, so the next read shows it.
  app.on(WRITE_METHODS, '/api/*', invalidateStatisticsOnWrite(() => invalidatePublicStatistics(deps)));

  for (const router of routers(deps)) app.route('/', router);
  registerContractDocument(app, deps.config);
  app.route('/', docsRouter());

  app.notFound(notFoundOrMethodNotAllowed(app));
  app.onError(problemErrorHandler(deps.logger));

  return app;
}
