import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrate.js';
import type { JobRow } from '../src/db/schema.js';
import { retryDelaySeconds } from '../src/domain/jobs/backoff.js';
import { cancelJob, claimJob, enqueueJob, findJob, retryJob } from '../src/repositories/jobs.js';
import type { JobHandler, JobVerdict } from '../src/services/jobs/job-handler.js';
import { startJobRunner, type JobRunner } from '../src/services/jobs/job-runner.js';
import { databaseBackends, eventually, silentLogger, sleep, type DatabaseUnderTest, type Opened } from './support/backends.js';

/** A handler whose behaviour each test scripts: it records the jobs it ran and answers what `next` says. */
function scriptedHandler(kind: string) {
  const runs: { id: string; attempts: number }[] = [];
  const ended: { id: string; status: string; reason: string }[] = [];
  const handler: JobHandler & { next: (job: JobRow, signal: AbortSignal, progress: (done: number, total?: number) => void) => Promise<JobVerdict> } = {
    kind,
    next: async () => ({ status: 'done' }),
    run(job, context) {
      runs.push({ id: job.id, attempts: job.attempts });
      return handler.next(job, context.signal, context.progress);
    },
    async ended(job, end) {
      ended.push({ id: job.id, ...end });
    },
  };
  return { handler, runs, ended };
}

const untilAborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

