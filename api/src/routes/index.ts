import type { AppDeps } from '../deps.js';
import { activityRouter } from './activity/activity.index.js';
import { authRouter } from './auth/auth.index.js';
import { customersRouter } from './customers/customers.index.js';
import { systemRouter } from './system/system.index.js';
import { usersRouter } from './users/users.index.js';

/** Every router of the API, in the order the contract lists them. Add a resource here. */
export function routers(deps: AppDeps) {
  return [systemRouter(deps), authRouter(deps), usersRouter(deps), customersRouter(deps), activityRouter(deps)];
}
