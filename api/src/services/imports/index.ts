import { createHash } from 'node:crypto';
import type { AppDeps } from '../../deps.js';
import type { CatalogueFormat } from '../../domain/catalogue/catalogue-file.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { problems } from '../../lib/problem.js';
import { recordActivity } from '../../repositories/activity.js';
import { findImportJob, listImportIssues, listImportJobs } from '../../repositories/imports.js';
import type { Caller } from '../caller.js';
import { createCatalogueImport } from '../catalogue/catalogue-imports.js';
import { createOnce, type Created } from '../idempotency.js';
import { toImportJobView, type ImportJobView } from './import-view.js';

const ISSUES_SHOWN = 1000;

/** An uploaded catalogue file. */
export interface CatalogueUpload {
  content: Buffer;
  fileName: string | null;
  format: CatalogueFormat;
}

/**
 * Catalogue imports as a client sees them: queue a file (the import worker
 * runs it), follow the job, read its rejected rows and warnings.
 */
export function importsService(deps: Pick<AppDeps, 'db' | 'jobs'>) {
  const { db } = deps;

  return {
    async start(caller: Caller, upload: CatalogueUpload, idempotencyKey: string | undefined): Promise<Created<ImportJobView>> {
      const digest = createHash('sha256').update(upload.content).digest('hex');
      const request = { userId: caller.id, key: idempotencyKey, operation: 'createImport', payload: { digest, format: upload.format, fileName: upload.fileName } };
      const created = await createOnce(db, request, async (trx) => {
        const { importJob: row } = await createCatalogueImport(trx, {
          format: upload.format,
          fileName: upload.fileName,
          content: upload.content,
          createdBy: caller.id,
        });
        await recordActivity(trx, {
          actorId: caller.id,
          action: 'import.created',
          entityType: 'import',
          entityId: row.id,
          summary: `${caller.name} started a catalogue import${upload.fileName ? ` of ${upload.fileName}` : ''}`,
        });
        return toImportJobView(row);
      });
      deps.jobs.wake();
      return created;
    },

    async list(query: { limit: number; cursor?: string | undefined }) {
      const after = query.cursor ? decodeKeysetCursor(query.cursor) : undefined;
      const rows = await listImportJobs(db, { limit: query.limit, ...(after ? { after } : {}) });
      const page = paginate(rows, query.limit);
      return { items: page.items.map(toImportJobView), nextCursor: page.nextCursor };
    },

    async get(id: string) {
      const row = await findImportJob(db, id);
      if (!row) throw problems.notFound('The import job');
      const [rejected, warnings] = await Promise.all([
        listImportIssues(db, row.id, 'rejected', ISSUES_SHOWN),
        listImportIssues(db, row.id, 'warning', ISSUES_SHOWN),
      ]);
      const issue = (i: { row_number: number; sku: string | null; reason: string }) => ({ row: i.row_number, sku: i.sku, reason: i.reason });
      return { ...toImportJobView(row), rejectedRows: rejected.map(issue), warnings: warnings.map(issue) };
    },
  };
}
