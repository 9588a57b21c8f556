import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { problems } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';

const TARGET_NAMES: Record<string, string> = { json: 'body', form: 'body', param: 'path', query: 'query', header: 'header', cookie: 'cookie' };

/** Every validation failure becomes a 400 problem with one entry per issue. */
function validationHook(result: { success: boolean; target: string; error?: ZodError }) {
  if (result.success || !result.error) return;
  const target = TARGET_NAMES[result.target] ?? result.target;
  const issues = result.error.issues;
  // A missing If-Match is a precondition the client must supply (RFC 6585), not malformed input.
  if (
    target === 'header' &&
    issues.some((issue) => issue.path[0] === 'if-match' && issue.input === undefined)
  ) {
    throw problems.preconditionRequired('This update requires an If-Match header with the ETag you last read.');
  }
  // One error per field (its first failed rule) is what a form needs to show.
  const byPath = new Map<string, { path: string; message: string; code: string }>();
  for (const issue of issues) {
    const path = [target, ...issue.path.map(String)].join('.');
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message, code: issue.code });
  }
  throw problems.validation([...byPath.values()]);
}

/** An OpenAPIHono with the shared validation hook; every router is made by this. */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook, strict: true });
}
