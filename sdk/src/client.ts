import createClient, { createFinalURL, createQuerySerializer, defaultPathSerializer, removeTrailingSlash, type Middleware } from 'openapi-fetch';
import type { BodyReading, CompleteAnswer } from './attempt.js';
import type { NexusClientOptions } from './client-options.js';
import { problemErrorFrom } from './errors.js';
import { operations, type OperationId } from './generated/operations.js';
import { findOperation, findOperationAt, type ResolvedOperation } from './operation-lookup.js';
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
import { createTransport, type OutgoingCall } from './transport.js';

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
  const baseUrl = removeTrailingSlash(options.baseUrl);
  const querySerializer = createQuerySerializer();
  const middlewares: Middleware[] = [];
  // Middleware (and per-call serialisers) go through openapi-fetch; without them a call
  // is built here directly, with openapi-fetch's own URL serialisation, so that a call
  // costs one Request per attempt and one read of the answer.
  const core = createClient<paths>({ baseUrl: options.baseUrl });

  async function request(method: HttpMethod, path: string, init: OperationInit<unknown> = {}, known?: ResolvedOperation): Promise<NexusResult<unknown>> {
    const operation = known ?? operationAt(method, path);
    const entry = operation?.entry as { requestBody?: 'multipart'; responseBody?: 'binary' } | undefined;
    const loose = init as LooseInit;
    if (middlewares.length > 0 || loose.middleware !== undefined || loose.querySerializer !== undefined || loose.pathSerializer !== undefined) {
      return throughOpenapiFetch(method, path, loose, operation);
    }
    const reading: BodyReading = entry?.responseBody === 'binary' ? 'blob' : 'text';
    const call = outgoingCall(method.toUpperCase(), path, loose, operation, entry?.requestBody);
    const { response, body } = await send(call, reading, loose);
    if (!response.ok) {
      const text = body instanceof Blob ? await body.text() : (body as string | null);
      throw problemErrorFrom({
        status: response.status,
        headers: response.headers,
        body: text === null || text === '' ? undefined : parseIfJson(text),
        operationId: operation?.id,
        method: call.method,
        url: response.url || call.url,
      });
    }
    let data: unknown;
    if (body === null || body === '') data = undefined;
    else if (typeof body === 'string') data = JSON.parse(body);
    else data = emptyByLength(response) ? undefined : body;
    return { data, response, etag: response.headers.get('etag') ?? undefined } as NexusResult<unknown>;
  }

  function outgoingCall(
    method: string,
    path: string,
    init: LooseInit,
    operation: ResolvedOperation | undefined,
    requestBody: 'multipart' | undefined,
  ): OutgoingCall {
    const { params = {}, body, headers, signal, timeoutMs: _timeoutMs, retry: _retry, onUploadProgress: _onUploadProgress, ...rest } = init;
    const url = createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer: defaultPathSerializer });
    const serialized = body === undefined ? undefined : serializeBody(body, requestBody);
    // As openapi-fetch: JSON unless a form (whose boundary the Request sets), then the caller's headers, then header params.
    const merged: Record<string, string> = serialized === undefined || serialized instanceof FormData ? {} : { 'content-type': 'application/json' };
    mergeHeaders(merged, headers);
    mergeHeaders(merged, params.header);
    return {
      method,
      url,
      operation,
      headers: merged,
      signal: signal ?? undefined,
      body: serialized ?? null,
      init: rest as RequestInit,
    };
  }

  // openapi-fetch builds the Request and runs the middleware; its fetch is the transport.
  async function throughOpenapiFetch(method: HttpMethod, path: string, init: LooseInit, operation: ResolvedOperation | undefined): Promise<NexusResult<unknown>> {
    const { timeoutMs, retry, onUploadProgress, middleware, ...rest } = init;
    const entry = operation?.entry as { requestBody?: 'multipart'; responseBody?: 'binary' } | undefined;
    const loose = core.request as (method: string, path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
    const { data, error, response } = await loose(method, path, {
      ...rest,
      ...(middleware ? { middleware } : {}),
      bodySerializer: (body: unknown) => serializeBody(body, entry?.requestBody),
      ...(entry?.responseBody === 'binary' ? { parseAs: 'blob' } : {}),
      fetch: async (outgoing: Request) => {
        const body = outgoing.body === null ? null : await outgoing.arrayBuffer();
        const headers: Record<string, string> = {};
        outgoing.headers.forEach((value, name) => (headers[name] = value));
        const call: OutgoingCall = {
          method: outgoing.method,
          url: outgoing.url,
          // Middleware may have sent it elsewhere: credentials follow where it goes.
          operation: findOperationAt(outgoing.method, outgoing.url, options.baseUrl),
          headers,
          signal: outgoing.signal,
          body,
          init: {},
          base: outgoing,
        };
        const sent = await send(call, 'bytes', { timeoutMs, retry, onUploadProgress });
        // openapi-fetch and the middleware's onResponse read the body again.
        const complete = new Response(sent.body, { status: sent.response.status, statusText: sent.response.statusText, headers: sent.response.headers });
        Object.defineProperty(complete, 'url', { value: sent.response.url || call.url });
        return complete;
      },
    });
    if (!response.ok) {
      throw problemErrorFrom({
        status: response.status,
        headers: response.headers,
        body: error === '' ? undefined : error,
        operationId: operation?.id,
        method: method.toUpperCase(),
        url: response.url || undefined,
      });
    }
    return { data, response, etag: response.headers.get('etag') ?? undefined } as NexusResult<unknown>;
  }

  const byMethod = (method: HttpMethod) => ((path: string, init?: OperationInit<unknown>) => request(method, path, init)) as never;

  const client: NexusClient = {
    call: ((operationId: OperationId, init?: OperationInit<unknown>) => {
      const entry = operations[operationId];
      if (!entry) throw new TypeError(`Unknown Nexus operation: ${String(operationId)}`);
      return request(entry.method, entry.path, init, { id: operationId, entry });
    }) as NexusClient['call'],
    paginate: ((operationId: PaginatedOperationId, init?: OperationInit<unknown>) =>
      paginate(client.call as never, operationId, init)) as NexusClient['paginate'],
    GET: byMethod('get'),
    POST: byMethod('post'),
    PUT: byMethod('put'),
    PATCH: byMethod('patch'),
    DELETE: byMethod('delete'),
    // openapi-fetch keeps (and checks) the middleware; the list here only says whether there is any.
    use: (...middleware) => {
      for (const m of middleware) {
        core.use(m);
        if (m) middlewares.push(m);
      }
    },
    eject: (...middleware) => {
      core.eject(...middleware);
      for (const m of middleware) {
        const index = middlewares.indexOf(m);
        if (index !== -1) middlewares.splice(index, 1);
      }
    },
  };
  return client;
}

