import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNexusClient, TimeoutError } from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer(() => ({ delayMs: 400, body: { status: 'ok' } }));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('timeouts', () => {
  it('a per-request timeoutMs gives a TimeoutError', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl });
    const error = await client.call('getHealth', { timeoutMs: 50 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 50 });
  });

  it('the client’s timeoutMs is the default', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl, timeoutMs: 50 });
    await expect(client.call('getHealth')).rejects.toBeInstanceOf(TimeoutError);
    await expect(client.call('getHealth', { timeoutMs: 2_000 })).resolves.toMatchObject({ data: { status: 'ok' } });
  });

  it('a caller’s AbortSignal.timeout also gives a TimeoutError', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl });
    const error = await client.call('getHealth', { signal: AbortSignal.timeout(50) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBeUndefined();
  });

  it('a caller’s abort rejects with the abort reason, not a TimeoutError', async () => {
    const client = createNexusClient({ baseUrl: server.baseUrl });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await client.call('getHealth', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('a timeout is not retried, even on an idempotent operation', async () => {
    // A timeout long enough for the request to reach the server on a loaded machine (with 50 ms it could fire
    // before the server saw anything), and a server slower still. A retried call would have sent several.
    server.handle(() => ({ delayMs: 3_000, body: { status: 'ok' } }));
    try {
      const client = createNexusClient({ baseUrl: server.baseUrl, retry: { retries: 3, baseDelayMs: 1 } });
      await expect(client.call('getHealth', { timeoutMs: 1_000 })).rejects.toBeInstanceOf(TimeoutError);
      expect(server.requests).toHaveLength(1);
    } finally {
      server.handle(() => ({ delayMs: 400, body: { status: 'ok' } }));
    }
  });

  it('covers the body too: a server that stalls after the headers times out', async () => {
    const stalling = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"status":');
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stalling.address() as AddressInfo;
      const client = createNexusClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 });
      await expect(client.call('getHealth')).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });
});
