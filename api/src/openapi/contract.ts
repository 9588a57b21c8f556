import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { AppDeps } from '../deps.js';
import type { AppOpenAPI } from '../http/app-env.js';
import { createLogger } from '../lib/logger.js';
import { documentConfig } from './document.js';

/**
 * The contract document built from the route definitions alone. Handlers are
 * never invoked, so no datastore is connected: any attempt to use one fails.
 */
export function buildContractDocument(): ReturnType<AppOpenAPI['getOpenAPI31Document']> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const notConnected = new Proxy(
    {},
    {
      get(_, property) {
        throw new Error(`contract generation does not connect datastores (touched ${String(property)})`);
      },
    },
  );
  const deps = { config, logger: createLogger(config), db: notConnected, redis: notConnected, graph: null } as unknown as AppDeps;
  const app = createApp(deps);
  return app.getOpenAPI31Document(documentConfig(undefined));
}
