import { NexusProblemError, type NexusClient, type ResponseOf } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDocumentEvents } from '../src/services/documents/document-events.js';
import { DOCUMENT_EVENTS_CHANNEL, type DocumentEvent } from '../src/services/documents/index.js';
import { JSON_HEADERS, startTestApp, type TestApp } from './support/harness.js';
import { listen } from './support/http-server.js';
import { CORPUS, CORPUS_CATALOGUE, csvSemicolons, encryptedPdf, PNG_BYTES, pdfWithoutText, xlsxOffsetTable } from './support/rfq-corpus.js';
import { xlsxWithSheetData } from './support/zip-files.js';

/**
 * The documents API on the real stack, through the SDK every consumer uses:
 * upload of each document type (multipart from a Blob or a Buffer), the job
 * that reads it, dedupe by content, the refusals, review, the draft quote,
 * the original file back, delete — and the durable events.
 */

type Document = ResponseOf<'getDocument'>;

const MAX_BYTES = 400_000;

let t: TestApp;
let sales: Awaited<ReturnType<TestApp['user']>>;
let viewer: Awaited<ReturnType<TestApp['user']>>;
let api: NexusClient;
let customerId: string;
const events: DocumentEvent[] = [];
/** What the corpus tests uploaded (generated files differ byte-wise on each generation), by corpus name. */
const uploaded = new Map<string, { id: string; bytes: Buffer }>();
let unsubscribe: () => Promise<void>;

