import type { Logger } from 'pino';
import { runImportJob } from '../../catalogue/import-job.js';
import type { Db } from '../../db/database.js';
import type { ImportJobRow, JobRow } from '../../db/schema.js';
import type { ParseLimits } from '../../parsing/limits.js';
import { createImportJob, findImportJob, finishImportJob, markImportRunning, requeueImportJob } from '../../repositories/imports.js';
import { enqueueJob } from '../../repositories/jobs.js';
import type { JobHandler } from '../jobs/job-handler.js';

export const CATALOGUE_IMPORT_JOB = 'catalogue.import';

/**
 * Creates a catalogue import with its stored file and queues its job, in the
 * caller's transaction (the import and its job commit together or not at all).
 * An empty file makes an import that failed at once, with no job.
 */
export async function createCatalogueImport(
  trx: Db,
  upload: { format: 'csv' | 'xlsx'; fileName: string | null; content: Buffer; createdBy: string | null },
): Promise<{ importJob: ImportJobRow; job: JobRow | undefined }> {
  const empty = upload.content.length === 0;
  const importJob = await createImportJob(trx, { ...upload, ...(empty ? { failedBecause: 'The file is empty.' } : {}) });
  const job = empty ? undefined : await enqueueJob(trx, { kind: CATALOGUE_IMPORT_JOB, subjectId: importJob.id });
  return { importJob, job };
}

/** Runs catalogue imports from the job queue: each run resumes after the import's last committed batch. */
export function catalogueImportJobHandler(deps: { db: Db; logger: Logger }, options: { defaultCurrency: string; parseLimits: ParseLimits }): JobHandler {
  const importIdOf = (job: JobRow) => String(job.payload['subjectId']);
  return {
    kind: CATALOGUE_IMPORT_JOB,
    async run(job, context) {
      const current = await findImportJob(deps.db, importIdOf(job));
      if (!current) return { status: 'failed', reason: 'The import no longer exists.' };
      // Ended already (its process died after ending the import, before ending the job): nothing to redo.
      if (current.status === 'succeeded') return { status: 'done' };
      if (current.status === 'failed') return { status: 'failed', reason: current.error ?? 'The import failed.' };
      const importJob = await markImportRunning(deps.db, current.id);
      const outcome = await runImportJob(deps, importJob, {
        defaultCurrency: options.defaultCurrency,
        parseLimits: options.parseLimits,
        shouldStop: () => context.signal.aborted,
        signal: context.signal,
        onProgress: ({ done, total }) => context.progress(done, total),
      });
      switch (outcome) {
        case 'succeeded':
          return { status: 'done' };
        case 'failed':
          return { status: 'failed', reason: (await findImportJob(deps.db, current.id))?.error ?? 'The import failed.' };
        case 'retry':
          return { status: 'retry', reason: 'a datastore was unavailable during the import' };
        case 'interrupted':
          await requeueImportJob(deps.db, current.id);
          return { status: 'interrupted' };
      }
    },
    async ended(job, end) {
      const importJob = await findImportJob(deps.db, importIdOf(job));
      const applied = importJob ? ` Rows applied before it stopped: ${importJob.rows_done.toLocaleString('en')} of ${importJob.rows_total?.toLocaleString('en') ?? '?'} (nothing after).` : '';
      await finishImportJob(deps.db, importIdOf(job), { status: 'failed', error: `${end.reason}${applied}` });
    },
  };
}
