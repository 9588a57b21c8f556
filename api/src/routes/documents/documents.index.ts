import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { documentsHandlers } from './documents.handlers.js';
import * as reviewRoutes from './documents.review.routes.js';
import * as routes from './documents.routes.js';

export function documentsRouter(deps: AppDeps) {
  const handlers = documentsHandlers(deps);
  return (
    createRouter()
      .openapi(routes.upload, handlers.upload)
      .openapi(routes.list, handlers.list)
      // Before `/{id}`: "recent" is not an id.
      .openapi(routes.recent, handlers.recent)
      .openapi(routes.get, handlers.get)
      .openapi(routes.file, handlers.file)
      .openapi(routes.remove, handlers.remove)
      .openapi(reviewRoutes.updateItem, handlers.updateItem)
      .openapi(reviewRoutes.createQuote, handlers.createQuote)
  );
}