type HeaderValue = string | number | boolean | null | undefined | Array<string | number | boolean>;
type HeaderSource = Headers | Array<[string, string]> | Record<string, HeaderValue> | undefined;

/** A call's init as the client reads it (the typed `OperationInit` of every operation at once). */
type LooseInit = Omit<OperationInit<unknown>, 'params' | 'headers' | 'middleware' | 'signal'> & {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: HeaderSource };
  headers?: HeaderSource;
  signal?: AbortSignal | null;
  body?: unknown;
  middleware?: Middleware[];
  querySerializer?: unknown;
  pathSerializer?: unknown;
} & Record<string, unknown>;

/** Adds headers to a record with lower-case names, as openapi-fetch merges them: `null` removes one, an array appends each value. */
function mergeHeaders(target: Record<string, string>, source: HeaderSource): void {
  if (!source || typeof source !== 'object') return;
  if (source instanceof Headers) {
    source.forEach((value, name) => (target[name] = value));
    return;
  }
  if (Array.isArray(source)) {
    for (const [name, value] of source) appendHeader(target, name.toLowerCase(), value);
    return;
  }
  for (const name in source) {
    const value = source[name];
    const key = name.toLowerCase();
    if (value === null) delete target[key];
    else if (Array.isArray(value)) for (const each of value) appendHeader(target, key, String(each));
    else if (value !== undefined) target[key] = String(value);
  }
}

function appendHeader(target: Record<string, string>, name: string, value: string): void {
  const present = target[name];
  target[name] = present === undefined ? value : `${present}, ${value}`;
}

function parseIfJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A `Content-Length: 0` answer without chunks has no body to give (openapi-fetch's rule). */
function emptyByLength(response: Response): boolean {
  return response.headers.get('content-length') === '0' && !response.headers.get('transfer-encoding')?.includes('chunked');
}

// The operation of a path template (`GET('/api/customers/{id}')`), looked up once per template.
const templateOperations = new Map<string, ResolvedOperation | undefined>();
function operationAt(method: string, path: string): ResolvedOperation | undefined {
  const key = `${method.toUpperCase()} ${path}`;
  if (templateOperations.has(key)) return templateOperations.get(key);
  const found = findOperation(method, path);
  // Only templates are remembered: a concrete path (`/api/customers/0b8f…`) would grow the map without end.
  if (!path.includes('{') && found && found.entry.path !== path) return found;
  if (templateOperations.size < 1_000) templateOperations.set(key, found);
  return found;
}