describe.each(databaseBackends)('job queue: $backend', (backend) => {
  let opened: Opened<DatabaseUnderTest>;
  const db = () => opened.subject.db;
  const runners: JobRunner[] = [];
  const runner = (handler: JobHandler, options: Partial<Parameters<typeof startJobRunner>[2]> = {}) => {
    const started = startJobRunner({ db: db(), logger: silentLogger }, [handler], { pollMs: 50, leaseSeconds: 2, concurrency: 1, retryBaseSeconds: 1, ...options });
    runners.push(started);
    return started;
  };
  const settled = async (id: string, timeoutMs = 15_000) => {
    let job: JobRow | undefined;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      job = await findJob(db(), id);
      if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
      if (Date.now() > deadline) throw new Error(`job ${id} still ${job?.status}`);
      await sleep(50);
    }
  };

  beforeAll(async () => {
    opened = await backend.open();
    await migrateToLatest(db());
  }, 180_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await opened?.close();
  });

  it('runs a queued job once and records it done with its progress', async () => {
    const { handler, runs } = scriptedHandler('test.done');
    handler.next = async (_job, _signal, progress) => {
      progress(5, 10);
      progress(10, 10);
      return { status: 'done', result: { rows: 10 } };
    };
    const job = await enqueueJob(db(), { kind: 'test.done', subjectId: 'subject-1' });
    runner(handler);
    const done = await settled(job.id);
    expect(done).toMatchObject({ status: 'done', attempts: 1, progress_done: 10, progress_total: 10, result: { rows: 10 }, error: null, locked_by: null });
    expect(runs).toHaveLength(1);
  });

  it('keeps one unfinished job per subject', async () => {
    await enqueueJob(db(), { kind: 'test.unique', subjectId: 'same' });
    await expect(enqueueJob(db(), { kind: 'test.unique', subjectId: 'same' })).rejects.toThrow(/jobs_subject_key|unique|duplicate/i);
  });

  it('never gives one job to two workers at once', async () => {
    const job = await enqueueJob(db(), { kind: 'test.claim' });
    const claims = await Promise.all([1, 2, 3].map((n) => claimJob(db(), { kinds: ['test.claim'], workerId: `w${n}`, leaseSeconds: 60 })));
    expect(claims.filter(Boolean).map((c) => c!.id)).toEqual([job.id]);
  });

  it('makes a job claimable again when its lease runs out (its process died), counting the attempt', async () => {
    const job = await enqueueJob(db(), { kind: 'test.lease' });
    // A lease long enough that the claim right after it is made before it runs out, however slow the machine.
    const first = await claimJob(db(), { kinds: ['test.lease'], workerId: 'dead-process', leaseSeconds: 3 });
    expect(first).toMatchObject({ id: job.id, attempts: 1, lost_leases: 0 });
    expect(await claimJob(db(), { kinds: ['test.lease'], workerId: 'other', leaseSeconds: 60 })).toBeUndefined();
    await sleep(3_200);
    const again = await claimJob(db(), { kinds: ['test.lease'], workerId: 'other', leaseSeconds: 60 });
    expect(again).toMatchObject({ id: job.id, attempts: 2, lost_leases: 1, locked_by: 'other' });
  });

  it('fails a job whose process dies on it every time, with the reason, instead of running it into the same crash', async () => {
    const { handler, runs, ended } = scriptedHandler('test.crash');
    const job = await enqueueJob(db(), { kind: 'test.crash', maxAttempts: 3 });
    // Three processes each take the job and die while working on it (their leases run out).
    for (const n of [1, 2, 3]) {
      expect(await claimJob(db(), { kinds: ['test.crash'], workerId: `doomed-${n}`, leaseSeconds: 1 })).toMatchObject({ attempts: n });
      await sleep(1_100);
    }
    runner(handler);
    const failed = await settled(job.id);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 4,
      lost_leases: 3,
      error: 'The process running this job stopped 3 times while working on it (it crashed or ran out of memory on this input); it is not tried again.',
    });
    expect(runs).toEqual([]);
    // The runner tells `ended` after the job's row is committed: wait for it, do not race it.
    await eventually(() => ended.length > 0);
    expect(ended).toEqual([{ id: job.id, status: 'failed', reason: failed.error }]);
  });

  it('retries a passing failure after a back-off, then gives up with the reason', async () => {
    expect([1, 2, 3, 9].map((attempt) => retryDelaySeconds(attempt, 5))).toEqual([5, 20, 80, 900]);
    const { handler, runs, ended } = scriptedHandler('test.retry');
    handler.next = async () => ({ status: 'retry', reason: 'the mail server did not answer' });
    const job = await enqueueJob(db(), { kind: 'test.retry', maxAttempts: 2 });
    // A back-off of 4 s: the job waits, queued, long enough to be seen waiting on a slow machine.
    runner(handler, { retryBaseSeconds: 4 });
    let waiting: JobRow | undefined;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && !(waiting?.status === 'queued' && waiting.attempts === 1); ) {
      if (waiting) await sleep(20);
      waiting = await findJob(db(), job.id);
    }
    expect(runs).toHaveLength(1);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, error: 'the mail server did not answer' });
    // Back-off of the first attempt: 4 s after the retry was recorded (not run again before).
    expect(waiting!.run_after.getTime() - Date.now()).toBeGreaterThan(1_000);
    const failed = await settled(job.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, error: 'Gave up after 2 attempts: the mail server did not answer' });
    expect(runs.map((r) => r.attempts)).toEqual([1, 2]);
    // The runner tells `ended` after the job's row is committed: wait for it, do not race it.
    await eventually(() => ended.length > 0);
    expect(ended).toEqual([{ id: job.id, status: 'failed', reason: failed.error }]);
  });

  it('fails a job whose handler says the input is bad, at once and without retrying', async () => {
    const { handler, runs } = scriptedHandler('test.bad');
    handler.next = async () => ({ status: 'failed', reason: 'PDF has no text layer' });
    const job = await enqueueJob(db(), { kind: 'test.bad' });
    runner(handler);
    expect(await settled(job.id)).toMatchObject({ status: 'failed', attempts: 1, error: 'PDF has no text layer' });
    expect(runs).toHaveLength(1);
  });

  it('cancels a queued job at once and a running one through its signal; retry queues it again', async () => {
    const queued = await enqueueJob(db(), { kind: 'test.cancel-queued', runAfter: new Date(Date.now() + 3_600_000) });
    expect(await cancelJob(db(), queued.id)).toMatchObject({ status: 'cancelled', error: 'cancelled before it started' });

    const { handler, runs, ended } = scriptedHandler('test.cancel');
    let attempt = 0;
    handler.next = async (_job, signal) => {
      attempt += 1;
      if (attempt > 1) return { status: 'done' };
      await untilAborted(signal);
      return { status: 'interrupted' };
    };
    const job = await enqueueJob(db(), { kind: 'test.cancel' });
    runner(handler, { leaseSeconds: 1 });
    await eventually(() => runs.length === 1);
    expect(await cancelJob(db(), job.id)).toMatchObject({ status: 'processing', cancel_requested: true });
    const cancelled = await settled(job.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', error: 'Cancelled while it ran; what it had finished stays.' });
    // The runner tells `ended` after the job's row is committed: wait for it, do not race it.
    await eventually(() => ended.length > 0);
    expect(ended).toEqual([{ id: job.id, status: 'cancelled', reason: cancelled.error }]);

    expect(await retryJob(db(), job.id)).toMatchObject({ status: 'queued', attempts: 0, error: null, cancel_requested: false });
    expect(await settled(job.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await retryJob(db(), job.id)).toBeUndefined();
  });

  it('hands a running job back when the runner stops, without counting that run as an attempt', async () => {
    const { handler, runs } = scriptedHandler('test.stop');
    handler.next = async (_job, signal) => {
      await untilAborted(signal);
      return { status: 'interrupted' };
    };
    const job = await enqueueJob(db(), { kind: 'test.stop' });
    const r = runner(handler);
    await eventually(() => runs.length === 1);
    await r.stop();
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'queued', attempts: 0, locked_by: null, lease_expires_at: null });
  });

  it('lets a running job finish within shutdownGraceMs when the runner stops, and claims nothing new meanwhile', async () => {
    const { handler, runs } = scriptedHandler('test.grace');
    let finish: () => void = () => {};
    let aborted = false;
    handler.next = async (_job, signal) => {
      signal.addEventListener('abort', () => (aborted = true), { once: true });
      await new Promise<void>((resolve) => (finish = resolve));
      return { status: 'done' };
    };
    const job = await enqueueJob(db(), { kind: 'test.grace' });
    const r = runner(handler, { shutdownGraceMs: 60_000 });
    await eventually(() => runs.length === 1);
    const later = await enqueueJob(db(), { kind: 'test.grace' });
    const stopped = r.stop();
    // Stopping waits for the job: it is still running, not handed back.
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'processing' });
    finish();
    await stopped;
    expect(aborted).toBe(false);
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'done', attempts: 1 });
    expect(await findJob(db(), later.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(runs).toHaveLength(1);
  });

  it('interrupts a job still running when shutdownGraceMs runs out, and hands it back', async () => {
    const { handler, runs } = scriptedHandler('test.grace-over');
    handler.next = async (_job, signal) => {
      await untilAborted(signal);
      return { status: 'interrupted' };
    };
    const job = await enqueueJob(db(), { kind: 'test.grace-over' });
    const r = runner(handler, { shutdownGraceMs: 200 });
    await eventually(() => runs.length === 1);
    await r.stop();
    expect(await findJob(db(), job.id)).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
  });

  it('turns an unexpected error of a handler into a retry, not a lost job', async () => {
    const { handler, runs } = scriptedHandler('test.throws');
    handler.next = async (job) => {
      if (job.attempts === 1) throw new Error('socket hang up');
      return { status: 'done' };
    };
    const job = await enqueueJob(db(), { kind: 'test.throws' });
    runner(handler, { retryBaseSeconds: 1 });
    expect(await settled(job.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(runs.map((r) => r.attempts)).toEqual([1, 2]);
  });
});