beforeAll(async () => {
  t = await startTestApp({ JOBS_POLL_MS: '100', GRAPH_SYNC_INTERVAL_MS: '60000', DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
  const admin = await t.user('admin', 'Ada Admin');
  sales = await t.user('sales', 'Sam Sales');
  viewer = await t.user('viewer', 'Vic Viewer');
  api = t.client(sales);
  for (const product of CORPUS_CATALOGUE) {
    const response = await t.request('/api/products', { method: 'POST', headers: { ...JSON_HEADERS, ...admin.auth }, body: JSON.stringify(product) });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  customerId = (await api.call('createCustomer', { body: { name: 'Tan Hardware Pte Ltd' } })).data.id;
  unsubscribe = await t.deps.pubsub.subscribe(DOCUMENT_EVENTS_CHANNEL, (event) => events.push(event as DocumentEvent));
}, 60_000);

afterAll(async () => {
  await unsubscribe?.();
  await t?.close();
});

async function ended(id: string, timeoutMs = 90_000): Promise<Document> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { data } = await api.call('getDocument', { params: { path: { id } } });
    if (data.status === 'extracted' || data.status === 'failed') return data;
    if (Date.now() > deadline) throw new Error(`document ${id} still ${data.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function eventFor(documentId: string, timeoutMs = 20_000): Promise<DocumentEvent[]> {
  const deadline = Date.now() + timeoutMs;
  while (!events.some((e) => e.documentId === documentId)) {
    if (Date.now() > deadline) throw new Error(`no event for document ${documentId}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return events.filter((e) => e.documentId === documentId);
}

async function problemOf(call: Promise<unknown>): Promise<NexusProblemError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NexusProblemError);
  return error as NexusProblemError;
}

describe('upload and reading', () => {
  for (const document of CORPUS) {
    it(`reads the ${document.name}: 202, then extracted with its items and their matches`, { timeout: 120_000 }, async () => {
      const bytes = await document.bytes();
      // A browser File (Blob with a name) for one half of the corpus, a Node Buffer for the other.
      const file = CORPUS.indexOf(document) % 2 === 0 ? new File([new Uint8Array(bytes)], document.fileName) : bytes;
      const { data: created, response } = await api.call('uploadDocument', { body: { file, customerId } });
      expect(response.status).toBe(202);
      expect(response.headers.get('location')).toBe(`/api/documents/${created.id}`);
      expect(created).toMatchObject({ status: 'queued', customerId, customerName: 'Tan Hardware Pte Ltd', sizeBytes: bytes.length, itemCount: 0 });
      expect(created.fileName).toBe(file instanceof File ? document.fileName : 'file');
      uploaded.set(document.name, { id: created.id, bytes });

      const read = await ended(created.id);
      expect(read.status, read.error ?? '').toBe('extracted');
      expect(read.progress).toBe(1);
      expect(read.items.map((item) => ({ description: item.description, sku: item.chosen?.sku ?? null }))).toEqual(
        document.items.map((e) => ({ description: e.description, sku: e.sku })),
      );
      expect(read.items.map((item) => Number(item.quantity))).toEqual(document.items.map((e) => e.quantity));
      expect(read.itemCount).toBe(document.items.length);
      expect(read.matchedCount).toBe(document.items.filter((e) => e.sku !== null).length);
      for (const item of read.items) {
        expect(item.locationLabel).not.toBe('');
        if (item.match === 'no-confident-match') expect(item.matchReason).not.toBe('');
        else expect(item.candidates[0]?.reasons.length).toBeGreaterThan(0);
      }

      const published = await eventFor(created.id);
      expect(published.map((e) => e.type)).toEqual(['document.processed']);
      expect(published[0]).toMatchObject({ status: 'extracted', itemCount: document.items.length, customerId });
    });
  }

  it('answers the existing document (200) for the same bytes uploaded again, under any name', async () => {
    const { id, bytes } = uploaded.get(csvSemicolons.name)!;
    const first = await api.call('uploadDocument', { body: { file: new File([new Uint8Array(bytes)], 'again.csv') } });
    expect(first.response.status).toBe(200);
    expect(first.data.id).toBe(id);
    const { data: page } = await api.call('listDocuments', { params: { query: { limit: 100 } } });
    expect(page.items.filter((d) => d.checksum === first.data.checksum)).toHaveLength(1);
    expect(first.data.fileName).toBe(csvSemicolons.fileName);
  });

  it('fails a PDF without a text layer with the reason, and announces it', { timeout: 120_000 }, async () => {
    const { data: created, response } = await api.call('uploadDocument', { body: { file: new File([new Uint8Array(await pdfWithoutText())], 'scan.pdf') } });
    expect(response.status).toBe(202);
    const read = await ended(created.id);
    expect(read).toMatchObject({ status: 'failed', itemCount: 0, items: [] });
    expect(read.error).toMatch(/^PDF has no text layer/);
    const published = await eventFor(created.id);
    expect(published).toMatchObject([{ type: 'document.failed', status: 'failed', error: read.error }]);
  });

  it('fails an encrypted PDF with the reason', { timeout: 120_000 }, async () => {
    const { data: created } = await api.call('uploadDocument', { body: { file: new File([new Uint8Array(await encryptedPdf())], 'locked.pdf') } });
    const read = await ended(created.id);
    expect(read.status).toBe('failed');
    expect(read.error).toMatch(/password/i);
  });
});

describe('refused uploads: nothing stored', () => {
  const count = async () => (await api.call('listDocuments', { params: { query: { limit: 100 } } })).data.items.length;

  it('refuses a file over DOCUMENT_MAX_BYTES with 413', async () => {
    const before = await count();
    const big = Buffer.alloc(MAX_BYTES + 1, 0x41);
    const problem = await problemOf(api.call('uploadDocument', { body: { file: big } }));
    expect(problem.status).toBe(413);
    // Far past the limit, the body limit refuses it before it is read.
    const huge = await problemOf(api.call('uploadDocument', { body: { file: Buffer.alloc(MAX_BYTES + 200_000, 0x41) } }));
    expect(huge.status).toBe(413);
    expect(await count()).toBe(before);
  });

  it('refuses a 60 MB file with 413 before reading it: nothing stored, the API and its worker healthy', { timeout: 120_000 }, async () => {
    const stored = async () => {
      const [documents, files, jobs] = await Promise.all(
        (['documents', 'document_files', 'jobs'] as const).map((table) => t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()),
      );
      return { documents: Number(documents!.n), files: Number(files!.n), jobs: Number(jobs!.n) };
    };
    const before = await stored();
    const SIXTY_MB = 60 * 1024 * 1024;

    // Through the SDK, as the dashboard sends it (multipart of a 60 MB Buffer).
    const problem = await problemOf(api.call('uploadDocument', { body: { file: new File([Buffer.alloc(SIXTY_MB, 0x41)], 'rfq-huge.xlsx') } }));
    expect(problem.status).toBe(413);
    expect(problem.body).toMatchObject({ status: 413, type: expect.stringMatching(/body-too-large$/) });
    expect(problem.detail).toMatch(/exceeds/);

    // Over a real socket, from a stream that counts what the server pulled: with a Content-Length the API answers from
    // the header alone; without one (chunked) it stops reading just past the limit. Never the whole 60 MB.
    const server = await listen(t);
    try {
      for (const withLength of [true, false]) {
        let sent = 0;
        const chunk = Buffer.alloc(64 * 1024, 0x41);
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= SIXTY_MB) return controller.close();
            sent += chunk.length;
            controller.enqueue(chunk);
          },
        });
        const boundary = 'nexus-60mb';
        const response = await fetch(`${server.url}/api/documents`, {
          method: 'POST',
          headers: {
            ...sales.auth,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            ...(withLength ? { 'content-length': String(SIXTY_MB + 200) } : {}),
          },
          body,
          duplex: 'half',
        } as RequestInit);
        expect(response.status).toBe(413);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(((await response.json()) as { status: number }).status).toBe(413);
        expect(sent, `bytes the server pulled (Content-Length: ${withLength})`).toBeLessThan(SIXTY_MB / 4);
        await body.cancel().catch(() => {});
      }
    } finally {
      await server.close();
    }

    expect(await stored()).toEqual(before);
    const health = await t.request('/api/health');
    expect(health.status).toBe(200);
    // The job worker still reads documents.
    const { data: small } = await api.call('uploadDocument', { body: { file: new File([Buffer.from('Item;Qty\nSafety helmet, white;12\n')], 'after-413.csv') } });
    expect((await ended(small.id)).status).toBe('extracted');
    // Out of the way of the listing tests below, which count the corpus documents.
    expect((await api.call('deleteDocument', { params: { path: { id: small.id } } })).response.status).toBe(204);
  });

  it('refuses a picture renamed to .xlsx with 422 naming what it is', async () => {
    const problem = await problemOf(api.call('uploadDocument', { body: { file: new File([new Uint8Array(PNG_BYTES)], 'rfq.xlsx') } }));
    expect(problem.status).toBe(422);
    expect(problem.detail).toMatch(/image\/png/);
  });

  it('refuses a zip bomb with 422 and the reason', async () => {
    const bomb = xlsxWithSheetData(Buffer.alloc(20 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const problem = await problemOf(api.call('uploadDocument', { body: { file: new File([new Uint8Array(bomb)], 'rfq.xlsx') } }));
    expect(problem.status).toBe(422);
    expect(problem.detail).toMatch(/zip bomb/);
    expect((problem.body as { reason?: string }).reason).toMatch(/zip bomb$/);
  });

  it('refuses an empty file with 422', async () => {
    const problem = await problemOf(api.call('uploadDocument', { body: { file: new Uint8Array(0) } }));
    expect(problem.status).toBe(422);
    expect(problem.detail).toMatch(/empty/);
  });

  it('refuses a body that is not multipart with 415, and a viewer with 403', async () => {
    const response = await t.request('/api/documents', { method: 'POST', headers: { ...sales.auth, 'content-type': 'text/csv' }, body: 'a;b\n1;2' });
    expect(response.status).toBe(415);
    const forbidden = await problemOf(t.client(viewer).call('uploadDocument', { body: { file: Buffer.from('10 x Safety helmet') } }));
    expect(forbidden.status).toBe(403);
  });
});

