import createClient, { type Middleware } from 'openapi-fetch';
import type { NexusClientOptions } from './client-options.js';
import { problemErrorFrom } from './errors.js';
import { operations, type OperationId } from './generated/operations.js';
import { findOperation } from './operation-lookup.js';
import type { operations as OperationContracts, paths } from './generated/schema.js';
import type {
  HttpMethod,
  InitArgs,
  NexusResult,
  OperationInit,
  PageItem,
  PaginatedOperationId,
  PathsWith,
} from './operation-types.js';
import { paginate } from './pagination.js';
import { createTransport } from './transport.js';

type PathMethod<M extends HttpMethod> = <P extends PathsWith<M>>(
  path: P,
  ...init: InitArgs<paths[P][M]>
) => Promise<NexusResult<paths[P][M]>>;

/**
 * A typed client for every operation of the Nexus API. Each call resolves to
 * `{ data, response, etag }` on a 2xx answer and throws otherwise: a
 * `NexusProblemError` subclass for an error status, `NetworkError` or `TimeoutError`.
 */
export interface NexusClient {
  /**
   * Calls an operation by its `operationId`; params, body and result are typed from the contract.
   *
   * @example
   * const { data: customer, etag } = await client.call('getCustomer', { params: { path: { id } } });
   */
  call<Id extends OperationId>(
    operationId: Id,
    ...init: InitArgs<OperationContracts[Id]>
  ): Promise<NexusResult<OperationContracts[Id]>>;

  /**
   * Iterates over every item of a cursor-paginated list, fetching pages as needed.
   *
   * @example
   * for await (const customer of client.paginate('listCustomers', { params: { query: { q: 'tan', limit: 50 } } })) {
   *   console.log(customer.name);
   * }
   */
  paginate<Id extends PaginatedOperationId>(
    operationId: Id,
    ...init: InitArgs<OperationContracts[Id]>
  ): AsyncGenerator<PageItem<Id>, void, undefined>;

  /**
   * GET by path template, openapi-fetch style.
   *
   * @example
   * const { data } = await client.GET('/api/customers/{id}', { params: { path: { id } } });
   */
  GET: PathMethod<'get'>;
  /**
   * POST by path template.
   *
   * @example
   * const { data } = await client.POST('/api/customers', { body: { name: 'Tan Hardware Pte Ltd' } });
   */
  POST: PathMethod<'post'>;
  /** PUT by path template. */
  PUT: PathMethod<'put'>;
  /**
   * PATCH by path template.
   *
   * @example
   * await client.PATCH('/api/customers/{id}', { params: { path: { id }, header: { 'if-match': etag } }, body: { notes: null } });
   */
  PATCH: PathMethod<'patch'>;
  /** DELETE by path template. */
  DELETE: PathMethod<'delete'>;

  /**
   * Adds openapi-fetch middleware (logging, tracing, …). It runs before the SDK sets
   * credentials, so it never sees the access token.
   */
  use(...middleware: Middleware[]): void;
  /** Removes middleware added with `use`. */
  eject(...middleware: Middleware[]): void;
}

/**
 * The wire form of a request body: a multipart operation's object of parts as
 * a form (a `Blob`/`File` or `Uint8Array`/`Buffer` part as a file, anything
 * else as text); bytes as they are (a raw upload); everything else JSON.
 */
function serializeBody(body: unknown, kind: 'multipart' | undefined): FormData | Blob | string {
  if (body instanceof FormData || body instanceof Blob || typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Blob([body as Uint8Array<ArrayBuffer>]);
  if (kind === 'multipart' && body !== null && typeof body === 'object') {
    const form = new FormData();
    for (const [name, value] of Object.entries(body)) {
      if (value === undefined || value === null) continue;
      if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
      else if (value instanceof Uint8Array) form.append(name, new Blob([value as Uint8Array<ArrayBuffer>]), name);
      else form.append(name, String(value));
    }
    return form;
  }
  return JSON.stringify(body);
}

/**
 * Creates a client for the Nexus API.
 *
 * @example
 * import { createNexusClient } from '@nexus/sdk';
 *
 * const client = createNexusClient({
 *   baseUrl: 'https://nexus.example.com',
 *   token: () => session.accessToken, // or a fixed string
 * });
 * const { data: page } = await client.call('listCustomers', { params: { query: { limit: 20 } } });
 */
export function createNexusClient(options: NexusClientOptions): NexusClient {
  const send = createTransport(options);
  const core = createClient<paths>({ baseUrl: options.baseUrl, fetch: (request) => send(request) });

  async function request(method: HttpMethod, path: string, init: OperationInit<unknown> = {}): Promise<NexusResult<unknown>> {
    const { timeoutMs, retry, onUploadProgress, ...rest } = init as OperationInit<unknown> & Record<string, unknown>;
    const loose = core.request as (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const entry = findOperation(method, path)?.entry as { requestBody?: 'multipart'; responseBody?: 'binary' } | undefined;
    const { data, error, response } = await loose(method, path, {
      ...rest,
      bodySerializer: (body: unknown) => serializeBody(body, entry?.requestBody),
      ...(entry?.responseBody === 'binary' ? { parseAs: 'blob' } : {}),
      fetch: (outgoing: Request) => send(outgoing, { timeoutMs, retry, onUploadProgress }),
    });
    if (!response.ok) {
      throw problemErrorFrom({
        status: response.status,
        headers: response.headers,
        body: error === '' ? undefined : error,
        operationId: findOperation(method, path)?.id,
        method: method.toUpperCase(),
        url: response.url || undefined,
      });
    }
    return { data, response, etag: response.headers.get('etag') ?? undefined } as NexusResult<unknown>;
  }

  const byMethod = (method: HttpMethod) => ((path: string, init?: OperationInit<unknown>) => request(method, path, init)) as never;

  const client: NexusClient = {
    call: ((operationId: OperationId, init?: OperationInit<unknown>) => {
      const operation = operations[operationId];
      if (!operation) throw new TypeError(`Unknown Nexus operation: ${String(operationId)}`);
      return request(operation.method, operation.path, init);
    }) as NexusClient['call'],
    paginate: ((operationId: PaginatedOperationId, init?: OperationInit<unknown>) =>
      paginate(client.call as never, operationId, init)) as NexusClient['paginate'],
    GET: byMethod('get'),
    POST: byMethod('post'),
    PUT: byMethod('put'),
    PATCH: byMethod('patch'),
    DELETE: byMethod('delete'),
    use: (...middleware) => core.use(...middleware),
    eject: (...middleware) => core.eject(...middleware),
  };
  return client;
}
