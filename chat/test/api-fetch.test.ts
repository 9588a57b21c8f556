// The gateway's node:http fetch (src/api-fetch.ts) under the SDK, against the real API:
// bodies, statuses and headers both ways, bodiless answers, problems as typed errors.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNexusClient, isNexusError, type NexusClient } from '@nexus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type RunningApi } from '../../scripts/lib/test-stack.mjs';
import { apiFetch } from '../src/api-fetch.js';
import { admin, newPerson, type Person } from './support/people.js';

let api: RunningApi;
let ada: Person;
let client: NexusClient;

beforeAll(async () => {
  api = await startApi();
  ada = await admin(api);
  client = createNexusClient({ baseUrl: api.baseUrl, token: ada.accessToken, fetch: apiFetch() });
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('apiFetch', () => {
  it('carries a JSON body out and the answer, its status and headers back', async () => {
    const bob = await newPerson(api.baseUrl, ada, 'Bob');
    const { data: room, response } = await client.call('createConversation', { body: { title: 'Over node:http', memberIds: [bob.id] } });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/conversations/${room.id}`);
    expect(room.title).toBe('Over node:http');

    const clientMessageId = randomUUID();
    const posts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.call('postMessage', { params: { path: { id: room.id } }, body: { text: `message ${i} — ünïcode`, clientMessageId: i === 0 ? clientMessageId : randomUUID() } })),
    );
    expect(posts.map((post) => post.data.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(posts[0]!.data.text).toBe('message 0 — ünïcode');
    const resend = await client.call('postMessage', { params: { path: { id: room.id } }, body: { text: 'message 0 — ünïcode', clientMessageId } });
    expect(resend.response.status).toBe(200);
    expect(resend.data.id).toBe(posts[0]!.data.id);
  });

  it('answers a 204 with no body', async () => {
    const carol = await newPerson(api.baseUrl, ada, 'Carol');
    const { data: room } = await client.call('createConversation', { body: { title: 'Leaving', memberIds: [carol.id] } });
    const { response } = await client.call('removeConversationMember', { params: { path: { id: room.id, userId: carol.id } } });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
  });

  it('turns a problem answer into the SDK error of its status', async () => {
    const missing = randomUUID();
    const error = await client.call('getConversation', { params: { path: { id: missing } } }).catch((caught: unknown) => caught);
    expect(isNexusError(error) && error.kind).toBe('not-found');
  });

  it('answers a Request too (jose fetches the JWKS so), with a Response that reads like any other', async () => {
    const fetch = apiFetch();
    const url = `${api.baseUrl}/api/health`;
    const response = await fetch(new Request(url));
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.url).toBe(url);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const copy = response.clone();
    const health = (await response.json()) as { status: string };
    expect(health).toEqual(expect.objectContaining({ status: expect.any(String) }));
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(JSON.parse(new TextDecoder().decode(await copy.arrayBuffer()))).toEqual(health);
    const streamed = await fetch(new Request(url));
    expect(JSON.parse(await new Response(streamed.body).text())).toMatchObject({ status: health.status });
    expect(streamed.bodyUsed).toBe(true);
  });

  it('times out on a server that never answers, and closes that request', async () => {
    let closed!: () => void;
    const requestClosed = new Promise<void>((resolve) => (closed = resolve));
    const silent = createServer((request) => request.socket.on('close', closed));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const stalled = createNexusClient({ baseUrl: `http://127.0.0.1:${port}`, token: ada.accessToken, fetch: apiFetch(), retry: false, timeoutMs: 500 });
      const error = await stalled.call('getCurrentUser').catch((caught: unknown) => caught);
      expect(isNexusError(error) && error.kind).toBe('timeout');
      await requestClosed; // the test's timeout bounds this: a request left open would hang here
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('fails with a network error when nothing listens', async () => {
    const nowhere = createNexusClient({ baseUrl: 'http://127.0.0.1:9', token: ada.accessToken, fetch: apiFetch(), retry: false });
    const error = await nowhere.call('getCurrentUser').catch((caught: unknown) => caught);
    expect(isNexusError(error) && error.kind).toBe('network');
  });
});