describe('review, quote, file, delete', () => {
  let document: Document;
  let bytes: Buffer;

  beforeAll(async () => {
    // Uploaded and read by the corpus test above.
    const upload = uploaded.get(xlsxOffsetTable.name)!;
    bytes = upload.bytes;
    document = await ended(upload.id);
    expect(document.status).toBe('extracted');
  }, 120_000);

  it('gives the original back byte for byte, with its media type, as a Blob through the SDK', async () => {
    const { data, response } = await api.call('getDocumentFile', { params: { path: { id: document.id } } });
    expect(data).toBeInstanceOf(Blob);
    expect(Buffer.from(await data.arrayBuffer()).equals(bytes)).toBe(true);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
  });

  it('reviews an item with If-Match: 428 without, 412 when stale, the change and a new ETag with it', async () => {
    const { data: current, etag } = await api.call('getDocument', { params: { path: { id: document.id } } });
    const unmatched = current.items.find((item) => item.chosen === null)!;
    const product = current.items.find((item) => item.chosen !== null)!.chosen!;
    const path = { id: document.id, itemId: unmatched.id };

    const missing = await t.request(`/api/documents/${document.id}/items/${unmatched.id}`, {
      method: 'PATCH',
      headers: { ...JSON_HEADERS, ...sales.auth },
      body: JSON.stringify({ quantity: '3' }),
    });
    expect(missing.status).toBe(428);

    const changed = await api.call('updateDocumentItem', { params: { path, header: { 'if-match': etag } }, body: { productId: product.productId, quantity: '7', unit: 'BOX' } });
    const item = changed.data.items.find((i) => i.id === unmatched.id)!;
    expect(item).toMatchObject({ chosen: product, quantity: '7', unit: 'BOX', reviewed: true });
    expect(changed.data.matchedCount).toBe(current.matchedCount + 1);
    expect(changed.etag).toBe(`"${current.version + 1}"`);

    const stale = await problemOf(api.call('updateDocumentItem', { params: { path, header: { 'if-match': etag } }, body: { quantity: '8' } }));
    expect(stale.status).toBe(412);

    // Back to no product, and the last item is not an item at all.
    const last = current.items.at(-1)!;
    const again = await api.call('updateDocumentItem', { params: { path, header: { 'if-match': changed.etag } }, body: { productId: null } });
    const marked = await api.call('updateDocumentItem', {
      params: { path: { id: document.id, itemId: last.id }, header: { 'if-match': again.etag } },
      body: { notAnItem: true },
    });
    expect(marked.data.items.find((i) => i.id === unmatched.id)?.chosen).toBeNull();
    expect(marked.data.items.find((i) => i.id === last.id)?.notAnItem).toBe(true);
  });

  it('refuses review by a viewer (403) and of an unknown product (404)', async () => {
    const { data: current, etag } = await api.call('getDocument', { params: { path: { id: document.id } } });
    const path = { id: document.id, itemId: current.items[0]!.id };
    const forbidden = await problemOf(t.client(viewer).call('updateDocumentItem', { params: { path, header: { 'if-match': etag } }, body: { quantity: '2' } }));
    expect(forbidden.status).toBe(403);
    const unknown = await problemOf(api.call('updateDocumentItem', { params: { path, header: { 'if-match': etag } }, body: { productId: '7d0c2a52-3c1e-4a7e-9d2b-5e8f9a1b2c3d' } }));
    expect(unknown.status).toBe(404);
  });

  it('makes one draft quote from the reviewed items, idempotently, linked to the document', async () => {
    const { data: reviewed } = await api.call('getDocument', { params: { path: { id: document.id } } });
    const key = `doc-quote-${document.id}`;
    const first = await api.call('createQuoteFromDocument', { params: { path: { id: document.id }, header: { 'idempotency-key': key } }, body: {} });
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get('location')).toBe(`/api/quotes/${first.data.id}`);
    const kept = reviewed.items.filter((item) => !item.notAnItem);
    expect(first.data).toMatchObject({ status: 'draft', customerId, title: `RFQ ${xlsxOffsetTable.fileName}` });
    expect(first.data.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }))).toEqual(
      kept.map((item) => ({ sku: item.chosen?.sku ?? null, quantity: item.quantity })),
    );
    for (const line of first.data.lines.filter((l) => l.productId === null)) expect(line.unitPriceMinor).toBe(0);
    expect(first.data.lines.filter((l) => l.productId !== null).every((l) => l.unitPriceMinor > 0)).toBe(true);

    const replay = await api.call('createQuoteFromDocument', { params: { path: { id: document.id }, header: { 'idempotency-key': key } }, body: {} });
    expect(replay.data.id).toBe(first.data.id);
    expect(replay.response.headers.get('idempotency-replayed')).toBe('true');

    const second = await problemOf(api.call('createQuoteFromDocument', { params: { path: { id: document.id } }, body: {} }));
    expect(second.status).toBe(409);
    expect((second.body as { quoteId?: string }).quoteId).toBe(first.data.id);

    const { data: linked } = await api.call('getDocument', { params: { path: { id: document.id } } });
    expect(linked).toMatchObject({ quoteId: first.data.id, quoteNumber: first.data.number });

    // The quote's PDF comes back as a Blob through the SDK as well.
    const pdf = await api.call('getQuotePdf', { params: { path: { id: first.data.id } } });
    expect(pdf.data).toBeInstanceOf(Blob);
    expect(Buffer.from(await pdf.data.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lists with filters and a cursor, and the recent documents', async () => {
    const { data: extracted } = await api.call('listDocuments', { params: { query: { status: 'extracted', customerId, limit: 2 } } });
    expect(extracted.items).toHaveLength(2);
    expect(extracted.items.every((d) => d.status === 'extracted' && d.customerId === customerId)).toBe(true);
    const all: string[] = [];
    for await (const d of api.paginate('listDocuments', { params: { query: { limit: 2, status: 'extracted' } } })) all.push(d.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(CORPUS.length);
    const { data: recent } = await api.call('listRecentDocuments', { params: { query: { limit: 3 } } });
    expect(recent.items).toHaveLength(3);
    expect(recent.items[0]!.id).toBe(document.id);
  });

  it('deletes a document: its file and items go, its quote stays', async () => {
    const { data: before } = await api.call('getDocument', { params: { path: { id: document.id } } });
    const removed = await api.call('deleteDocument', { params: { path: { id: document.id } } });
    expect(removed.response.status).toBe(204);
    expect((await problemOf(api.call('getDocument', { params: { path: { id: document.id } } }))).status).toBe(404);
    expect((await problemOf(api.call('getDocumentFile', { params: { path: { id: document.id } } }))).status).toBe(404);
    expect((await api.call('getQuote', { params: { path: { id: before.quoteId! } } })).data.id).toBe(before.quoteId);
    // The same bytes can be uploaded again as a new document.
    const again = await api.call('uploadDocument', { body: { file: bytes } });
    expect(again.response.status).toBe(202);
    expect(again.data.id).not.toBe(document.id);
  });
});

