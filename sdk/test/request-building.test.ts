import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNexusClient, type NexusClient, type PlainRequest } from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

/**
 * The client builds each request itself (URL, headers, body) unless middleware is
 * registered, when openapi-fetch builds it: both must put the same bytes on the wire.
 */

const ID = '7d0c2a52-3c1e-4a7e-9d2b-5e8f9a1b2c3d';
let server: RecordingServer;

beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ body: { items: [], nextCursor: null } }));
});

const loosely = (client: NexusClient) => client.call as (id: string, init?: unknown) => Promise<{ data: unknown; response: Response; etag?: string }>;
const passThrough = { onRequest: ({ request }: { request: Request }) => request };

function clients() {
  const direct = createNexusClient({ baseUrl: `${server.baseUrl}/`, token: 'test-token', retry: false });
  const withMiddleware = createNexusClient({ baseUrl: `${server.baseUrl}/`, token: 'test-token', retry: false });
  withMiddleware.use(passThrough);
  return { direct, withMiddleware };
}

describe.each(['direct', 'withMiddleware'] as const)('a request built %s', (kind) => {
  const client = () => clients()[kind];

  it('serialises the query as openapi-fetch does: arrays exploded, reserved characters encoded, empty values left out', async () => {
    await loosely(client())('listCustomers', {
      params: { query: { q: 'Tan & Sons/50%', limit: 20, tag: ['a b', 'c,d'], cursor: undefined, empty: [], none: null } },
    });
    expect(server.requests[0]!.url).toBe('/api/customers?q=Tan%20%26%20Sons%2F50%25&limit=20&tag=a%20b&tag=c%2Cd');
  });

  it('encodes path parameters, so a value cannot reach another path', async () => {
    await client().call('getCustomer', { params: { path: { id: '../users/me?x=1 #' } } });
    expect(server.requests[0]!.url).toBe('/api/customers/..%2Fusers%2Fme%3Fx%3D1%20%23');
  });

  it('sends a JSON body with its content type, the token, and an idempotency key on a create', async () => {
    await client().call('createCustomer', { body: { name: 'Tan Hardware Pte Ltd' } });
    const [request] = server.requests;
    expect(request!.method).toBe('POST');
    expect(JSON.parse(request!.body)).toEqual({ name: 'Tan Hardware Pte Ltd' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.authorization).toBe('Bearer test-token');
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no Authorization header to a public operation, even one the caller set', async () => {
    await loosely(client())('getHealth', { headers: { Authorization: 'Bearer caller-token' } });
    await client().call('login', { body: { email: 'ada@example.com', password: 'secret' } });
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([undefined, undefined]);
  });

  it('merges headers: the caller’s, then header params; null removes one, an array sends each value', async () => {
    await loosely(client())('getCustomer', {
      params: { path: { id: ID }, header: { 'X-Trace': 'from-params' } },
      headers: { 'x-trace': 'from-headers', 'X-List': ['a', 'b'], 'X-Count': 3, 'Content-Type': null },
    });
    const { headers } = server.requests[0]!;
    expect(headers['x-trace']).toBe('from-params');
    expect(headers['x-list']).toBe('a, b');
    expect(headers['x-count']).toBe('3');
  });

  it('resolves to the parsed body, the response and the ETag; an empty answer is undefined data', async () => {
    server.handle(() => ({ status: 200, headers: { etag: '"v3"', 'x-request-id': 'r-1' }, body: { id: ID, name: 'Tan' } }));
    const { data, response, etag } = await client().call('getCustomer', { params: { path: { id: ID } } });
    expect(data).toEqual({ id: ID, name: 'Tan' });
    expect(etag).toBe('"v3"');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('r-1');

    server.handle(() => ({ status: 204 }));
    await expect(client().call('logout')).resolves.toMatchObject({ data: undefined });
  });
});

describe('middleware', () => {
  it('sees the request before credentials and can change it; eject removes it', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: 'test-token', retry: false });
    const seen: Array<string | null> = [];
    const tagging = {
      onRequest({ request }: { request: Request }) {
        seen.push(request.headers.get('authorization'));
        request.headers.set('x-forwarded-for', '203.0.113.7');
        return request;
      },
    };
    client.use(tagging);
    await client.call('getCurrentUser');
    client.eject(tagging);
    await client.call('getCurrentUser');
    expect(seen).toEqual([null]);
    expect(server.requests.map((request) => [request.headers['x-forwarded-for'], request.headers.authorization])).toEqual([
      ['203.0.113.7', 'Bearer test-token'],
      [undefined, 'Bearer test-token'],
    ]);
  });

  it('can read and replace the answer', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: 'test-token', retry: false });
    client.use({
      async onResponse({ response }: { response: Response }) {
        const page = (await response.json()) as { items: unknown[] };
        return new Response(JSON.stringify({ ...page, items: ['added'] }), { status: 200, headers: response.headers });
      },
    });
    const { data } = await client.call('listCustomers');
    expect(data.items).toEqual(['added']);
  });

  it('refuses something that is no middleware', () => {
    const client = createNexusClient({ baseUrl: server.baseUrl });
    expect(() => client.use({} as never)).toThrow(/Middleware must be an object/);
  });
});

describe('a fetch that takes plain parts (sendPlain)', () => {
  function plainFetch() {
    const seen: PlainRequest[] = [];
    let requests = 0;
    const fetch = Object.assign(
      (request: Request) => {
        requests += 1;
        return globalThis.fetch(request);
      },
      {
        sendPlain: (plain: PlainRequest) => {
          seen.push(plain);
          const { method, url, headers, body, signal } = plain;
          return globalThis.fetch(url, { method, headers, body, signal });
        },
      },
    );
    return { fetch, seen, requestsBuilt: () => requests };
  }

  it('is given each attempt as method, URL, headers with credentials, the serialised body and a signal — no Request', async () => {
    const { fetch, seen, requestsBuilt } = plainFetch();
    const client = createNexusClient({ baseUrl: server.baseUrl, token: 'test-token', fetch, retry: false });
    await client.call('createCustomer', { body: { name: 'Tan' } });
    await loosely(client)('getHealth', { headers: { authorization: 'Bearer caller-token' } });

    expect(requestsBuilt()).toBe(0);
    expect(seen[0]).toMatchObject({ method: 'POST', url: `${server.baseUrl}/api/customers`, body: '{"name":"Tan"}' });
    expect(seen[0]!.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer test-token' });
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(seen[1]!.headers).not.toHaveProperty('authorization');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer test-token', undefined]);
  });

  it('gets the same idempotency key on a retry, and its signal aborts on the timeout', async () => {
    const { fetch, seen } = plainFetch();
    server.handle((_request, index) => (index === 0 ? { status: 503, headers: { 'retry-after': '0' } } : { delayMs: 5_000, status: 201, body: { id: ID } }));
    const client = createNexusClient({ baseUrl: server.baseUrl, token: 'test-token', fetch, retry: { retries: 1, baseDelayMs: 1 } });
    await expect(client.call('createCustomer', { body: { name: 'Tan' }, timeoutMs: 1_500 })).rejects.toMatchObject({ kind: 'timeout' });
    expect(seen).toHaveLength(2);
    expect(seen[1]!.headers['idempotency-key']).toBe(seen[0]!.headers['idempotency-key']);
    expect(seen[1]!.signal.aborted).toBe(true);
  });
});
