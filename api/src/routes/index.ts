import type { AppDeps } from '../deps.js';
import { activityRouter } from './activity/activity.index.js';
import { authRouter } from './auth/auth.index.js';
import { chatRouter } from './chat/chat.index.js';
import { customersRouter } from './customers/customers.index.js';
import { documentsRouter } from './documents/documents.index.js';
import { importsRouter } from './imports/imports.index.js';
import { productsRouter } from './products/products.index.js';
import { quotesRouter } from './quotes/quotes.index.js';
import { relationsRouter } from './relations/relations.index.js';
import { systemRouter } from './system/system.index.js';
import { tasksRouter } from './tasks/tasks.index.js';
import { usersRouter } from './users/users.index.js';

/** Every router of the API, in the order the contract lists them. Add a resource here. */
export function routers(deps: AppDeps) {
  return [
    systemRouter(deps),
    authRouter(deps),
    usersRouter(deps),
    customersRouter(deps),
    productsRouter(deps),
    tasksRouter(deps),
    relationsRouter(deps),
    importsRouter(deps),
    quotesRouter(deps),
    documentsRouter(deps),
    chatRouter(deps),
    activityRouter(deps),
  ];
}
