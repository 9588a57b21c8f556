import type { AppDeps } from '../../deps.js';
import { parseLimitsFrom, type ParseLimits } from '../../parsing/limits.js';
import type { ResidentParser } from '../../parsing/resident-parser.js';
import { catalogueImportJobHandler } from '../catalogue/catalogue-imports.js';
import { documentJobHandler } from '../documents/document-job.js';
import type { JobHandler } from './job-handler.js';

/** Every kind of background work the job queue runs. Add a handler here for a new kind (e.g. RFQ documents). */
export function jobHandlers(
  deps: Pick<AppDeps, 'db' | 'logger' | 'config'>,
  hooks: { documentEnded?: () => void; documentParser?: ResidentParser<'rfq-document'> } = {},
): JobHandler[] {
  const { db, config } = deps;
  const logger = deps.logger.child({ worker: 'jobs' });
  const parseLimits = parseLimitsFrom(config);
  return [
    catalogueImportJobHandler({ db, logger }, { defaultCurrency: config.CATALOGUE_DEFAULT_CURRENCY, parseLimits }),
    documentJobHandler(
      { db, logger },
      {
        parseLimits: documentParseLimits(config),
        ...(hooks.documentEnded ? { onEnded: hooks.documentEnded } : {}),
        ...(hooks.documentParser ? { parser: hooks.documentParser } : {}),
      },
    ),
  ];
}

/** The limits an RFQ document is read under: the PARSE_* limits, with a larger heap for pdf.js. */
export function documentParseLimits(config: AppDeps['config']): ParseLimits {
  return { ...parseLimitsFrom(config), maxHeapMb: config.DOCUMENT_PARSE_MAX_HEAP_MB };
}
