import type { FetchContext, FetchImplementation } from './client-options.js';
import { NetworkError, TimeoutError } from './errors.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export type FetchFunction = FetchImplementation;

/**
 * Sends one attempt and reads the whole body, all within `timeoutMs`, so a server that
 * stalls mid-body times out too. The caller's `signal` aborts it at any point.
 * `init` (this attempt's headers and body) is applied in the same `Request` copy that
 * carries the attempt's signal: each `Request` costs a body stream, so one copy, not two.
 *
 * Throws `TimeoutError` (our timer, or a caller's `AbortSignal.timeout`), the caller's
 * abort reason as is, or `NetworkError` for anything else that prevented an answer.
 */
export async function sendAttempt(
  fetch: FetchFunction,
  request: Request,
  timeoutMs: number,
  callerSignal: AbortSignal,
  context: FetchContext = {},
  init: Pick<RequestInit, 'headers' | 'body'> = {},
): Promise<Response> {
  if (callerSignal.aborted) throw abortReason(request, callerSignal.reason);
  const controller = new AbortController();
  // The error is made only when the timer fires: capturing a stack on every call costs more than the request's own work.
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => controller.abort(new TimeoutError(request.method, request.url, timeoutMs)), timeoutMs)
      : undefined;
  const onCallerAbort = () => controller.abort(callerSignal.reason);
  callerSignal.addEventListener('abort', onCallerAbort, { once: true });
  // Node 20's fetch can lose a Request's signal to garbage collection and never abort
  // (undici 6), so every await also races the abort itself.
  const aborted = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const pending = fetch(new Request(request, { ...init, signal: controller.signal }), context);
    // If the abort wins, release whatever answer still arrives.
    pending
      .then((late) => (controller.signal.aborted ? late.body?.cancel() : undefined))
      .catch(() => undefined);
    const response = await Promise.race([pending, aborted]);
    let body: ArrayBuffer | null = null;
    if (!NULL_BODY_STATUSES.has(response.status)) {
      const reading = response.arrayBuffer();
      reading.catch(() => undefined);
      body = await Promise.race([reading, aborted]);
    }
    const complete = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    // A constructed Response has an empty `url`; keep the real one for error messages.
    Object.defineProperty(complete, 'url', { value: response.url || request.url });
    return complete;
  } catch (error) {
    if (controller.signal.aborted) throw abortReason(request, controller.signal.reason);
    throw new NetworkError(request.method, request.url, error);
  } finally {
    clearTimeout(timer);
    callerSignal.removeEventListener('abort', onCallerAbort);
  }
}

function abortReason(request: Request, reason: unknown): unknown {
  if (reason instanceof TimeoutError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new TimeoutError(request.method, request.url, undefined, reason);
  }
  return reason;
}
