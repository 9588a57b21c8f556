import { Worker } from 'node:worker_threads';
import { formatCount, type ParseLimits } from './limits.js';
import type { ParserName, ParserOptions, ParserResult } from './parsers.js';
import type { ParserWorkerData, WorkerMessage } from './worker-protocol.js';

/**
 * Why a parse produced no result. `unreadable`, `too-large` and
 * `out-of-memory` are the file's doing: the same file fails the same way, so
 * a job should fail, not retry. `crashed` is the parser's bug; `timed-out`
 * and `cancelled` say what stopped it.
 */
export type ParseFailure = 'unreadable' | 'too-large' | 'out-of-memory' | 'timed-out' | 'crashed' | 'cancelled';

export type BoundedParseOutcome<Result> =
  | { ok: true; value: Result; ms: number }
  | { ok: false; failure: ParseFailure; reason: string; ms: number };

/** The file: bytes in memory (copied to the worker) or a path the worker reads itself. */
export type ParserInput = { bytes: Uint8Array } | { path: string };

export interface RunParserOptions<Options> {
  options: Options;
  /** Progress as the parser reports it (throttled to 4 a second). */
  onProgress?: (done: number, total?: number) => void;
  /** Aborting terminates the worker at once; the outcome is `cancelled`. */
  signal?: AbortSignal;
}

const WORKER_URL = new URL('./parser-worker.mjs', import.meta.url);

/**
 * Runs a registered parser (see parsers.ts) on a file in a worker thread of
 * its own: its heap is capped at `limits.maxHeapMb`, its time at
 * `limits.timeoutMs`, and a ZIP archive is inspected (entry count, sizes,
 * compression ratios, overlap, real inflated size) before the parser opens
 * it. The API's event loop keeps answering while it runs, and whatever the
 * file does to the parser — out of memory included — ends in an outcome,
 * never in a dead API.
 *
 *   const outcome = await runBoundedParser('catalogue-sheet', { bytes }, limits, { options: { format: 'xlsx' } });
 *   if (!outcome.ok) return fail(outcome.reason);
 */
export function runBoundedParser<N extends ParserName>(
  name: N,
  input: ParserInput,
  limits: ParseLimits,
  run: RunParserOptions<ParserOptions<N>>,
): Promise<BoundedParseOutcome<ParserResult<N>>> {
  return runParserInWorker({ name }, input, limits, run) as Promise<BoundedParseOutcome<ParserResult<N>>>;
}

/** {@link runBoundedParser} for a parser module that is not registered (tests' misbehaving parsers). */
export function runParserModule<Result>(module: URL, input: ParserInput, limits: ParseLimits, run: RunParserOptions<unknown>): Promise<BoundedParseOutcome<Result>> {
  return runParserInWorker({ name: module.pathname, module: module.href }, input, limits, run) as Promise<BoundedParseOutcome<Result>>;
}

function runParserInWorker(parser: ParserWorkerData['parser'], input: ParserInput, limits: ParseLimits, run: RunParserOptions<unknown>): Promise<BoundedParseOutcome<unknown>> {
  if (run.signal?.aborted) return Promise.resolve({ ok: false, failure: 'cancelled', reason: 'the parse was cancelled', ms: 0 });
  const worker = startParserWorker({ parser, file: { input, options: run.options, limits } }, limits);
  return superviseParse(worker, limits, run).then((outcome) => {
    void worker.terminate();
    return outcome;
  });
}

/** A parser's worker thread, its heap capped at `limits.maxHeapMb`. */
export function startParserWorker(workerData: ParserWorkerData, limits: Pick<ParseLimits, 'maxHeapMb'>): Worker {
  const worker = new Worker(WORKER_URL, {
    workerData,
    // The worker's own flags: none inherited (tsx is loaded by the entry itself).
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: Math.min(16, Math.max(4, Math.round(limits.maxHeapMb / 8))), stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  // What a worker does between files, or after its answer, must not end the API: a thread's error with no listener would.
  // A parse in progress listens itself (superviseParse); a thread that dies ends with 'exit'.
  worker.on('error', () => {});
  return worker;
}

/**
 * The outcome of the file a worker is reading: its answer, or why there is
 * none — the time limit, the signal, the heap limit, a crash, the thread's
 * end. Every failure but `unreadable` and `too-large` (the parser's own
 * refusals) leaves the worker unusable: the caller terminates it.
 */
export function superviseParse(worker: Worker, limits: Pick<ParseLimits, 'maxHeapMb' | 'timeoutMs'>, run: Omit<RunParserOptions<unknown>, 'options'>): Promise<BoundedParseOutcome<unknown>> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: BoundedParseOutcome<unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      resolve(outcome);
    };
    const fail = (failure: ParseFailure, reason: string) => settle({ ok: false, failure, reason, ms: elapsed() });
    const timer = setTimeout(() => fail('timed-out', `reading the file took longer than ${formatCount(limits.timeoutMs / 1000)} s and was stopped`), limits.timeoutMs);
    const onAbort = () => fail('cancelled', 'the parse was cancelled');
    if (run.signal?.aborted) return onAbort();
    run.signal?.addEventListener('abort', onAbort, { once: true });

    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'ready') return;
      if (message.type === 'progress') run.onProgress?.(message.done, message.total);
      else if (message.type === 'result') settle({ ok: true, value: message.value, ms: elapsed() });
      else if (message.type === 'refused') fail(message.failure, message.reason);
      else fail('crashed', `the file could not be read: the parser failed (${message.reason})`);
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        fail('out-of-memory', `reading the file needed more than the ${formatCount(limits.maxHeapMb)} MB of memory a parser may use, and was stopped`);
      } else fail('crashed', `the file could not be read: the parser failed (${error.message})`);
    };
    const onExit = (code: number) => fail('crashed', `the file could not be read: the parser stopped unexpectedly (exit code ${code})`);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
