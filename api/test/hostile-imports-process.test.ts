import { readFileSync } from 'node:fs';
import type { ResponseOf } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTestDatabase, restartApi, startApi, STARTUP_DEADLINE_MS, type RunningApi } from '../../scripts/lib/test-stack.mjs';
import { denseSheet, sharedStringsSheet, xfdSheet, xlsxWithSheetData } from './support/zip-files.js';

// Issue 10, finding 1, end to end: hostile XLSX files uploaded through the
// catalogue import endpoint of the real API process (not the in-process test
// app), watching that process from outside: its resident memory (VmRSS) and
// whether /api/health keeps answering while the file is processed. Then the
// same process killed (SIGKILL) while it parses an import, and started again.

type Job = ResponseOf<'getImport'>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The bound on the API's memory rise while one hostile file is processed. */
const MAX_RSS_RISE_MB = 200;
/**
 * The bound on a health answer while a file is processed is 1 s; on a
 * shared test machine one answer may miss it by a scheduler hiccup, so every
 * answer here must come within 1.5 s. What it catches: work over all rows done
 * in one go on the API's event loop (checking 32,000 rows for duplicate SKUs or
 * relations at once held answers for 1.3–4 s). The streaming parser itself
 * yields between chunks even on the event loop, so whether it runs in its own
 * thread is proven by its own heap limit (the shared-strings case).
 */
const MAX_HEALTH_MS = 1_500;
const POLL_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

async function signIn(api: RunningApi, admin = api.admin): Promise<Record<string, string>> {
  expect(admin, api.output()).toBeDefined();
  const answer = await fetch(`${api.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  expect(answer.status, api.output()).toBe(200);
  return { authorization: `Bearer ${((await answer.json()) as { accessToken: string }).accessToken}` };
}

async function upload(api: RunningApi, auth: Record<string, string>, file: Buffer, fileName: string): Promise<Job> {
  const answer = await fetch(`${api.baseUrl}/api/imports?filename=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': XLSX },
    body: file,
  });
  expect(answer.status, await answer.clone().text()).toBe(202);
  return (await answer.json()) as Job;
}

async function job(api: RunningApi, auth: Record<string, string>, id: string): Promise<Job> {
  const answer = await fetch(`${api.baseUrl}/api/imports/${id}`, { headers: auth });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Job;
}

const ended = (j: Job) => j.status === 'succeeded' || j.status === 'failed';

interface Watched {
  job: Job;
  baselineMb: number;
  peakMb: number;
  healthMs: number[];
  healthStatuses: number[];
}

/**
 * Uploads `file` and, until its import ends, asks /api/health every
 * POLL_MS (timing each answer) and reads the API process's VmRSS.
 */
