import type { AppDeps } from '../../deps.js';
import type { AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { createRouter } from '../../http/router.js';
import { activityFor } from '../../services/activity/activity-log.js';
import * as routes from './activity.routes.js';

export function activityRouter(deps: AppDeps) {
  const list: AppRouteHandler<routes.ListRoute> = async (c) => c.json(await activityFor(deps, currentUser(c), c.req.valid('query')), 200);
  return createRouter().openapi(routes.list, list);
}
