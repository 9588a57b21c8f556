import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { ProblemError } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';

const limitBody = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new ProblemError({ status: 413, slug: 'body-too-large', detail: `The body exceeds ${maxSize} bytes.` });
    },
  });

/** The largest body each operation takes (413 beyond it): `BODY_LIMIT_BYTES`, except for the two file uploads. */
export function bodyLimits(config: Pick<Config, 'BODY_LIMIT_BYTES' | 'IMPORT_MAX_BYTES' | 'DOCUMENT_MAX_BYTES'>): MiddlewareHandler<AppEnv> {
  const defaultBodyLimit = limitBody(config.BODY_LIMIT_BYTES);
  // Catalogue files are far larger than any JSON body: only their upload gets IMPORT_MAX_BYTES.
  const importBodyLimit = limitBody(config.IMPORT_MAX_BYTES);
  // RFQ documents get DOCUMENT_MAX_BYTES and the multipart framing around the file; the service refuses a larger file with 413 too.
  const documentBodyLimit = limitBody(config.DOCUMENT_MAX_BYTES + 64 * 1024);
  return (c, next) => {
    const method = c.req.method;
    // A GET, HEAD or OPTIONS body is never read; asking for it would only build a stream per request.
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    if (method === 'POST' && c.req.path === '/api/imports') return importBodyLimit(c, next);
    if (method === 'POST' && c.req.path === '/api/documents') return documentBodyLimit(c, next);
    return defaultBodyLimit(c, next);
  };
}
