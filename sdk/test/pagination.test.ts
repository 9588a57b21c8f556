import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNexusClient, type Customer } from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

const customer = (n: number) => ({ id: `id-${n}`, name: `Customer ${n}` }) as Customer;
const pages: Record<string, { items: Customer[]; nextCursor: string | null }> = {
  '': { items: [customer(1), customer(2)], nextCursor: 'c2' },
  c2: { items: [customer(3), customer(4)], nextCursor: 'c3' },
  c3: { items: [customer(5)], nextCursor: null },
};

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer((request) => {
    const cursor = new URL(request.url, 'http://x').searchParams.get('cursor') ?? '';
    return { body: pages[cursor] ?? { items: [], nextCursor: null } };
  });
});
afterAll(() => server.close());

describe('paginate', () => {
  it('iterates every item across three pages, keeping the query', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: 't' });
    const seen: string[] = [];
    for await (const item of client.paginate('listCustomers', { params: { query: { limit: 2, q: 'tan' } } })) {
      seen.push(item.name);
    }
    expect(seen).toEqual(['Customer 1', 'Customer 2', 'Customer 3', 'Customer 4', 'Customer 5']);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/customers?limit=2&q=tan',
      '/api/customers?limit=2&q=tan&cursor=c2',
      '/api/customers?limit=2&q=tan&cursor=c3',
    ]);
    for (const request of server.requests) expect(request.headers.authorization).toBe('Bearer t');
  });

  it('fetches lazily: breaking out early stops fetching', async () => {
    server.requests.length = 0;
    const client = createNexusClient({ baseUrl: server.baseUrl, token: 't' });
    for await (const item of client.paginate('listCustomers')) {
      if (item.id === 'id-1') break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('stops with an error when the server repeats a cursor', async () => {
    const looping = await startRecordingServer(() => ({ body: { items: [customer(1)], nextCursor: 'same' } }));
    try {
      const client = createNexusClient({ baseUrl: looping.baseUrl, token: 't' });
      const collect = async () => {
        for await (const _ of client.paginate('listActivity')) void _;
      };
      await expect(collect()).rejects.toThrow(/same cursor twice/);
      expect(looping.requests).toHaveLength(2);
    } finally {
      await looping.close();
    }
  });
});
