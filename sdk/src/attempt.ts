import { NetworkError, TimeoutError } from './errors.js';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** How an attempt reads the answer's body: as text (JSON, problems), a `Blob` (files) or bytes. */
export type BodyReading = 'text' | 'blob' | 'bytes';

/** What `sendAttempt` read: the response (its body consumed) and the body, `null` for a status that has none. */
export interface CompleteAnswer<Body = string | Blob | ArrayBuffer> {
  response: Response;
  body: Body | null;
}

/**
 * Sends one attempt with the attempt's signal (our timeout and the caller's abort);
 * `onAbort` registers a function called directly when it aborts (see `PlainRequest`).
 */
export type Dispatch = (signal: AbortSignal, onAbort: (cancel: (reason: unknown) => void) => void) => Promise<Response>;

/**
 * Sends one attempt and reads the whole body, all within `timeoutMs`, so a server that
 * stalls mid-body times out too. The caller's `signal` aborts it at any point. The body
 * is read once, as `reading` says; nothing copies the response.
 *
 * Throws `TimeoutError` (our timer, or a caller's `AbortSignal.timeout`), the caller's
 * abort reason as is, or `NetworkError` for anything else that prevented an answer.
 */
export async function sendAttempt(
  dispatch: Dispatch,
  target: { method: string; url: string },
  reading: BodyReading,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<CompleteAnswer> {
  if (callerSignal?.aborted) throw abortReason(target, callerSignal.reason);
  const controller = new AbortController();
  // Node 20's fetch can lose a Request's signal to garbage collection and never abort
  // (undici 6), so every await also races the abort itself. The race is rejected by
  // whoever aborts, rather than by a listener on the signal: a listener costs more than
  // the rest of the attempt's bookkeeping.
  let rejectAborted!: (reason: unknown) => void;
  const aborted = new Promise<never>((_resolve, reject) => (rejectAborted = reject));
  aborted.catch(() => undefined);
  let cancel: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    controller.abort(reason);
    rejectAborted(controller.signal.reason);
    cancel?.(controller.signal.reason);
  };
  // The error is made only when the timer fires: capturing a stack on every call costs more than the request's own work.
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => abort(new TimeoutError(target.method, target.url, timeoutMs)), timeoutMs)
      : undefined;
  const onCallerAbort = callerSignal ? () => abort(callerSignal.reason) : undefined;
  if (onCallerAbort) callerSignal!.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const pending = dispatch(controller.signal, (onAbort) => {
      cancel = onAbort;
    });
    // If the abort wins, release whatever answer still arrives.
    pending
      .then((late) => (controller.signal.aborted ? late.body?.cancel() : undefined))
      .catch(() => undefined);
    const response = await Promise.race([pending, aborted]);
    if (NULL_BODY_STATUSES.has(response.status) || target.method === 'HEAD') return { response, body: null };
    const body = reading === 'text' ? response.text() : reading === 'blob' ? response.blob() : response.arrayBuffer();
    body.catch(() => undefined);
    return { response, body: await Promise.race([body, aborted]) };
  } catch (error) {
    if (controller.signal.aborted) throw abortReason(target, controller.signal.reason);
    throw new NetworkError(target.method, target.url, error);
  } finally {
    clearTimeout(timer);
    if (onCallerAbort) callerSignal!.removeEventListener('abort', onCallerAbort);
  }
}

function abortReason(target: { method: string; url: string }, reason: unknown): unknown {
  if (reason instanceof TimeoutError) return reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new TimeoutError(target.method, target.url, undefined, reason);
  }
  return reason;
}