describe("a document's outcome in the conversations linked to its customer", () => {
  type Message = ResponseOf<'listMessages'>['items'][number];

  it('tells each processed and failed document there exactly once, as a stored system message published live', { timeout: 120_000 }, async () => {
    const { data: customer } = await api.call('createCustomer', { body: { name: `Jurong Builders ${Date.now()}` } });
    const { data: room } = await api.call('createConversation', { body: { title: 'Jurong RFQs', memberIds: [viewer.id], customerId: customer.id } });
    const { data: unrelated } = await api.call('createConversation', { body: { title: 'Elsewhere', memberIds: [viewer.id] } });
    const live: { type: string; message?: Message }[] = [];
    const unsubscribeLive = await t.deps.pubsub.subscribe(`chat.conversation.${room.id}`, (event) => live.push(event as (typeof live)[number]));
    const messagesOf = async (id: string) => (await t.client(viewer).call('listMessages', { params: { path: { id }, query: { limit: 100 } } })).data.items;
    try {
      const csv = Buffer.from(`Item;Qty;Unit\nSafety helmet, white;12;pcs\nNitrile coated work gloves, size L;40;pairs\nHydraulic pallet jack 2500kg;1;unit\n`);
      const { data: read } = await api.call('uploadDocument', { body: { file: new File([csv], 'jurong-ppe.csv'), customerId: customer.id } });
      const extracted = await ended(read.id);
      expect(extracted).toMatchObject({ status: 'extracted', itemCount: 3 });
      await eventFor(read.id);
      // Failed: a text with no requested item in it.
      const letter = Buffer.from(`Dear Sam,\nplease call me back about the site visit next week (ref ${Date.now()}).\nRegards, Lim\n`);
      const { data: unread } = await api.call('uploadDocument', { body: { file: new File([letter], 'jurong-letter.txt'), customerId: customer.id } });
      const failed = await ended(unread.id);
      expect(failed.status).toBe('failed');
      await eventFor(unread.id);

      let told: Message[] = [];
      const deadline = Date.now() + 20_000;
      while ((told = await messagesOf(room.id)).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      // More publisher rounds (and a manual one) tell nothing again.
      await publishDocumentEvents(t.deps);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      told = await messagesOf(room.id);
      expect(told.map((m) => [m.kind, m.author, m.text])).toEqual([
        ['system', null, `RFQ document jurong-ppe.csv was read: 3 requested items, ${extracted.matchedCount} matched to the catalogue, ${3 - extracted.matchedCount} to review.`],
        ['system', null, `RFQ document jurong-letter.txt could not be read: ${failed.error}`],
      ]);
      expect(extracted.matchedCount).toBe(2);
      expect(failed.error).toBeTruthy();
      expect(await messagesOf(unrelated.id)).toEqual([]);
      // The same messages reached the conversation's live channel (what the chat gateways fan out to sockets).
      const deadlineLive = Date.now() + 5_000;
      while (live.length < 2 && Date.now() < deadlineLive) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(live.map((e) => [e.type, e.message?.id])).toEqual(told.map((m) => ['message.created', m.id]));
    } finally {
      await unsubscribeLive();
    }
  });
});
