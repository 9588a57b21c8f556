import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { inspectArchive, isZipArchive } from './archive-inspection.js';
import { FileLimitError, UnreadableFileError } from './errors.js';
import type { ParseLimits } from './limits.js';
import type { BoundedParser } from './parser.js';
import { parsers, type ParserName } from './parsers.js';
import type { ParserWorkerData, WorkerMessage } from './worker-protocol.js';

/**
 * Runs one parser on one file inside a worker thread (see run-bounded-parser.ts),
 * then ends. A ZIP archive is inspected before the parser sees it.
 */
const data = workerData as ParserWorkerData;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function main(): Promise<void> {
  const file = 'path' in data.input ? await readFile(data.input.path) : Buffer.from(data.input.bytes.buffer, data.input.bytes.byteOffset, data.input.bytes.byteLength);
  const limits: ParseLimits = data.limits;
  if (isZipArchive(file)) {
    const verdict = await inspectArchive(file, limits, { inflate: true });
    if (!verdict.ok) return post({ type: 'refused', failure: 'too-large', reason: verdict.reason });
  }
  const parser = await loadParser();
  let lastProgress = 0;
  const result = await parser.parse(file, {
    options: data.options as never,
    limits,
    progress(done, total) {
      const now = Date.now();
      if (now - lastProgress < 250) return;
      lastProgress = now;
      post({ type: 'progress', done, ...(total === undefined ? {} : { total }) });
    },
  });
  post({ type: 'result', value: result }, ownedBuffers(result));
}

async function loadParser(): Promise<BoundedParser<unknown, unknown>> {
  if (data.parser.module) return ((await import(data.parser.module)) as { default: BoundedParser<unknown, unknown> }).default;
  const load = parsers[data.parser.name as ParserName];
  if (!load) throw new Error(`no parser named ${data.parser.name}`);
  return (await load()).default as BoundedParser<unknown, unknown>;
}

/** ArrayBuffers wholly owned by typed arrays in the result (never a slice of Node's pool): moved, not copied. */
function ownedBuffers(value: unknown, depth = 0, found: ArrayBuffer[] = []): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return found;
  if (ArrayBuffer.isView(value)) {
    const { buffer, byteOffset, byteLength } = value;
    if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength && byteLength > 0 && !found.includes(buffer)) found.push(buffer);
    return found;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) ownedBuffers(child, depth + 1, found);
  return found;
}

main().catch((error: unknown) => {
  if (error instanceof UnreadableFileError) post({ type: 'refused', failure: 'unreadable', reason: error.message });
  else if (error instanceof FileLimitError) post({ type: 'refused', failure: 'too-large', reason: error.message });
  else post({ type: 'crashed', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
});
