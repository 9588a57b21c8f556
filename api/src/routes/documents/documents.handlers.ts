import type { Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { AppEnv, AppRouteHandler } from '../../http/app-env.js';
import { currentUser } from '../../http/auth-guard.js';
import { setCreatedHeaders } from '../../http/created.js';
import { etagOf } from '../../http/etag.js';
import { expectedVersion } from '../../http/if-match.js';
import { UuidSchema } from '../../http/schemas.js';
import { uploadedFileName } from '../../http/uploaded-file-name.js';
import { ProblemError, problems } from '../../lib/problem.js';
import { documentsService, type DocumentUpload } from '../../services/documents/index.js';
import type { CreateQuoteRoute, UpdateItemRoute } from './documents.review.routes.js';
import type { FileRoute, GetRoute, ListRoute, RecentRoute, RemoveRoute, UploadRoute } from './documents.routes.js';

const first = (value: string | File | (string | File)[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The `file` and `customerId` parts of a multipart upload. */
async function readUpload(c: Context<AppEnv>): Promise<DocumentUpload> {
  const essence = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (essence !== 'multipart/form-data') {
    throw new ProblemError({ status: 415, slug: 'unsupported-media-type', detail: 'Send the document as multipart/form-data with a `file` part.' });
  }
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw problems.validation([{ path: 'body', message: 'Not a readable multipart/form-data body.', code: 'invalid_multipart' }]);
  }
  const part = first(form['file']);
  if (part === undefined || typeof part === 'string') {
    throw problems.validation([{ path: 'body.file', message: 'A `file` part with the RFQ document is required.', code: 'required' }]);
  }
  const customerPart = first(form['customerId']);
  let customerId: string | null = null;
  if (customerPart !== undefined && !(typeof customerPart === 'string' && customerPart.trim() === '')) {
    const parsed = UuidSchema.safeParse(typeof customerPart === 'string' ? customerPart.trim() : undefined);
    if (!parsed.success) throw problems.validation([{ path: 'body.customerId', message: 'Must be a customer id (a UUID).', code: 'invalid_format' }]);
    customerId = parsed.data;
  }
  const fileName = uploadedFileName(part.name, 'body.file') ?? null;
  return { content: Buffer.from(await part.arrayBuffer()), fileName: fileName ? fileName.slice(0, 255) : null, customerId };
}

/** `attachment` with the name in ASCII and in UTF-8 (RFC 6266), so any name survives and nothing is rendered inline. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function documentsHandlers(deps: AppDeps) {
  const documents = documentsService(deps);

  const upload: AppRouteHandler<UploadRoute> = async (c) => {
    const result = await documents.upload(currentUser(c), await readUpload(c));
    if (!result.created) return c.json(result.document, 200);
    c.header('Location', `/api/documents/${result.document.id}`);
    return c.json(result.document, 202);
  };

  const list: AppRouteHandler<ListRoute> = async (c) => c.json(await documents.list(c.req.valid('query')), 200);

  const recent: AppRouteHandler<RecentRoute> = async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await documents.recent(c.req.valid('query').limit), 200);
  };

  const get: AppRouteHandler<GetRoute> = async (c) => {
    const document = await documents.get(c.req.valid('param').id);
    c.header('ETag', etagOf(document));
    c.header('Cache-Control', 'no-store');
    return c.json(document, 200);
  };

  const file: AppRouteHandler<FileRoute> = async (c) => {
    const original = await documents.file(c.req.valid('param').id);
    return c.body(new Uint8Array(original.content), 200, {
      'Content-Type': original.mediaType,
      'Content-Disposition': contentDisposition(original.fileName),
      'Cache-Control': 'private, no-cache',
    }) as never;
  };

  const remove: AppRouteHandler<RemoveRoute> = async (c) => {
    await documents.remove(currentUser(c), c.req.valid('param').id);
    return c.body(null, 204);
  };

  const updateItem: AppRouteHandler<UpdateItemRoute> = async (c) => {
    const request = { ...c.req.valid('param'), expected: expectedVersion(c.req.valid('header')['if-match']) };
    const document = await documents.updateItem(currentUser(c), request, c.req.valid('json'));
    c.header('ETag', etagOf(document));
    return c.json(document, 200);
  };

  const createQuote: AppRouteHandler<CreateQuoteRoute> = async (c) => {
    const request = { id: c.req.valid('param').id, idempotencyKey: c.req.valid('header')['idempotency-key'] };
    const created = await documents.createQuote(currentUser(c), request, c.req.valid('json'));
    setCreatedHeaders(c, created, { location: `/api/quotes/${created.value.id}`, etag: etagOf(created.value) });
    return c.json(created.value, 201);
  };

  return { upload, list, recent, get, file, remove, updateItem, createQuote };
}
