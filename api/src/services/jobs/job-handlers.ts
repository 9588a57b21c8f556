import type { AppDeps } from '../../deps.js';
import { parseLimitsFrom } from '../../parsing/limits.js';
import { catalogueImportJobHandler } from '../catalogue/catalogue-imports.js';
import type { JobHandler } from './job-handler.js';

/** Every kind of background work the job queue runs. Add a handler here for a new kind (e.g. RFQ documents). */
export function jobHandlers(deps: Pick<AppDeps, 'db' | 'logger' | 'config'>): JobHandler[] {
  const { db, config } = deps;
  const logger = deps.logger.child({ worker: 'jobs' });
  return [catalogueImportJobHandler({ db, logger }, { defaultCurrency: config.CATALOGUE_DEFAULT_CURRENCY, parseLimits: parseLimitsFrom(config) })];
}
