import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createNexusClient, operations, xhrFetch, type FetchContext, type NexusClient, type ResponseOf, type UploadProgress } from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

/** Files go up as multipart parts from File/Blob/Uint8Array, and come back as Blob: on the wire, against a real HTTP server. */

const ID = '7d0c2a52-3c1e-4a7e-9d2b-5e8f9a1b2c3d';
let server: RecordingServer;
let client: NexusClient;

beforeAll(async () => {
  server = await startRecordingServer();
  client = createNexusClient({ baseUrl: server.baseUrl, token: 'test-token', retry: false });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ status: 202, body: { id: ID } }));
});

describe('multipart uploads', () => {
  it('marks the operations whose body is multipart or whose answer is a file', () => {
    expect(operations.uploadDocument).toMatchObject({ requestBody: 'multipart' });
    expect(operations.createImport).toMatchObject({ requestBody: 'multipart' });
    expect(operations.getDocumentFile).toMatchObject({ responseBody: 'binary' });
    expect(operations.getQuotePdf).toMatchObject({ responseBody: 'binary' });
    expect('requestBody' in operations.createQuote || 'responseBody' in operations.getQuote).toBe(false);
  });

  it('sends a File as a file part with its name, and other parts as text', async () => {
    await client.call('uploadDocument', { body: { file: new File(['Item;Qty\nGloves;200\n'], 'rfq.csv', { type: 'text/csv' }), customerId: ID } });
    const [request] = server.requests;
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(request!.headers['authorization']).toBe('Bearer test-token');
    expect(request!.body).toMatch(/name="file"; filename="rfq\.csv"\r\nContent-Type: text\/csv\r\n\r\nItem;Qty\nGloves;200\n\r\n/);
    expect(request!.body).toMatch(new RegExp(`name="customerId"\\r\\n\\r\\n${ID}\\r\\n`));
  });

  it('sends a Uint8Array (a Node Buffer) as a file part too, byte for byte', async () => {
    await client.call('uploadDocument', { body: { file: Buffer.from('50 x Safety helmet, white') } });
    expect(server.requests[0]!.body).toMatch(/name="file"; filename="file"\r\nContent-Type: application\/octet-stream\r\n\r\n50 x Safety helmet, white\r\n/);
  });

  it('gives the catalogue import the same', async () => {
    await client.call('createImport', { body: { file: new Blob(['sku,name,price\nA,B,1\n']) } });
    expect(server.requests[0]!.body).toMatch(/name="file"; filename="file"\r\n[^]*sku,name,price\nA,B,1\n/);
  });

  it('types files as Blob or Uint8Array, not string', () => {
    // @ts-expect-error a file is bytes, not a string
    void (() => client.call('uploadDocument', { body: { file: 'not bytes' } }));
    void (() => client.call('uploadDocument', { body: { file: new Blob([]) } }));
    void (() => client.call('uploadDocument', { body: { file: new Uint8Array(0) } }));
  });
});

describe('binary answers', () => {
  it('reads the original file and the quote PDF as a Blob', async () => {
    server.handle(() => ({ status: 200, headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7 fake' }));
    const { data, response } = await client.call('getDocumentFile', { params: { path: { id: ID } } });
    expect(data).toBeInstanceOf(Blob);
    expect(await data.text()).toBe('%PDF-1.7 fake');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = await client.call('getQuotePdf', { params: { path: { id: ID } } });
    expect(await pdf.data.text()).toBe('%PDF-1.7 fake');
    expectTypeOf<ResponseOf<'getDocumentFile'>>().toEqualTypeOf<Blob>();
    expectTypeOf<ResponseOf<'getQuotePdf'>>().toEqualTypeOf<Blob>();
  });
});

describe('upload progress', () => {
  it('hands the call’s onUploadProgress to the fetch, which reports the body going out', async () => {
    const contexts: FetchContext[] = [];
    // Sends the body in three slices' worth of reports, as xhrFetch does in a browser from xhr.upload.onprogress.
    const reporting = createNexusClient({
      baseUrl: server.baseUrl,
      token: 'test-token',
      retry: false,
      fetch: async (request, context) => {
        contexts.push(context);
        const bytes = new Uint8Array(await request.arrayBuffer());
        for (const share of [1 / 3, 2 / 3, 1]) context.onUploadProgress?.({ loaded: Math.round(bytes.byteLength * share), total: bytes.byteLength });
        return fetch(request.url, { method: request.method, headers: request.headers, body: bytes });
      },
    });
    const reports: UploadProgress[] = [];
    const file = new File(['x'.repeat(10_000)], 'rfq.txt', { type: 'text/plain' });
    await reporting.call('uploadDocument', { body: { file }, onUploadProgress: (progress) => reports.push(progress) });

    const sent = Buffer.byteLength(server.requests[0]!.body);
    expect(Number(server.requests[0]!.headers['content-length'])).toBe(sent);
    expect(reports.map((r) => r.total)).toEqual([sent, sent, sent]);
    expect(reports.map((r) => r.loaded)).toEqual([Math.round(sent / 3), Math.round((2 * sent) / 3), sent]);

    // A call without a listener gives the fetch none.
    await reporting.call('uploadDocument', { body: { file } });
    expect(contexts[1]).toEqual({});
  });

  it('gives a retried attempt the same listener (it starts again from 0)', async () => {
    const listeners: unknown[] = [];
    const retrying = createNexusClient({
      baseUrl: server.baseUrl,
      token: 'test-token',
      retry: { retries: 1, baseDelayMs: 1 },
      fetch: (request, context) => {
        listeners.push(context.onUploadProgress);
        return fetch(request);
      },
    });
    server.handle((_request, index) => (index === 0 ? { status: 503, body: { title: 'Service Unavailable', status: 503 } } : { status: 201, body: { id: ID } }));
    const onUploadProgress = () => undefined;
    await retrying.call('createCustomer', { body: { name: 'Tan Hardware Pte Ltd' }, onUploadProgress });
    expect(server.requests).toHaveLength(2);
    expect(listeners).toEqual([onUploadProgress, onUploadProgress]);
  });

  it('keeps xhrFetch to browsers: without XMLHttpRequest it says so', async () => {
    expect(globalThis.XMLHttpRequest).toBeUndefined();
    await expect(xhrFetch(new Request(`${server.baseUrl}/api/documents`))).rejects.toThrow(/needs XMLHttpRequest/);
  });
});
