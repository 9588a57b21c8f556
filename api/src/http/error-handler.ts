import { HTTPException } from 'hono/http-exception';
import type { ErrorHandler } from 'hono';
import type { Logger } from 'pino';
import { asDependencyProblem } from '../lib/dependency-errors.js';
import { ProblemError, titleFor } from '../lib/problem.js';
import type { AppEnv } from './app-env.js';
import { problemResponse } from './problem-response.js';

/**
 * Every thrown error as problem+json: a ProblemError as it is, Hono's HTTP errors by their status, an unreachable
 * dependency as 503 naming it, anything else as a logged 500 that quotes the request id.
 */
export function problemErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    if (error instanceof HTTPException) {
      const status = error.status;
      return problemResponse(
        c,
        new ProblemError({ status, slug: status === 415 ? 'unsupported-media-type' : 'http-error', detail: error.message || titleFor(status) }),
      );
    }
    const dependencyProblem = asDependencyProblem(error);
    if (dependencyProblem) {
      c.var.logger?.error({ err: error, dependency: dependencyProblem.extensions['dependency'] }, 'dependency unavailable');
      return problemResponse(c, dependencyProblem);
    }
    (c.var.logger ?? logger).error({ err: error }, 'unhandled error');
    return problemResponse(
      c,
      new ProblemError({ status: 500, slug: 'internal', detail: `Unexpected error; quote request id ${c.var.requestId ?? 'n/a'} when reporting it.` }),
    );
  };
}
