// Everything a call can throw. `instanceof` works for each class; `kind` narrows the
// `AnyNexusError` union when errors cross a boundary where classes do not survive.
import type { FieldError, Problem } from './generated/schema.js';

export type ProblemErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'rate-limited'
  | 'server'
  | 'service-unavailable'
  | 'http';

export type NexusErrorKind = ProblemErrorKind | 'network' | 'timeout';

/** Base of every error the SDK throws for a call. */
export abstract class NexusError extends Error {
  abstract readonly kind: NexusErrorKind;
}

/** Where a problem came from: filled in by the client. */
export interface ProblemSource {
  /** The response status. */
  status: number;
  /** The response headers (`Retry-After`, `WWW-Authenticate`, `X-Request-Id`, …). */
  headers: Headers;
  /** The body as received: parsed JSON, text, or `undefined` when empty. */
  body: unknown;
  /** The operation called, when it is one of the contract's. */
  operationId?: string | undefined;
  method?: string | undefined;
  url?: string | undefined;
}

/**
 * The API answered with a non-2xx status. The RFC 9457 problem details are on the
 * error; when the body was empty or not a problem, they are synthesised from the status.
 */
export abstract class NexusProblemError extends NexusError {
  abstract override readonly kind: ProblemErrorKind;
  readonly status: number;
  /** Short, human-readable summary of the problem type. */
  readonly title: string;
  /** What went wrong with this request, when the server said. */
  readonly detail: string | undefined;
  /** A URI identifying the problem type (`about:blank` when the server gave none). */
  readonly type: string;
  /** A URI identifying this occurrence, when the server gave one. */
  readonly instance: string | undefined;
  /** Field errors of a validation problem; empty otherwise. */
  readonly errors: FieldError[];
  /** The server's `X-Request-Id`: quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** The problem object as received, or the one synthesised from the status. */
  readonly problem: Problem;
  /** The response body as received (parsed JSON, text, or `undefined`). */
  readonly body: unknown;
  readonly headers: Headers;
  readonly operationId: string | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(source: ProblemSource) {
    const problem = problemOf(source.status, source.body);
    super(messageOf(problem, source));
    this.status = source.status;
    this.title = problem.title;
    this.detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    this.type = problem.type;
    this.instance = typeof problem.instance === 'string' ? problem.instance : undefined;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.requestId = source.headers.get('x-request-id') ?? undefined;
    this.problem = problem;
    this.body = source.body;
    this.headers = source.headers;
    this.operationId = source.operationId;
    this.method = source.method;
    this.url = source.url;
  }

  /** A plain object for structured logs (errors lose their fields in `JSON.stringify`). */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      status: this.status,
      title: this.title,
      detail: this.detail,
      type: this.type,
      instance: this.instance,
      errors: this.errors,
      requestId: this.requestId,
      operationId: this.operationId,
    };
  }
}

/** 400: the request is malformed or fails validation; `errors` lists each field. */
export class ValidationError extends NexusProblemError {
  override readonly kind = 'validation' as const;
  override readonly name = 'ValidationError';
}

/** 401: missing, invalid or expired access token. */
export class UnauthorizedError extends NexusProblemError {
  override readonly kind = 'unauthorized' as const;
  override readonly name = 'UnauthorizedError';
}

/** 403: signed in, but the role may not perform this operation. */
export class ForbiddenError extends NexusProblemError {
  override readonly kind = 'forbidden' as const;
  override readonly name = 'ForbiddenError';
}

/** 404: no such resource (or not visible to this user). */
export class NotFoundError extends NexusProblemError {
  override readonly kind = 'not-found' as const;
  override readonly name = 'NotFoundError';
}

/** 409: conflicts with the current state (duplicate, wrong state, key in use). */
export class ConflictError extends NexusProblemError {
  override readonly kind = 'conflict' as const;
  override readonly name = 'ConflictError';
}

/** 412: the `If-Match` ETag is stale — someone changed the resource; read it again. */
export class PreconditionFailedError extends NexusProblemError {
  override readonly kind = 'precondition-failed' as const;
  override readonly name = 'PreconditionFailedError';
}

/** 428: the update needs an `If-Match` header with the ETag you last read. */
export class PreconditionRequiredError extends NexusProblemError {
  override readonly kind = 'precondition-required' as const;
  override readonly name = 'PreconditionRequiredError';
}

/** 429: too many requests; wait `retryAfterSeconds` before trying again. */
export class RateLimitedError extends NexusProblemError {
  override readonly kind = 'rate-limited' as const;
  override readonly name = 'RateLimitedError';
  /** From `Retry-After` (seconds or an HTTP date), when the server sent it. */
  readonly retryAfterSeconds: number | undefined = retryAfterSecondsOf(this.headers);
}