async function importWatched(api: RunningApi, auth: Record<string, string>, file: Buffer, fileName: string, timeoutMs = 240_000): Promise<Watched> {
  const baselineMb = rssMb(api.pid);
  let peakMb = baselineMb;
  const healthMs: number[] = [];
  const healthStatuses: number[] = [];
  const created = await upload(api, auth, file, fileName);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const started = performance.now();
    const health = await fetch(`${api.baseUrl}/api/health`, { signal: AbortSignal.timeout(30_000) });
    await health.arrayBuffer();
    healthMs.push(Math.round(performance.now() - started));
    healthStatuses.push(health.status);
    peakMb = Math.max(peakMb, rssMb(api.pid));
    const current = await job(api, auth, created.id);
    if (ended(current)) return { job: current, baselineMb, peakMb, healthMs, healthStatuses };
    if (Date.now() > deadline) throw new Error(`import ${fileName} still ${current.status} after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

function expectBounded(watched: Watched, what: string) {
  const summary = `${what}: RSS ${watched.baselineMb.toFixed(0)} → ${watched.peakMb.toFixed(0)} MB; ${watched.healthMs.length} health answers, slowest ${Math.max(...watched.healthMs)} ms`;
  console.info(summary);
  expect(watched.peakMb - watched.baselineMb, summary).toBeLessThan(MAX_RSS_RISE_MB);
  expect(Math.max(...watched.healthMs), `${summary}; all: ${watched.healthMs.join(' ')}`).toBeLessThan(MAX_HEALTH_MS);
  expect(new Set(watched.healthStatuses), summary).toEqual(new Set([200]));
  // Several answers while the file was processed, not one before and one after.
  expect(watched.healthMs.length, summary).toBeGreaterThanOrEqual(3);
}

// Files are made once, before any process is watched (making them is CPU work of this process,
// and seconds of it between two requests would also outlast the API's keep-alive: a reused
// connection closed by the server as the upload starts is a client-side "other side closed").
let dense: Buffer;
const DENSE_ROWS = 32_000;
let bomb: Buffer;
let lyingBomb: Buffer;
let sharedStrings: Buffer;
let xfd: Buffer;
beforeAll(() => {
  // ~10 MB: 32,000 rows × 40 filled columns, compressing like real data.
  dense = denseSheet(DENSE_ROWS, 40);
  // 100 MB of spaces in 100 KB: refused by its ratio before anything inflates it.
  bomb = xlsxWithSheetData(Buffer.alloc(100 * 1024 * 1024, 0x20));
  // The same, declaring 1 KB: the ratio looks harmless, so inflating is what must stop it.
  lyingBomb = xlsxWithSheetData(Buffer.alloc(100 * 1024 * 1024, 0x20));
  patchDeclaredSizes(lyingBomb, 'xl/worksheets/sheet1.xml', 1_000);
  // 450,000 distinct ~100-character shared strings: ~45 MB of text (under the 64 MB text limit) in ~1.3 MB,
  // more than a parser's heap (PARSE_MAX_HEAP_MB below) can hold.
  sharedStrings = sharedStringsSheet(450_000);
  // The audit's sheet: ~204 KB, 120,000 rows of one cell in the last column.
  xfd = xfdSheet(120_000);
}, 240_000);

/** Rewrites the uncompressed size a ZIP declares for `name`, in its local header and its central directory entry. */
function patchDeclaredSizes(archive: Buffer, name: string, size: number) {
  const encoded = Buffer.from(name, 'utf8');
  for (let at = archive.indexOf(encoded); at !== -1; at = archive.indexOf(encoded, at + 1)) {
    if (archive.readUInt32LE(at - 30) === 0x04034b50) archive.writeUInt32LE(size, at - 30 + 22);
    else if (archive.readUInt32LE(at - 46) === 0x02014b50) archive.writeUInt32LE(size, at - 46 + 24);
  }
}

describe('hostile XLSX imports in the real API process', () => {
  let api: RunningApi;
  let auth: Record<string, string>;
  beforeAll(async () => {
    // A parser's heap of 48 MB (default 96): the dense sheet fits, the shared strings do not. The RFQ documents'
    // reader thread, which otherwise starts with the process, waits for a first document: still loading when the
    // baseline was read, its ~50 MB counted as the import's rise (367 → 571 MB in a clean-clone run).
    api = await startApi({
      env: { JOBS_POLL_MS: '100', GRAPH_SYNC_INTERVAL_MS: '60000', PARSE_MAX_HEAP_MB: '48', DOCUMENT_PARSER_START: 'first-document' },
    });
    auth = await signIn(api);
    // Warm the process up (first requests, first worker thread) so the baseline is not its cold start.
    for (let i = 0; i < 5; i += 1) await (await fetch(`${api.baseUrl}/api/health`)).arrayBuffer();
    const warm = await importWatched(api, auth, Buffer.from(denseSheet(50, 5)), 'warm-up.xlsx');
    expect(warm.job.status).toBe('succeeded');
  }, STARTUP_DEADLINE_MS + 120_000);
  afterAll(async () => api?.stop());

  it(`imports a dense ~10 MB sheet (${DENSE_ROWS.toLocaleString('en')} rows × 40 columns) with a bounded memory rise while /api/health keeps answering`, async () => {
    expect(dense.length).toBeGreaterThan(9 * 1024 * 1024);
    const watched = await importWatched(api, auth, dense, 'dense.xlsx');
    expect(watched.job, JSON.stringify(watched.job)).toMatchObject({ status: 'succeeded', rowsTotal: DENSE_ROWS, rowsDone: DENSE_ROWS, rejected: 0 });
    expectBounded(watched, 'dense 10 MB sheet');
  }, 300_000);

  it("imports the audit's 204 KB sheet (a cell per row in column XFD, 120,000 rows) without holding 16,384-wide rows", async () => {
    expect(xfd.length).toBeGreaterThan(200_000);
    const watched = await importWatched(api, auth, xfd, 'xfd.xlsx');
    // The cells right of the header's last column are never read into rows: no data rows at all.
    expect(watched.job, JSON.stringify(watched.job)).toMatchObject({ status: 'succeeded', rowsTotal: 0, rowsDone: 0, created: 0, rejected: 0 });
    expectBounded(watched, 'XFD sheet');
  }, 120_000);

  it.each([
    ['a zip bomb (100 MB of spaces in 100 KB)', () => bomb, /a zip bomb/],
    ['a zip bomb that declares 1 KB', () => lyingBomb, /damaged or larger than it declares/],
  ])('fails %s with the reason, memory and health unharmed', async (what, file, reason) => {
    const watched = await importWatched(api, auth, file(), 'bomb.xlsx');
    expect(watched.job).toMatchObject({ status: 'failed', rowsDone: 0, created: 0 });
    expect(watched.job.error).toMatch(/^The file could not be read: /);
    expect(watched.job.error).toMatch(reason);
    expectBounded(watched, what);
  }, 120_000);

  it("fails an import of 450,000 shared strings when they outgrow the parser's own heap, memory and health unharmed", async () => {
    const watched = await importWatched(api, auth, sharedStrings, 'shared-strings.xlsx');
    // The parser's thread ran out of its 48 MB and was stopped; the API process lives on.
    // (A parse on the API's own thread would have kept the strings in the API's heap and gone on.)
    expect(watched.job, JSON.stringify(watched.job)).toMatchObject({ status: 'failed', rowsDone: 0, created: 0 });
    expect(watched.job.error).toMatch(/^The file could not be read: reading the file needed more than the 48 MB of memory a parser may use, and was stopped/);
    expectBounded(watched, '450,000 shared strings');
  }, 120_000);
});

describe('an API process killed while it parses an import', () => {
  let api: RunningApi;
  let auth: Record<string, string>;
  let env: Record<string, string>;
  let admin: RunningApi['admin'];
  beforeAll(async () => {
    api = await startApi({ env: { JOBS_POLL_MS: '100', JOBS_LEASE_SECONDS: '2', GRAPH_SYNC_INTERVAL_MS: '60000' }, keepDatabase: true });
    env = api.env;
    // A restarted API prints no first-admin credentials (the admin exists): these stay.
    admin = api.admin;
    auth = await signIn(api);
  }, STARTUP_DEADLINE_MS + 60_000);
  afterAll(async () => {
    await api?.stop('SIGKILL');
    if (env) await dropTestDatabase(env['DATABASE_URL']!);
  });

  /** Waits until the import is being parsed (running, rows not yet known) by the `attempt`-th run; then SIGKILLs the process and starts it again. */
  async function killWhileParsing(id: string, attempt: number) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const current = await job(api, auth, id);
      if (current.status === 'running' && current.attempts === attempt && current.rowsTotal === null) break;
      expect(ended(current), JSON.stringify(current)).toBe(false);
      if (Date.now() > deadline) throw new Error(`attempt ${attempt} never started parsing: ${JSON.stringify(current)}`);
      await sleep(50);
    }
    expect(await api.stop('SIGKILL')).toBe('SIGKILL');
    api = await restartApi(env);
    auth = await signIn(api, admin);
  }

  async function waitEnded(id: string, timeoutMs = 240_000): Promise<Job> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await job(api, auth, id);
      if (ended(current)) return current;
      if (Date.now() > deadline) throw new Error(`import still ${current.status}: ${JSON.stringify(current)}`);
      await sleep(200);
    }
  }

  it('completes an import exactly once after one crash during its parse', async () => {
    const created = await upload(api, auth, dense, 'dense.xlsx');
    await killWhileParsing(created.id, 1);
    const done = await waitEnded(created.id);
    expect(done, JSON.stringify(done)).toMatchObject({ status: 'succeeded', attempts: 2, rowsTotal: DENSE_ROWS, rowsDone: DENSE_ROWS, created: DENSE_ROWS, updated: 0, rejected: 0 });
  }, STARTUP_DEADLINE_MS + 360_000);

  it('fails an import whose parse the process dies in at every attempt, with the reason, instead of retrying it forever', async () => {
    const created = await upload(api, auth, dense, 'dense-again.xlsx');
    // Three attempts (the queue's default), each ended by a crash mid-parse.
    for (const attempt of [1, 2, 3]) await killWhileParsing(created.id, attempt);
    const failed = await waitEnded(created.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, rowsDone: 0, created: 0 });
    expect(failed.error).toMatch(/^The process running this job stopped 3 times while working on it \(it crashed or ran out of memory on this input\); it is not tried again\./);
    // And it stays failed: the restarted process does not pick it up again.
    await sleep(3_000);
    expect(await job(api, auth, created.id)).toMatchObject({ status: 'failed', attempts: 3 });
  }, 3 * STARTUP_DEADLINE_MS + 420_000);
});
