import { bodyLimit } from 'hono/body-limit';
import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { ProblemError } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';

const limitBody = (maxSize: number): MiddlewareHandler<AppEnv> => {
  const tooLarge = () => {
    throw new ProblemError({ status: 413, slug: 'body-too-large', detail: `The body exceeds ${maxSize} bytes.` });
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    // With a Content-Length (and no Transfer-Encoding) Node's HTTP parser holds the body to that length, so the
    // header is the whole check, as in Hono's bodyLimit. That one asks for `c.req.raw.body` first, which makes
    // @hono/node-server build a web Request and stream for the body (about a tenth of a create's CPU) instead of
    // reading it straight from the socket; only a chunked body needs it.
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize ? tooLarge() : next();
    }
    return streamed(c, next);
  };
};

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
