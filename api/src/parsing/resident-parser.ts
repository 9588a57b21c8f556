import type { Worker } from 'node:worker_threads';
import type { ParseLimits } from './limits.js';
import type { ParserName, ParserOptions, ParserResult } from './parsers.js';
import { runBoundedParser, startParserWorker, superviseParse, type BoundedParseOutcome, type ParserInput, type RunParserOptions } from './run-bounded-parser.js';
import type { ParserWorkerData, WorkerMessage } from './worker-protocol.js';

/** Files a resident worker reads before it is replaced by a fresh one (what a parser leaves behind stays bounded). */
const FILES_PER_WORKER = 100;

export interface ResidentParser<N extends ParserName> {
  /** As {@link runBoundedParser}, in the resident worker when it is free (else in a one-off worker). */
  parse(input: ParserInput, run: RunParserOptions<ParserOptions<N>>): Promise<BoundedParseOutcome<ParserResult<N>>>;
  /** Terminates the worker; later parses run in one-off workers. */
  close(): Promise<void>;
}

/**
 * A parser's worker thread started ahead of its first file and kept for the
 * next ones (or, with `startNow: false`, with the first file): starting a worker (tsx, the parser's libraries — exceljs,
 * pdf.js, mammoth) costs more than reading a 1,000-line spreadsheet. It is
 * bounded like a one-off worker ({@link runBoundedParser}): heap capped at
 * `limits.maxHeapMb`, time at `limits.timeoutMs` (from when it has loaded the
 * parser and takes the file), archives inspected first;
 * a file that times out, runs it out of memory, crashes it or is cancelled
 * ends the worker, and a fresh one is started for the next file, as after
 * FILES_PER_WORKER files. One file at a time: a second file while it is
 * busy is read in a one-off worker.
 *
 *   const parser = startResidentParser('rfq-document', limits);
 *   const outcome = await parser.parse({ bytes }, { options: {} });
 *   await parser.close();
 */
export function startResidentParser<N extends ParserName>(name: N, limits: ParseLimits, options: { startNow?: boolean } = {}): ResidentParser<N> {
  return residentWorker({ name }, limits, options.startNow ?? true, (input, run) => runBoundedParser(name, input, limits, run as RunParserOptions<ParserOptions<N>>)) as ResidentParser<N>;
}

/** {@link startResidentParser} for a parser module that is not registered (tests' misbehaving parsers). */
export function startResidentParserModule<Result>(
  module: URL,
  limits: ParseLimits,
  oneOff: (input: ParserInput, run: RunParserOptions<unknown>) => Promise<BoundedParseOutcome<Result>>,
): ResidentParser<never> {
  return residentWorker({ name: module.pathname, module: module.href }, limits, true, oneOff) as ResidentParser<never>;
}

function residentWorker(
  parser: ParserWorkerData['parser'],
  limits: ParseLimits,
  startNow: boolean,
  oneOff: (input: ParserInput, run: RunParserOptions<unknown>) => Promise<BoundedParseOutcome<unknown>>,
) {
  let worker: Worker | undefined;
  /** Settles when the worker has loaded its parser, or has ended: the time limit is for reading a file, not for starting. */
  let ready: Promise<void> = Promise.resolve();
  let filesRead = 0;
  let busy = false;
  let closed = false;

  const start = () => {
    const started = startParserWorker({ parser }, limits);
    // Idle, it does not keep the process alive; reading a file, it does.
    started.unref();
    ready = new Promise((resolve) => {
      started.on('message', function onReady(message: WorkerMessage) {
        if (message.type !== 'ready') return;
        started.off('message', onReady);
        resolve();
      });
      started.once('exit', () => resolve());
    });
    started.once('exit', () => {
      if (worker === started) worker = undefined;
    });
    worker = started;
    filesRead = 0;
  };
  const retire = (old: Worker) => {
    if (worker === old) worker = undefined;
    void old.terminate();
    if (!closed) start();
  };
  if (startNow) start();

  return {
    async parse(input: ParserInput, run: RunParserOptions<unknown>): Promise<BoundedParseOutcome<unknown>> {
      if (closed || busy) return oneOff(input, run);
      if (run.signal?.aborted) return { ok: false, failure: 'cancelled', reason: 'the parse was cancelled', ms: 0 };
      if (!worker) start();
      const current = worker!;
      busy = true;
      current.ref();
      try {
        await ready;
        if (worker !== current) {
          retire(current);
          return { ok: false, failure: 'crashed', reason: 'the file could not be read: the parser stopped while it was starting', ms: 0 };
        }
        const outcome = superviseParse(current, limits, run);
        current.postMessage({ input, options: run.options, limits });
        const ended = await outcome;
        filesRead += 1;
        const usable = ended.ok || ended.failure === 'unreadable' || ended.failure === 'too-large';
        if (!usable || filesRead >= FILES_PER_WORKER) retire(current);
        return ended;
      } finally {
        current.unref();
        busy = false;
      }
    },
    async close() {
      closed = true;
      const last = worker;
      worker = undefined;
      if (last) await last.terminate();
    },
  };
}
