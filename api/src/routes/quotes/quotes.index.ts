import type { AppDeps } from '../../deps.js';
import { createRouter } from '../../http/router.js';
import { quotesHandlers } from './quotes.handlers.js';
import * as lineRoutes from './quotes.lines.routes.js';
import * as routes from './quotes.routes.js';

export function quotesRouter(deps: AppDeps) {
  const handlers = quotesHandlers(deps);
  return createRouter()
    .openapi(routes.list, handlers.list)
    .openapi(routes.create, handlers.create)
    .openapi(routes.get, handlers.get)
    .openapi(routes.update, handlers.update)
    .openapi(lineRoutes.addLine, handlers.addLine)
    .openapi(lineRoutes.updateLine, handlers.updateLine)
    .openapi(lineRoutes.removeLine, handlers.removeLine)
    .openapi(routes.transition, handlers.transition)
    .openapi(routes.revise, handlers.revise)
    .openapi(routes.pdf, handlers.pdf)
    .openapi(routes.suggestions, handlers.suggestions);
}
