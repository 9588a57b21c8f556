import type { Config } from '../config.js';
import type { AppOpenAPI } from '../http/app-env.js';

export const API_TITLE = 'Nexus API';
export const API_VERSION = '1.0.0';

const TAGS = [
  { name: 'System', description: 'Health, metrics and the public dashboard aggregates.' },
  { name: 'Auth', description: 'Login, token refresh and logout; JWKS for verifying access tokens.' },
  { name: 'Users', description: 'Staff accounts and roles (admin only).' },
  { name: 'Customers', description: 'The customers quotes are made for.' },
  { name: 'Products', description: 'The product catalogue: list, ranked search, and suggestions from the knowledge graph.' },
  { name: 'Tasks', description: 'Jobs people buy products for; a task\'s kit comes from the knowledge graph.' },
  { name: 'Relations', description: 'Typed relations between products (and products and tasks) that feed the knowledge graph.' },
  { name: 'Imports', description: 'Catalogue imports from CSV or XLSX, as durable background jobs.' },
  { name: 'Quotes', description: 'Priced quotes: lines, totals with tax, lifecycle (draft → sent → accepted | rejected), revisions, PDF, suggestions.' },
  { name: 'Documents', description: 'RFQ documents: upload, the requested items read from them and matched to the catalogue, review, and the draft quote made from them.' },
  { name: 'Activity', description: 'Who did what, newest first.' },
];

/** The contract document's top level: the same object is served and written to openapi/openapi.json. */
export function documentConfig(config: Pick<Config, 'PUBLIC_API_URL'> | undefined) {
  return {
    openapi: '3.1.0',
    info: {
      title: API_TITLE,
      version: API_VERSION,
      description:
        'The Nexus B2B quotation API. Every operation declares its own `security`: public ones take no credentials; ' +
        'protected ones need `Authorization: Bearer <access token>` from `POST /api/auth/login`. ' +
        'Errors are RFC 9457 `application/problem+json`. ' +
        'Text may not contain the NUL character (U+0000): such a request is refused with 400.',
    },
    servers: [{ url: config?.PUBLIC_API_URL ?? '/', description: 'This server' }],
    tags: TAGS,
  };
}

/** Registers the bearer scheme and serves the document at /openapi.json. */
export function registerContractDocument(app: AppOpenAPI, config: Config) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Access token from `POST /api/auth/login` (EdDSA-signed JWT, 15 minutes).',
  });
  app.get('/openapi.json', (c) => c.json(app.getOpenAPI31Document(documentConfig(config))));
}
