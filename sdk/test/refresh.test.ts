import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNexusClient, UnauthorizedError } from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

let server: RecordingServer;
beforeAll(async () => {
  // Accepts only the refreshed token, like an API whose old access token expired.
  server = await startRecordingServer((request) =>
    request.headers.authorization === 'Bearer fresh'
      ? { status: 201, body: { id: 'c1', name: 'Tan' } }
      : { status: 401, headers: { 'www-authenticate': 'Bearer' }, body: { type: 'about:blank', title: 'Unauthorized', status: 401 } },
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function session(refreshTo: string | undefined, answer = true) {
  const state = { token: 'stale' };
  const onUnauthorized = vi.fn(async () => {
    if (refreshTo !== undefined) state.token = refreshTo;
    return answer;
  });
  const client = createNexusClient({ baseUrl: server.baseUrl, token: () => state.token, onUnauthorized, retry: false });
  return { client, onUnauthorized };
}

describe('refresh on 401', () => {
  it('calls onUnauthorized once, then retries once with the new token', async () => {
    const { client, onUnauthorized } = session('fresh');
    const { data } = await client.call('getCurrentUser');
    expect(data).toMatchObject({ id: 'c1' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('re-sends a creating POST with the same body and Idempotency-Key', async () => {
    const { client } = session('fresh');
    await client.call('createCustomer', { body: { name: 'Tan' } });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers['idempotency-key']).toBe(server.requests[1]!.headers['idempotency-key']);
    expect(server.requests.map((request) => request.body)).toEqual(['{"name":"Tan"}', '{"name":"Tan"}']);
  });

  it('throws UnauthorizedError without retrying when the hook resolves false', async () => {
    const { client, onUnauthorized } = session(undefined, false);
    await expect(client.call('getCurrentUser')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(1);
  });

  it('retries only once: a second 401 is thrown', async () => {
    const { client, onUnauthorized } = session('still-wrong');
    const error = await client.call('getCurrentUser').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).headers.get('www-authenticate')).toBe('Bearer');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
  });

  it('is not called for a 401 from a public operation (a failed login)', async () => {
    const { client, onUnauthorized } = session('fresh');
    await expect(client.call('login', { body: { email: 'a@b.c', password: 'wrong' } })).rejects.toBeInstanceOf(UnauthorizedError);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('concurrent 401s share one refresh', async () => {
    const { client, onUnauthorized } = session('fresh');
    await Promise.all([client.call('getCurrentUser'), client.call('listCustomers'), client.call('listActivity')]);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(6);
  });
});
