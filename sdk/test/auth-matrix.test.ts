import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNexusClient, operations, type OperationId } from '../src/index.js';
import { contractOperations, minimalInit, SAMPLE_ID } from './support/contract.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

const TOKEN = 'test-access-token';
const contract = contractOperations();
const ids = Object.keys(operations) as OperationId[];

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const callLoosely = (client: ReturnType<typeof createNexusClient>, id: OperationId, init: Record<string, unknown>) =>
  (client.call as (id: string, init: unknown) => Promise<unknown>)(id, init);

function contractOf(id: OperationId) {
  const found = contract.find((operation) => operation.operationId === id);
  if (!found) throw new Error(`${id} is not in openapi.json`);
  return found;
}

describe('the operation table', () => {
  it('covers exactly the operations of openapi.json', () => {
    expect(ids.length).toBe(contract.length);
    expect([...ids].sort()).toEqual(contract.map((operation) => operation.operationId).sort());
  });

  it.each(ids)('%s matches its contract', (id) => {
    const declared = contractOf(id);
    const entry = operations[id];
    expect(entry.method).toBe(declared.method);
    expect(entry.path).toBe(declared.path);
    expect(entry.security).toBe((declared.security ?? []).length === 0 ? 'public' : 'bearer');
    expect('roles' in entry ? entry.roles : undefined).toEqual(declared['x-nexus-roles']);
    expect(entry.idempotent).toBe(['get', 'head', 'put', 'delete', 'options'].includes(declared.method));
    expect(entry.createsResource).toBe(
      declared.method === 'post' && (declared.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key'),
    );
  });
});

describe('Authorization follows each operation’s declared security', () => {
  it.each(ids)('%s', async (id) => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: TOKEN, retry: false });
    await callLoosely(client, id, minimalInit(contractOf(id)));

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    const entry = operations[id];
    expect(request!.method).toBe(entry.method.toUpperCase());
    expect(request!.url.split('?')[0]).toBe(entry.path.replace(/\{[^}]+\}/g, SAMPLE_ID));
    if (entry.security === 'public') {
      expect(request!.headers).not.toHaveProperty('authorization');
    } else {
      expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });

  const publicIds = ids.filter((id) => operations[id].security === 'public');
  const protectedIds = ids.filter((id) => operations[id].security === 'bearer');

  it('the contract has both kinds, so the matrix means something', () => {
    expect(publicIds.length).toBeGreaterThan(0);
    expect(protectedIds.length).toBeGreaterThan(0);
  });

  it.each(publicIds)('strips a caller-supplied Authorization from public %s', async (id) => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: TOKEN, retry: false });
    const init = minimalInit(contractOf(id));
    await callLoosely(client, id, { ...init, headers: { Authorization: 'Bearer caller-token' } });
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it.each(protectedIds)('sends no Authorization to protected %s when token() returns undefined', async (id) => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: () => undefined, retry: false });
    await callLoosely(client, id, minimalInit(contractOf(id)));
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('never sends "Bearer null", "Bearer undefined" or an empty bearer', async () => {
    for (const token of [undefined, '', '   ', () => '', async () => undefined, null as unknown as string]) {
      const client = createNexusClient({ baseUrl: server.baseUrl, token, retry: false });
      await client.call('getCurrentUser');
    }
    expect(server.requests).toHaveLength(6);
    for (const request of server.requests) expect(request.headers).not.toHaveProperty('authorization');
  });

  it('reads the token function before every protected call', async () => {
    let current = 'first';
    const client = createNexusClient({ baseUrl: server.baseUrl, token: async () => current, retry: false });
    await client.call('getCurrentUser');
    current = 'second';
    await client.GET('/api/auth/me');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer first', 'Bearer second']);
  });

  it('matches the concrete URL under a base URL with a path prefix', async () => {
    const client = createNexusClient({ baseUrl: `${server.baseUrl}/prefix/`, token: TOKEN, retry: false });
    await client.call('getCustomer', { params: { path: { id: SAMPLE_ID } } });
    await client.call('getHealth');
    expect(server.requests.map((request) => [request.url, request.headers.authorization])).toEqual([
      [`/prefix/api/customers/${SAMPLE_ID}`, `Bearer ${TOKEN}`],
      ['/prefix/api/health', undefined],
    ]);
  });

  it('keeps a caller’s own Authorization on a protected operation (acting for another user)', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: TOKEN, retry: false });
    await client.call('getCurrentUser', { headers: { Authorization: 'Bearer chat-scoped' } });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer chat-scoped');
  });

  it('gives every creating POST an Idempotency-Key, and keeps the caller’s', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: TOKEN, retry: false });
    const creating = ids.filter((id) => operations[id].createsResource);
    expect(creating.length).toBeGreaterThan(0);
    for (const id of creating) await callLoosely(client, id, minimalInit(contractOf(id)));
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(keys.length);

    server.requests.length = 0;
    await client.call('createCustomer', { body: { name: 'Tan' }, params: { header: { 'idempotency-key': 'caller-key-1' } } });
    expect(server.requests[0]!.headers['idempotency-key']).toBe('caller-key-1');
  });

  it('adds no Idempotency-Key to operations that do not create', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, token: TOKEN, retry: false });
    await client.call('login', { body: { email: 'a@b.c', password: 'x' } });
    await client.call('archiveCustomer', { params: { path: { id: SAMPLE_ID } } });
    for (const request of server.requests) expect(request.headers).not.toHaveProperty('idempotency-key');
  });
});
