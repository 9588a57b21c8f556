/**
 * Where the access token comes from: a fixed string, or a function the client calls
 * before every protected request (so a refreshed token is picked up at once).
 * `undefined` or `''` means "no token": the request goes out without `Authorization`.
 */
export type TokenSource = string | undefined | (() => string | undefined | Promise<string | undefined>);

/** Why the client is about to retry, passed to `retry.onRetry`. */
export interface RetryEvent {
  /** 1 for the first retry, 2 for the second, … */
  attempt: number;
  /** How long the client waits before sending again. */
  delayMs: number;
  method: string;
  url: string;
  /** The status that caused the retry (429 or 503), absent for a network error. */
  status?: number;
  /** The network failure that caused the retry, absent for a status. */
  error?: Error;
}

/**
 * Retries with exponential backoff and full jitter, for network errors, 429 and 503,
 * honouring `Retry-After`. Only idempotent operations (GET, PUT, DELETE, …) and
 * requests that carry an `Idempotency-Key` are ever retried.
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** The backoff ceiling of the first retry; it doubles each time. Default 200 ms. */
  baseDelayMs?: number;
  /**
   * The longest wait between attempts. A `Retry-After` longer than this is not waited
   * for: the error is thrown at once with its `retryAfterSeconds`. Default 10 000 ms.
   */
  maxDelayMs?: number;
  /** Called before each retry, e.g. for logging. */
  onRetry?: (event: RetryEvent) => void;
}

/** How much of a request's body has gone out: `loaded` of `total` bytes. */
export interface UploadProgress {
  loaded: number;
  /** The body's size in bytes. */
  total: number;
}

/**
 * What the client tells its `fetch` about the request besides the `Request` itself.
 * A fetch that can watch the body go out (the SDK's `xhrFetch` in a browser) calls
 * `onUploadProgress`; `globalThis.fetch` cannot, and ignores it.
 */
export interface FetchContext {
  /** The caller's upload progress listener, if the call has one. */
  onUploadProgress?: (progress: UploadProgress) => void;
}

/**
 * One attempt of a call as plain parts, for a fetch that sends it without a `Request`
 * object (see {@link FetchImplementation}'s `sendPlain`).
 */
export interface PlainRequest {
  /** Upper case. */
  method: string;
  url: string;
  /** Lower-case names; credentials already applied as the contract says. */
  headers: Record<string, string>;
  /** JSON is a string; a multipart body a `FormData`; a raw upload a `Blob`. */
  body: string | FormData | Blob | ArrayBuffer | null;
  /** Aborted by the attempt's timeout or the caller. */
  signal: AbortSignal;
  /**
   * The same as listening for `signal`'s abort, at a fraction of the cost (an
   * `EventTarget` listener costs Node 20 more than the rest of a small call's
   * bookkeeping): `cancel` is called, once, if the attempt is aborted while in flight.
   */
  onAbort(cancel: (reason: unknown) => void): void;
}

/**
 * What the client sends its requests with: `globalThis.fetch`, `xhrFetch`, or your own.
 *
 * It may also carry `sendPlain`, the same fetch taking each attempt as plain parts:
 * the client then calls that and builds no `Request`. That is for a server-side fetch
 * (the chat gateway's, over `node:http`) where a `Request` is pure cost: on Node 20 one
 * with a body makes a web stream, more CPU than a small API call itself (bench:sdk).
 *
 * @example
 * const send = Object.assign((request: Request) => fetch(request), {
 *   sendPlain: ({ method, url, headers, body, signal }: PlainRequest) => fetch(url, { method, headers, body, signal }),
 * });
 * createNexusClient({ baseUrl, fetch: send });
 */
export type FetchImplementation = ((request: Request, context: FetchContext) => Promise<Response>) & {
  sendPlain?: (request: PlainRequest, context: FetchContext) => Promise<Response>;
};

/** Options that apply to a single request (alongside `params`, `body`, `signal`, …). */
export interface NexusRequestOptions {
  /** Abort each attempt after this many ms with a `TimeoutError`. `0` disables. */
  timeoutMs?: number;
  /** Overrides the client's retry options for this request; `false` disables. */
  retry?: RetryOptions | false;
  /**
   * Called as the request body goes out, when the client's `fetch` can tell (see
   * `xhrFetch`); a retried attempt starts again from 0. `globalThis.fetch` reports
   * nothing, so the listener is then never called.
   *
   * @example
   * await client.call('uploadDocument', { body: { file }, onUploadProgress: ({ loaded, total }) => (bar.value = loaded / total) });
   */
  onUploadProgress?: (progress: UploadProgress) => void;
}

export interface NexusClientOptions {
  /** The API origin, e.g. `https://nexus.example.com` (in a browser, `''` means same origin). */
  baseUrl: string;
  /** The access token, or a function returning the current one. Omit for public calls only. */
  token?: TokenSource;
  /**
   * A fetch implementation; defaults to `globalThis.fetch`. It is also given a
   * `FetchContext` (upload progress listener), which a plain fetch may ignore.
   */
  fetch?: FetchImplementation;
  /** Per-attempt timeout in ms (default 30 000; `0` disables). */
  timeoutMs?: number;
  /** Retry behaviour (see `RetryOptions`), or `false` to never retry. */
  retry?: RetryOptions | false;
  /**
   * Called once when a protected call is answered 401, e.g. to refresh the tokens so
   * that `token()` returns a new one. Resolve `true` to have the call sent once more.
   * Concurrent 401s share one pending call of the hook.
   */
  onUnauthorized?: () => boolean | Promise<boolean>;
}
