import type { Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { AppEnv, AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { uploadedFileName } from '../../http/uploaded-file-name.js';
import { ProblemError, problems } from '../../lib/problem.js';
import { formatOf, XLSX_MEDIA_TYPE, type CatalogueFormat } from '../../domain/catalogue/catalogue-file.js';
import { importsService, type CatalogueUpload } from '../../services/imports/index.js';
import type { CreateRoute, GetRoute, ListRoute } from './imports.routes.js';

/** The uploaded file from a raw body or a multipart `file` part. */
async function readUpload(c: Context<AppEnv>, queryName: string | undefined): Promise<CatalogueUpload> {
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
    const fileName = uploadedFileName(part.name, 'body.file') ?? queryName ?? null;
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
  const imports = importsService(deps);

  const create: AppRouteHandler<CreateRoute> = async (c) => {
    const upload = await readUpload(c, c.req.valid('query').filename);
    const created = await imports.start(currentUser(c), upload, c.req.valid('header')['idempotency-key']);
    setCreatedHeaders(c, created, { location: `/api/imports/${created.value.id}` });
    return c.json(created.value, 202);
  };

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await imports.list(c.req.valid('query')), 200);

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const job = await imports.get(c.req.valid('param').id);
    c.header('Cache-Control', 'no-store');
    return c.json(job, 200);
  };

  return { create, list, get };
}
