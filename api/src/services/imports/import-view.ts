import type { ImportJobRow } from '../../db/schema.js';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** A catalogue import job as the API shows it (the contract's `ImportJob`). */
export function toImportJobView(row: ImportJobRow) {
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    fileName: row.file_name,
    fileSize: row.file_size,
    rowsTotal: row.rows_total,
    rowsDone: row.rows_done,
    progress: row.rows_total ? Math.min(1, Math.round((row.rows_done / row.rows_total) * 10_000) / 10_000) : row.status === 'succeeded' ? 1 : 0,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    rejected: row.rejected_count,
    relationsCreated: row.relations_created,
    error: row.error,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

export type ImportJobView = ReturnType<typeof toImportJobView>;
