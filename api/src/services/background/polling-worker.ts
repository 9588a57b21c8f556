import type { Logger } from 'pino';

/**
 * The one background-loop shape of the API: run a round of work, sleep, run
 * again, until stopped. A round returns how long to sleep before the next one
 * (0: go on at once, e.g. a queue that is not empty yet), which is how each
 * loop expresses its own polling and back-off. `wake()` cuts a sleep short
 * (new work was just queued); `stop()` lets the round in progress finish and
 * resolves when the loop has ended. A round that throws is logged and retried
 * after `retryMs`: a loop never dies silently.
 */
export interface PollingWorker {
  wake(): void;
  stop(): Promise<void>;
}

export interface PollingWorkerOptions {
  /** Names the loop in the logs. */
  name: string;
  logger: Logger;
  /** One round; `stopping()` turns true once stop() was called, for rounds that can end early. */
  round: (stopping: () => boolean) => Promise<number>;
  retryMs: number;
}

export function startPollingWorker(options: PollingWorkerOptions): PollingWorker {
  let stopped = false;
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      // A sleeping loop does not keep the process alive; stop() ends it on shutdown.
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const stopping = () => stopped;
  const loop = (async () => {
    while (!stopped) {
      let delay: number;
      try {
        delay = await options.round(stopping);
      } catch (error) {
        options.logger.error({ err: error, worker: options.name }, `${options.name}: round failed; retrying in ${options.retryMs} ms`);
        delay = options.retryMs;
      }
      if (stopped) break;
      if (delay > 0) await sleep(delay);
    }
  })();
  return {
    wake: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
