import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { ProblemError, problems } from '../lib/problem.js';
import type { QuoteDocument } from './quote-pdf.js';
import type { RenderJob, RenderResult } from './quote-pdf-worker.js';

/**
 * Renders quote PDFs on a small pool of worker threads, so that laying out a
 * long quote never blocks the event loop that answers every other request.
 * At most `threads` PDFs render at once and `maxQueued` wait; beyond that the
 * caller gets a 503 with Retry-After rather than an ever-growing backlog. Each
 * thread has its own heap limit and a time limit per PDF: a thread that runs
 * out of either is ended, its job fails (503), and a fresh thread takes the
 * next one.
 */
export interface PdfRenderer {
  render(document: QuoteDocument): Promise<Buffer>;
  /** Ends the threads; waiting and running renders fail. */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  threads: number;
  maxQueued: number;
  memoryLimitMb: number;
  timeoutMs: number;
}

interface Job {
  id: number;
  document: QuoteDocument;
  resolve(bytes: Buffer): void;
  reject(error: unknown): void;
}

interface Thread {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
// The same extension as this module: .ts when run through tsx, .js once compiled.
const WORKER_MODULE = new URL(`./quote-pdf-worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url).href;

const failed = (detail: string, cause?: unknown) => problems.unavailable('pdf renderer', detail, cause);

export function createPdfRenderer(options: PdfRendererOptions, logger: Logger): PdfRenderer {
  const threads = new Set<Thread>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Thread {
    const worker = new Worker(ENTRY, {
      workerData: { module: WORKER_MODULE },
      resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb },
    });
    // Idle threads must not keep the process alive; close() ends them on shutdown.
    worker.unref();
    const thread: Thread = { worker, job: undefined, timer: undefined };
    worker.on('message', (result: RenderResult) => {
      const job = thread.job;
      if (!job || job.id !== result.id) return;
      finish(thread);
      if (result.ok) job.resolve(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
      else job.reject(new Error(`PDF rendering failed: ${result.message}`));
      dispatch();
    });
    // An error or exit that is not ours (heap limit, crash): the running job fails, the thread is replaced on demand.
    const lost = (reason: string, error?: unknown) => {
      if (!threads.delete(thread)) return;
      const job = thread.job;
      finish(thread);
      if (job) {
        logger.error({ err: error, reason }, 'pdf renderer: a rendering thread was lost');
        job.reject(failed(`The PDF could not be rendered (${reason}); try again shortly.`, error));
      }
      if (!closed) dispatch();
    };
    worker.on('error', (error) => lost(error.message, error));
    worker.on('exit', (code) => lost(`thread exited with code ${code}`));
    threads.add(thread);
    return thread;
  }

  function finish(thread: Thread) {
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = undefined;
    thread.job = undefined;
  }

  function dispatch() {
    while (queue.length > 0) {
      let idle = [...threads].find((thread) => !thread.job);
      if (!idle && threads.size < options.threads) idle = spawn();
      if (!idle) return;
      const job = queue.shift()!;
      const thread = idle;
      thread.job = job;
      thread.timer = setTimeout(() => {
        logger.error({ timeoutMs: options.timeoutMs }, 'pdf renderer: a PDF took too long; ending its thread');
        void thread.worker.terminate();
      }, options.timeoutMs);
      const message: RenderJob = { id: job.id, document: job.document };
      thread.worker.postMessage(message);
    }
  }

  return {
    render(document) {
      if (closed) return Promise.reject(failed('The server is shutting down.'));
      if (queue.length >= options.maxQueued) {
        return Promise.reject(
          new ProblemError({
            status: 503,
            slug: 'pdf-renderer-busy',
            detail: 'Too many PDFs are being rendered right now; try again shortly.',
            headers: { 'Retry-After': '5' },
            extensions: { dependency: 'pdf renderer' },
          }),
        );
      }
      return new Promise<Buffer>((resolve, reject) => {
        queue.push({ id: nextId++, document, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(failed('The server is shutting down.'));
      await Promise.all([...threads].map((thread) => thread.worker.terminate()));
    },
  };
}
