import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { AppEnv, AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { decodeKeysetCursor, paginate } from '../../lib/cursor.js';
import { ProblemError, problems } from '../../lib/problem.js';
import { formatOf, XLSX_MEDIA_TYPE, type CatalogueFormat } from '../../domain/catalogue/catalogue-file.js';
import { recordActivity } from '../../repositories/activity.js';
import { createOnce } from '../../services/idempotency.js';
import { setCreatedHeaders } from '../../http/created.js';
import { createImportJob, findImportJob, listImportIssues, listImportJobs } from '../../repositories/imports.js';
import { toImportJob } from './imports.schemas.js';
import type { CreateRoute, GetRoute, ListRoute } from './imports.routes.js';

const ISSUES_SHOWN = 1000;

/** The uploaded file from a raw body or a multipart `file` part. */
async function readUpload(c: Context<AppEnv>, queryName: string | undefined): Promise<{ content: Buffer; fileName: string | null; format: CatalogueFormat }> {
  const contentType = (c.req.header('content-type') ?? '').toLowerCase();
  const essence = contentType.split(';')[0]!.trim();
  if (essence === 'multipart/form-data') {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody();
    } catch {
      throw problems.validation([{ path: 'body', message: 'Not a readable multipart/form-data body.', code: 'invalid_multipart' }]);
    }
    const part = Array.isArray(form['file']) ? form['file'][0] : form['file'];
    if (part === undefined) throw problems.validation([{ path: 'body.file', message: 'A `file` part with the catalogue is required.', code: 'required' }]);
    if (typeof part === 'string') {
      return { content: Buffer.from(part, 'utf8'), fileName: queryName ?? null, format: formatOf(undefined, queryName) ?? 'csv' };
    }
    const content = Buffer.from(await part.arrayBuffer());
    const fileName = part.name || queryName || null;
    return { content, fileName, format: formatOf(part.type, fileName) ?? sniff(content) };
  }
  if (essence === 'text/csv' || essence === XLSX_MEDIA_TYPE) {
    const content = Buffer.from(await c.req.arrayBuffer());
    return { content, fileName: queryName ?? null, format: formatOf(essence, queryName)! };
  }
  throw new ProblemError({
    status: 415,
    slug: 'unsupported-media-type',
    detail: `Send the catalogue as text/csv, ${XLSX_MEDIA_TYPE} or multipart/form-data (a \`file\` part).`,
  });
}

/** A ZIP archive (PK\x03\x04) is an XLSX; anything else is read as CSV. */
const sniff = (content: Buffer): CatalogueFormat => (content.length >= 4 && content.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv');

export function importsHandlers(deps: AppDeps) {
  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const actor = currentUser(c);
    const { filename } = c.req.valid('query');
    const upload = await readUpload(c, filename);
    const digest = createHash('sha256').update(upload.content).digest('hex');
    const result = await createOnce(
      deps.db,
      {
        userId: actor.id,
        key: c.req.valid('header')['idempotency-key'],
        operation: 'createImport',
        payload: { digest, format: upload.format, fileName: upload.fileName },
      },
      async (trx) => {
        const row = await createImportJob(trx, {
          format: upload.format,
          fileName: upload.fileName,
          content: upload.content,
          createdBy: actor.id,
          ...(upload.content.length === 0 ? { failedBecause: 'The file is empty.' } : {}),
        });
        await recordActivity(trx, {
          actorId: actor.id,
          action: 'import.created',
          entityType: 'import',
          entityId: row.id,
          summary: `${actor.name} started a catalogue import${upload.fileName ? ` of ${upload.fileName}` : ''}`,
        });
        return toImportJob(row);
      },
    );
    setCreatedHeaders(c, result, { location: `/api/imports/${result.value.id}` });
    return c.json(result.value, 202);
  };

  const list: AppRouteHandler<ListRoute> = async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = cursor ? decodeKeysetCursor(cursor) : undefined;
    const rows = await listImportJobs(deps.db, { limit, ...(after ? { after } : {}) });
    const page = paginate(rows, limit);
    return c.json({ items: page.items.map(toImportJob), nextCursor: page.nextCursor }, 200);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const row = await findImportJob(deps.db, c.req.valid('param').id);
    if (!row) throw problems.notFound('The import job');
    const [rejected, warnings] = await Promise.all([
      listImportIssues(deps.db, row.id, 'rejected', ISSUES_SHOWN),
      listImportIssues(deps.db, row.id, 'warning', ISSUES_SHOWN),
    ]);
    const issue = (i: { row_number: number; sku: string | null; reason: string }) => ({ row: i.row_number, sku: i.sku, reason: i.reason });
    c.header('Cache-Control', 'no-store');
    return c.json({ ...toImportJob(row), rejectedRows: rejected.map(issue), warnings: warnings.map(issue) }, 200);
  };

  return { create, list, get };
}
