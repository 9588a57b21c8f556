// Sends one call: credentials by contract, idempotency keys, timeouts, retries and
// refresh-on-401. Each attempt is one `Request` handed to the client's `fetch`, and its
// answer is read once. Middleware cannot re-send a request, which retries and refresh
// need, so this sits below it.
import { sendAttempt, type BodyReading, type CompleteAnswer } from './attempt.js';
import { authorizationFor } from './authorization.js';
import type { FetchContext, NexusClientOptions, NexusRequestOptions } from './client-options.js';
import { NetworkError } from './errors.js';
import { newIdempotencyKey } from './idempotency-key.js';
import type { ResolvedOperation } from './operation-lookup.js';
import { RETRYABLE_STATUSES, backoffDelayMs, pause, retryDelayForResponse, retryPolicyOf } from './retry-policy.js';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A call as the client built it, before credentials: what every attempt of it sends. */
export interface OutgoingCall {
  /** Upper case. */
  method: string;
  url: string;
  /** The contract operation it addresses; `undefined` for a URL outside the contract (no credentials then). */
  operation: ResolvedOperation | undefined;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** Serialised once, sent as is by every attempt. */
  body: string | FormData | Blob | ArrayBuffer | null;
  /** The caller's other `RequestInit` fields (`credentials`, `cache`, …). */
  init: RequestInit;
  /** The `Request` middleware produced, when it did: an attempt copies it (mode, credentials, …). */
  base?: Request;
}

export type Transport = (call: OutgoingCall, reading: BodyReading, options?: NexusRequestOptions) => Promise<CompleteAnswer>;

export function createTransport(options: NexusClientOptions): Transport {
  const fetch = options.fetch;
  const sendPlain = fetch?.sendPlain;

  // One attempt: plain parts to a fetch that takes them, else one Request (globalThis.fetch
  // builds its own from the URL and init, so it is given those rather than a Request to copy).
  const dispatch = (
    call: OutgoingCall,
    headers: Record<string, string>,
    signal: AbortSignal,
    onAbort: (cancel: (reason: unknown) => void) => void,
    context: FetchContext,
  ): Promise<Response> => {
    const { method, url, body } = call;
    if (sendPlain) return sendPlain({ method, url, headers, body, signal, onAbort }, context);
    const init: RequestInit = call.base ? { headers, body, signal } : { redirect: 'follow', ...call.init, method, headers, body, signal };
    if (fetch) return fetch(new Request(call.base ?? url, init), context);
    return globalThis.fetch(call.base ?? url, init);
  };
  let pendingRefresh: Promise<boolean> | undefined;
  let completedRefreshes = 0;

  // Concurrent 401s share one refresh, so a burst of calls rotates the tokens once.
  const refresh = (hook: () => boolean | Promise<boolean>) =>
    (pendingRefresh ??= Promise.resolve()
      .then(hook)
      .then((again) => {
        if (again === true) completedRefreshes += 1;
        return again === true;
      })
      .finally(() => {
        pendingRefresh = undefined;
      }));

  return async function send(call, reading, requestOptions = {}) {
    const { method, url, operation, signal } = call;
    const policy = retryPolicyOf(options.retry, requestOptions.retry);
    const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

    const headers = call.headers;
    const callerAuthorization = headers.authorization;
    // One key for every attempt of this call: that is what makes the retries safe.
    if (operation?.entry.createsResource && headers['idempotency-key'] === undefined) {
      headers['idempotency-key'] = newIdempotencyKey();
    }
    const retryable = (operation ? operation.entry.idempotent : IDEMPOTENT_METHODS.has(method)) || headers['idempotency-key'] !== undefined;
    const context: FetchContext = requestOptions.onUploadProgress ? { onUploadProgress: requestOptions.onUploadProgress } : {};

    let retries = 0;
    let refreshed = false;
    for (;;) {
      const refreshesBeforeSending = completedRefreshes;
      const pendingAuthorization = authorizationFor(operation, options.token, callerAuthorization);
      const { authorization, fromToken } = pendingAuthorization instanceof Promise ? await pendingAuthorization : pendingAuthorization;
      const attemptHeaders = { ...headers };
      if (authorization === undefined) delete attemptHeaders.authorization;
      else attemptHeaders.authorization = authorization;

      let answer: CompleteAnswer;
      try {
        answer = await sendAttempt((attemptSignal, onAbort) => dispatch(call, attemptHeaders, attemptSignal, onAbort, context), call, reading, timeoutMs, signal);
      } catch (error) {
        if (error instanceof NetworkError && retryable && policy && retries < policy.retries) {
          const delayMs = backoffDelayMs(retries, policy);
          retries += 1;
          policy.onRetry?.({ attempt: retries, delayMs, method, url, error });
          await pause(delayMs, signal);
          continue;
        }
        throw error;
      }
      const { response } = answer;

      if (response.status === 401 && fromToken && options.onUnauthorized && !refreshed) {
        refreshed = true;
        // Sent with a token that a refresh has since replaced: just send again.
        if (completedRefreshes !== refreshesBeforeSending) continue;
        if (await refresh(options.onUnauthorized)) continue;
        return answer;
      }

      if (RETRYABLE_STATUSES.has(response.status) && retryable && policy && retries < policy.retries) {
        const delayMs = retryDelayForResponse(response, retries, policy);
        if (delayMs !== undefined) {
          retries += 1;
          policy.onRetry?.({ attempt: retries, delayMs, method, url, status: response.status });
          await pause(delayMs, signal);
          continue;
        }
      }
      return answer;
    }
  };
}
