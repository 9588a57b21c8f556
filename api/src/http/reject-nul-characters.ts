import type { MiddlewareHandler } from 'hono';
import { problems } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';

/**
 * PostgreSQL text cannot hold U+0000, and no field of this API means anything
 * by it: a NUL in the query string or in a JSON body is a 400, not a 500.
 */
export const rejectNulCharacters: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  const query = url.indexOf('?');
  if (query >= 0 && url.indexOf('%00', query) >= 0) {
    throw problems.validation([{ path: 'query', message: 'Text must not contain NUL (U+0000) characters.', code: 'nul_character' }]);
  }
  if (/^application\/([a-z.+-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
    const body = await c.req.text();
    if (body.includes('\\u0000') || body.includes('\u0000')) {
      throw problems.validation([{ path: 'body', message: 'Text must not contain NUL (U+0000) characters.', code: 'nul_character' }]);
    }
  }
  await next();
};
