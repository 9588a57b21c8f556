import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { inspectArchive, isZipArchive } from './archive-inspection.js';
import { FileLimitError, UnreadableFileError } from './errors.js';
import type { BoundedParser } from './parser.js';
import { parsers, type ParserName } from './parsers.js';
import type { ParseRequest, ParserWorkerData, WorkerMessage } from './worker-protocol.js';

/**
 * Runs a parser inside a worker thread (see run-bounded-parser.ts and
 * resident-parser.ts). A one-off worker gets its file with its start and
 * ends after it; a resident worker loads the parser and its libraries at
 * once, then reads the files it is sent, one at a time, until it is
 * terminated. A ZIP archive is inspected before the parser sees it.
 */
const data = workerData as ParserWorkerData;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function parseFile(parser: BoundedParser<unknown, unknown>, request: ParseRequest): Promise<void> {
  const file = 'path' in request.input ? await readFile(request.input.path) : Buffer.from(request.input.bytes.buffer, request.input.bytes.byteOffset, request.input.bytes.byteLength);
  const { limits } = request;
  if (isZipArchive(file)) {
    const verdict = await inspectArchive(file, limits, { inflate: true });
    if (!verdict.ok) return post({ type: 'refused', failure: 'too-large', reason: verdict.reason });
  }
  let lastProgress = 0;
  const result = await parser.parse(file, {
    options: request.options as never,
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

function report(error: unknown): void {
  if (error instanceof UnreadableFileError) post({ type: 'refused', failure: 'unreadable', reason: error.message });
  else if (error instanceof FileLimitError) post({ type: 'refused', failure: 'too-large', reason: error.message });
  else post({ type: 'crashed', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
}

if (data.file) {
  const file = data.file;
  loadParser()
    .then((parser) => parseFile(parser, file))
    .catch(report);
} else {
  // Resident: the parser and its libraries are loaded while no file waits; files are read in the order sent.
  const parser = loadParser().then(async (loaded) => {
    await loaded.load?.();
    return loaded;
  });
  parser.then(() => post({ type: 'ready' })).catch(() => {});
  let queue = Promise.resolve();
  parentPort!.on('message', (request: ParseRequest) => {
    queue = queue.then(() => parser.then((loaded) => parseFile(loaded, request))).catch(report);
  });
}
