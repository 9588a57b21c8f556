// The fetch that openapi-fetch calls: credentials by contract, idempotency keys,
// timeouts, retries and refresh-on-401. Middleware cannot re-send a request, which
// retries and refresh need, so this sits one level below it.
import { sendAttempt, type FetchFunction } from './attempt.js';
import { applyAuthorization } from './authorization.js';
import type { NexusClientOptions, NexusRequestOptions } from './client-options.js';
import { NetworkError } from './errors.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { findOperationAt } from './operation-lookup.js';
import { RETRYABLE_STATUSES, backoffDelayMs, pause, retryDelayForResponse, retryPolicyOf } from './retry-policy.js';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
export const DEFAULT_TIMEOUT_MS = 30_000;

export type Transport = (request: Request, options?: NexusRequestOptions) => Promise<Response>;

export function createTransport(options: NexusClientOptions): Transport {
  const fetch: FetchFunction = options.fetch ?? ((request) => globalThis.fetch(request));
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

  return async function send(request, requestOptions = {}) {
    const operation = findOperationAt(request.method, request.url, options.baseUrl);
    const policy = retryPolicyOf(options.retry, requestOptions.retry);
    const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const signal = request.signal;

    const headers = new Headers(request.headers);
    const callerAuthorization = headers.get('authorization');
    // One key for every attempt of this call: that is what makes the retries safe.
    if (operation?.entry.createsResource && !headers.has('idempotency-key')) {
      headers.set('idempotency-key', newIdempotencyKey());
    }
    const retryable = (operation ? operation.entry.idempotent : IDEMPOTENT_METHODS.has(request.method)) || headers.has('idempotency-key');
    const body = request.body === null ? null : await request.arrayBuffer();
    const context = requestOptions.onUploadProgress ? { onUploadProgress: requestOptions.onUploadProgress } : {};

    let retries = 0;
    let refreshed = false;
    for (;;) {
      const refreshesBeforeSending = completedRefreshes;
      const attemptHeaders = new Headers(headers);
      const tokenApplied = await applyAuthorization(attemptHeaders, operation, options.token, callerAuthorization);

      let response: Response;
      try {
        response = await sendAttempt(fetch, request, timeoutMs, signal, context, { headers: attemptHeaders, body });
      } catch (error) {
        if (error instanceof NetworkError && retryable && policy && retries < policy.retries) {
          const delayMs = backoffDelayMs(retries, policy);
          retries += 1;
          policy.onRetry?.({ attempt: retries, delayMs, method: request.method, url: request.url, error });
          await pause(delayMs, signal);
          continue;
        }
        throw error;
      }

      if (response.status === 401 && tokenApplied && options.onUnauthorized && !refreshed) {
        refreshed = true;
        // Sent with a token that a refresh has since replaced: just send again.
        if (completedRefreshes !== refreshesBeforeSending) continue;
        if (await refresh(options.onUnauthorized)) continue;
        return response;
      }

      if (RETRYABLE_STATUSES.has(response.status) && retryable && policy && retries < policy.retries) {
        const delayMs = retryDelayForResponse(response, retries, policy);
        if (delayMs !== undefined) {
          retries += 1;
          policy.onRetry?.({ attempt: retries, delayMs, method: request.method, url: request.url, status: response.status });
          await pause(delayMs, signal);
          continue;
        }
      }
      return response;
    }
  };
}