/** 500 and other 5xx except 503: the server failed; the request id is in its logs. */
export class ServerError extends NexusProblemError {
  override readonly kind = 'server' as const;
  override readonly name = 'ServerError';
}

/** 503: a dependency (database, cache, graph) is down; try again later. */
export class ServiceUnavailableError extends NexusProblemError {
  override readonly kind = 'service-unavailable' as const;
  override readonly name = 'ServiceUnavailableError';
  /** From `Retry-After` (seconds or an HTTP date), when the server sent it. */
  readonly retryAfterSeconds: number | undefined = retryAfterSecondsOf(this.headers);
}

/** Any other non-2xx status (413, 415, 422, …). */
export class UnexpectedStatusError extends NexusProblemError {
  override readonly kind = 'http' as const;
  override readonly name = 'UnexpectedStatusError';
}

/** The request never got an answer: DNS, refused connection, reset, CORS, … (`cause` says). */
export class NetworkError extends NexusError {
  override readonly kind = 'network' as const;
  override readonly name = 'NetworkError';
  readonly method: string;
  readonly url: string;

  constructor(method: string, url: string, cause: unknown) {
    super(`${method} ${url} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.method = method;
    this.url = url;
  }
}

/** No complete answer within the timeout (`timeoutMs` or a caller's `AbortSignal.timeout`). */
export class TimeoutError extends NexusError {
  override readonly kind = 'timeout' as const;
  override readonly name = 'TimeoutError';
  /** The client's timeout, when it was the one that fired. */
  readonly timeoutMs: number | undefined;

  constructor(method: string, url: string, timeoutMs: number | undefined, cause?: unknown) {
    super(`${method} ${url} timed out${timeoutMs === undefined ? '' : ` after ${timeoutMs} ms`}`, { cause });
    this.timeoutMs = timeoutMs;
  }
}

/** Every concrete error class, discriminated by `kind`. */
export type AnyNexusError =
  | ValidationError
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | ConflictError
  | PreconditionFailedError
  | PreconditionRequiredError
  | RateLimitedError
  | ServerError
  | ServiceUnavailableError
  | UnexpectedStatusError
  | NetworkError
  | TimeoutError;

/**
 * Narrows an unknown caught value to the SDK's errors, so `kind` discriminates.
 *
 * @example
 * try {
 *   await client.call('login', { body: { email, password } });
 * } catch (error) {
 *   if (isNexusError(error) && error.kind === 'rate-limited') {
 *     console.log(`try again in ${error.retryAfterSeconds ?? 60} s`);
 *   } else throw error;
 * }
 */
export function isNexusError(value: unknown): value is AnyNexusError {
  return value instanceof NexusError;
}

/**
 * Builds the error for a non-2xx answer, choosing the class by status.
 *
 * @example
 * const error = problemErrorFrom({ status: 412, headers: response.headers, body: await response.json() });
 * error instanceof PreconditionFailedError; // true
 */
export function problemErrorFrom(source: ProblemSource): NexusProblemError {
  switch (source.status) {
    case 400:
      return new ValidationError(source);
    case 401:
      return new UnauthorizedError(source);
    case 403:
      return new ForbiddenError(source);
    case 404:
      return new NotFoundError(source);
    case 409:
      return new ConflictError(source);
    case 412:
      return new PreconditionFailedError(source);
    case 428:
      return new PreconditionRequiredError(source);
    case 429:
      return new RateLimitedError(source);
    case 503:
      return new ServiceUnavailableError(source);
    default:
      return source.status >= 500 && source.status <= 599 ? new ServerError(source) : new UnexpectedStatusError(source);
  }
}

/**
 * Seconds to wait according to `Retry-After` (delta-seconds or an HTTP date), rounded
 * up; `undefined` when absent or unreadable.
 */
export function retryAfterSecondsOf(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function problemOf(status: number, body: unknown): Problem {
  const received = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  return {
    ...received,
    type: typeof received.type === 'string' ? received.type : 'about:blank',
    title: typeof received.title === 'string' && received.title !== '' ? received.title : (STATUS_TITLES[status] ?? `HTTP ${status}`),
    status,
  };
}

function messageOf(problem: Problem, source: ProblemSource): string {
  const what = source.operationId ?? (source.method && source.url ? `${source.method} ${source.url}` : undefined);
  return `${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}${what ? ` (${what})` : ''}`;
}
