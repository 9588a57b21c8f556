/**
 * RFC 9457 problem details. Every error the API answers is one of these.
 */

export interface FieldError {
  /** JSON pointer-ish location: `body.email`, `query.limit`, `header.if-match`. */
  path: string;
  message: string;
  code?: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Base of the `type` URIs; each problem kind has a stable slug documented in the README. */
export const PROBLEM_TYPE_BASE = 'https://nexus.dev/problems/';

export function titleFor(status: number): string {
  return TITLES[status] ?? 'Error';
}

/**
 * An error that becomes a problem+json response. Throw it from anywhere in a
 * request; the app's error handler renders it.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly slug: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;
  readonly extensions: Record<string, unknown>;

  constructor(options: {
    status: number;
    slug: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
    extensions?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(options.detail ?? options.title ?? titleFor(options.status), { cause: options.cause });
    this.name = 'ProblemError';
    this.status = options.status;
    this.slug = options.slug;
    this.title = options.title ?? titleFor(options.status);
    this.detail = options.detail;
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }

  toProblem(instance: string): ProblemDetails {
    // Extensions first: they can never override a standard member.
    return {
      ...this.extensions,
      type: PROBLEM_TYPE_BASE + this.slug,
      title: this.title,
      status: this.status,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      instance,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
    };
  }
}

export const problems = {
  validation: (errors: FieldError[], detail = 'The request is not valid.') =>
    new ProblemError({ status: 400, slug: 'validation', title: 'Validation failed', detail, errors }),
  badRequest: (detail: string) => new ProblemError({ status: 400, slug: 'bad-request', detail }),
  unauthorized: (detail: string) =>
    new ProblemError({
      status: 401,
      slug: 'unauthorized',
      detail,
      headers: { 'WWW-Authenticate': `Bearer realm="nexus", error="invalid_token", error_description="${detail.replace(/"/g, "'")}"` },
    }),
  /** Login failures: no WWW-Authenticate challenge, since login is not a bearer-protected operation. */
  invalidCredentials: () =>
    new ProblemError({ status: 401, slug: 'invalid-credentials', title: 'Invalid credentials', detail: 'The email or password is wrong, or the account is disabled.' }),
  forbidden: (detail: string) => new ProblemError({ status: 403, slug: 'forbidden', detail }),
  notFound: (what: string) => new ProblemError({ status: 404, slug: 'not-found', detail: `${what} was not found.` }),
  /** `allowed`: the methods of the resource, listed in `Allow`. */
  methodNotAllowed: (method: string, allowed: string[]) =>
    new ProblemError({
      status: 405,
      slug: 'method-not-allowed',
      detail: `${method} is not supported here; use ${allowed.join(', ')}.`,
      headers: { Allow: allowed.join(', ') },
    }),
  conflict: (detail: string, extensions?: Record<string, unknown>) =>
    new ProblemError({ status: 409, slug: 'conflict', detail, ...(extensions ? { extensions } : {}) }),
  preconditionFailed: (detail: string) => new ProblemError({ status: 412, slug: 'precondition-failed', detail }),
  preconditionRequired: (detail: string) => new ProblemError({ status: 428, slug: 'precondition-required', detail }),
  unprocessable: (detail: string) => new ProblemError({ status: 422, slug: 'unprocessable', detail }),
  tooManyRequests: (retryAfterSeconds: number, detail = 'Too many requests; try again later.') =>
    new ProblemError({
      status: 429,
      slug: 'rate-limited',
      detail,
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    }),
  unavailable: (dependency: string, detail?: string, cause?: unknown) =>
    new ProblemError({
      status: 503,
      slug: 'dependency-unavailable',
      detail: detail ?? `${dependency} is unavailable; try again shortly.`,
      headers: { 'Retry-After': '5' },
      extensions: { dependency },
      cause,
    }),
};
