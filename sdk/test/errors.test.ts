import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ConflictError,
  createNexusClient,
  ForbiddenError,
  isNexusError,
  NexusError,
  NexusProblemError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  UnauthorizedError,
  UnexpectedStatusError,
  ValidationError,
} from '../src/index.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const client = () => createNexusClient({ baseUrl: server.baseUrl, token: 't', retry: false });

async function caught(promise: Promise<unknown>): Promise<NexusProblemError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(NexusProblemError);
    return error as NexusProblemError;
  }
  throw new Error('expected the call to throw');
}

const cases = [
  [400, ValidationError, 'validation', 'Bad Request'],
  [401, UnauthorizedError, 'unauthorized', 'Unauthorized'],
  [403, ForbiddenError, 'forbidden', 'Forbidden'],
  [404, NotFoundError, 'not-found', 'Not Found'],
  [409, ConflictError, 'conflict', 'Conflict'],
  [412, PreconditionFailedError, 'precondition-failed', 'Precondition Failed'],
  [428, PreconditionRequiredError, 'precondition-required', 'Precondition Required'],
  [429, RateLimitedError, 'rate-limited', 'Too Many Requests'],
  [500, ServerError, 'server', 'Internal Server Error'],
  [502, ServerError, 'server', 'Bad Gateway'],
  [503, ServiceUnavailableError, 'service-unavailable', 'Service Unavailable'],
  [413, UnexpectedStatusError, 'http', 'Content Too Large'],
  [422, UnexpectedStatusError, 'http', 'Unprocessable Content'],
] as const;

describe('a problem+json answer becomes a typed error', () => {
  it.each(cases)('%i → %o', async (status, ErrorClass, kind) => {
    server.handle(() => ({
      status,
      headers: { 'x-request-id': 'req-123' },
      body: {
        type: `https://nexus.dev/problems/${kind}`,
        title: `Title ${status}`,
        status,
        detail: `Detail ${status}`,
        instance: '/api/customers',
      },
    }));
    const error = await caught(client().call('listCustomers'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(NexusError);
    expect(isNexusError(error)).toBe(true);
    expect(error.kind).toBe(kind);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.title).toBe(`Title ${status}`);
    expect(error.detail).toBe(`Detail ${status}`);
    expect(error.type).toBe(`https://nexus.dev/problems/${kind}`);
    expect(error.instance).toBe('/api/customers');
    expect(error.requestId).toBe('req-123');
    expect(error.operationId).toBe('listCustomers');
    expect(error.problem).toMatchObject({ title: `Title ${status}`, status });
    expect(error.message).toBe(`${status} Title ${status}: Detail ${status} (listCustomers)`);
  });

  it.each(cases)('%i with an empty body still gives %o with a title from the status', async (status, ErrorClass, _kind, title) => {
    server.handle(() => ({ status }));
    const error = await caught(client().call('listCustomers'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.title).toBe(title);
    expect(error.type).toBe('about:blank');
    expect(error.detail).toBeUndefined();
    expect(error.errors).toEqual([]);
    expect(error.body).toBeUndefined();
  });

  it.each(cases)('%i with a non-JSON body still gives %o', async (status, ErrorClass, _kind, title) => {
    server.handle(() => ({ status, headers: { 'content-type': 'text/html' }, body: '<html><h1>nginx</h1></html>' }));
    const error = await caught(client().call('getHealth'));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.title).toBe(title);
    expect(error.status).toBe(status);
    expect(error.body).toBe('<html><h1>nginx</h1></html>');
  });

  it('a validation problem carries its field errors', async () => {
    const errors = [
      { path: 'body.email', message: 'Invalid email', code: 'invalid_format' },
      { path: 'body.name', message: 'Required' },
    ];
    server.handle(() => ({ status: 400, body: { type: 'https://nexus.dev/problems/validation', title: 'Invalid request', status: 400, errors } }));
    const error = await caught(client().call('createCustomer', { body: { name: '' } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors).toEqual(errors);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ kind: 'validation', status: 400, errors });
  });

  it('429 and 503 expose Retry-After as retryAfterSeconds, from seconds or an HTTP date', async () => {
    server.handle(() => ({ status: 429, headers: { 'retry-after': '42' }, body: { type: 'x', title: 'Slow down', status: 429 } }));
    const limited = await caught(client().call('login', { body: { email: 'a@b.c', password: 'p' } }));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterSeconds).toBe(42);

    const at = new Date(Date.now() + 120_000).toUTCString();
    server.handle(() => ({ status: 503, headers: { 'retry-after': at } }));
    const unavailable = await caught(client().call('getHealth', { retry: false }));
    expect(unavailable).toBeInstanceOf(ServiceUnavailableError);
    const seconds = (unavailable as ServiceUnavailableError).retryAfterSeconds!;
    expect(seconds).toBeGreaterThanOrEqual(118);
    expect(seconds).toBeLessThanOrEqual(121);
  });

  it('narrows by kind through isNexusError', async () => {
    server.handle(() => ({ status: 429, headers: { 'retry-after': '7' } }));
    try {
      await client().call('getDashboard', { retry: false });
      expect.unreachable();
    } catch (error) {
      if (!isNexusError(error) || error.kind !== 'rate-limited') throw error;
      expect(error.retryAfterSeconds).toBe(7);
    }
  });

  it('path-style calls throw the same errors', async () => {
    server.handle(() => ({ status: 404, body: { type: 'about:blank', title: 'Customer not found', status: 404 } }));
    const error = await caught(client().GET('/api/customers/{id}', { params: { path: { id: 'abc' } } }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.operationId).toBe('getCustomer');
    expect(error.url).toBe(`${server.baseUrl}/api/customers/abc`);
  });
});
