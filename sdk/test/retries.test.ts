import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createNexusClient,
  NetworkError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  type RetryEvent,
} from '../src/index.js';
import { backoffDelayMs, DEFAULT_RETRY, retryDelayForResponse } from '../src/retry-policy.js';
import { retryAfterSecondsOf } from '../src/errors.js';
import { SAMPLE_ID } from './support/contract.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const fast = { baseDelayMs: 1, maxDelayMs: 2_000 };
const client = (retry: object | false = fast) => createNexusClient({ baseUrl: server.baseUrl, token: 't', retry });
const failThenSucceed = (failures: number, status = 503, headers: Record<string, string> = {}) =>
  server.handle((_request, index) => (index < failures ? { status, headers } : { status: 200, body: { items: [], nextCursor: null } }));

describe('retries', () => {
  it('retries an idempotent GET after 503 and 429, then succeeds', async () => {
    server.handle((_request, index) => [{ status: 503 }, { status: 429 }][index] ?? { body: { items: [], nextCursor: null } });
    const events: RetryEvent[] = [];
    const { data } = await client({ ...fast, onRetry: (event: RetryEvent) => events.push(event) }).call('listCustomers');
    expect(data.items).toEqual([]);
    expect(server.requests).toHaveLength(3);
    expect(events.map((event) => [event.attempt, event.status])).toEqual([
      [1, 503],
      [2, 429],
    ]);
  });

  it('gives up after `retries` (default 2) and throws the last answer', async () => {
    server.handle(() => ({ status: 503 }));
    await expect(client().call('getHealth')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(1 + DEFAULT_RETRY.retries);
  });

  it('does not retry other errors such as 500', async () => {
    server.handle(() => ({ status: 500 }));
    await expect(client().call('getHealth')).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('honours Retry-After in seconds', async () => {
    failThenSucceed(1, 429, { 'retry-after': '1' });
    const started = Date.now();
    await client().call('getDashboard');
    expect(server.requests).toHaveLength(2);
    // baseDelayMs is 1 ms: only Retry-After explains a wait of about a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const controller = new AbortController();
    const delays: number[] = [];
    failThenSucceed(1, 503, { 'retry-after': new Date(Date.now() + 3_000).toUTCString() });
    const call = client({ ...fast, maxDelayMs: 5_000, onRetry: (event: RetryEvent) => (delays.push(event.delayMs), controller.abort()) }).call(
      'getHealth',
      { signal: controller.signal },
    );
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(1_000);
    expect(delays[0]).toBeLessThanOrEqual(3_000);
  });

  it('does not wait for a Retry-After longer than maxDelayMs: the error says when to come back', async () => {
    failThenSucceed(1, 429, { 'retry-after': '3600' });
    const error = await client().call('listCustomers').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBe(3600);
    expect(server.requests).toHaveLength(1);
  });

  it('never retries a POST that is not idempotent and carries no Idempotency-Key', async () => {
    server.handle(() => ({ status: 503 }));
    await expect(client().call('login', { body: { email: 'a@b.c', password: 'p' } })).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(client().call('archiveCustomer', { params: { path: { id: SAMPLE_ID } } })).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('retries a creating POST with the same auto-generated Idempotency-Key and body', async () => {
    failThenSucceed(2, 503);
    await client().call('createCustomer', { body: { name: 'Tan Hardware' } });
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((request) => request.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f-]{36}$/);
    for (const request of server.requests) expect(JSON.parse(request.body)).toEqual({ name: 'Tan Hardware' });
  });

  it('retries any request that carries a caller’s Idempotency-Key, keeping it', async () => {
    failThenSucceed(1, 503);
    await client().call('archiveCustomer', { params: { path: { id: SAMPLE_ID } }, headers: { 'Idempotency-Key': 'archive-once-1' } });
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual(['archive-once-1', 'archive-once-1']);
  });

  it('can be switched off per client and per request', async () => {
    server.handle(() => ({ status: 503 }));
    await expect(client(false).call('getHealth')).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(client().call('getHealth', { retry: false })).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(client().call('getHealth', { retry: { retries: 1 } })).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(1 + 1 + 2);
  });

  it('retries network errors, then throws NetworkError', async () => {
    const closed = await startRecordingServer();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const events: RetryEvent[] = [];
    const unreachable = createNexusClient({ baseUrl, retry: { ...fast, onRetry: (event) => events.push(event) } });
    const error = await unreachable.call('getHealth').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).url).toBe(`${baseUrl}/api/health`);
    expect(events.map((event) => event.attempt)).toEqual([1, 2]);
    expect(events.every((event) => event.error instanceof NetworkError)).toBe(true);
  });

  it('does not retry a network error on a non-idempotent POST', async () => {
    const closed = await startRecordingServer();
    await closed.close();
    const events: RetryEvent[] = [];
    const unreachable = createNexusClient({ baseUrl: closed.baseUrl, retry: { ...fast, onRetry: (event) => events.push(event) } });
    await expect(unreachable.call('login', { body: { email: 'a@b.c', password: 'p' } })).rejects.toBeInstanceOf(NetworkError);
    expect(events).toEqual([]);
  });
});

describe('the retry policy', () => {
  it('uses full jitter under an exponential ceiling capped by maxDelayMs', () => {
    const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([0, 1, 2, 3, 4].map((index) => backoffDelayMs(index, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelayMs(3, policy, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores nonsense', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(retryAfterSecondsOf(new Headers({ 'retry-after': '5' }), now)).toBe(5);
    expect(retryAfterSecondsOf(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' }), now)).toBe(30);
    expect(retryAfterSecondsOf(new Headers({ 'retry-after': 'Wed, 25 Nov 2026 09:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterSecondsOf(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterSecondsOf(new Headers(), now)).toBeUndefined();
  });

  it('waits Retry-After when within maxDelayMs and refuses when beyond', () => {
    const policy = { retries: 2, baseDelayMs: 100, maxDelayMs: 5_000 };
    expect(retryDelayForResponse(new Response(null, { status: 429, headers: { 'retry-after': '5' } }), 0, policy)).toBe(5_000);
    expect(retryDelayForResponse(new Response(null, { status: 429, headers: { 'retry-after': '6' } }), 0, policy)).toBeUndefined();
    expect(retryDelayForResponse(new Response(null, { status: 503 }), 0, policy)).toBeLessThan(100);
  });
});
