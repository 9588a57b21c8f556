// Types that turn the generated contract into the shapes the client accepts and returns.
import type { FetchOptions } from 'openapi-fetch';
import type { operations as OperationContracts, paths } from './generated/schema.js';
import type { OperationId } from './generated/operations.js';
import type { NexusRequestOptions } from './client-options.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | 207 | 208 | 226 | '2XX';

type SuccessResponses<Op> = Op extends { responses: infer R } ? R[keyof R & SuccessStatus] : never;

/** The JSON body of an operation's success response (`undefined` for a 204; a `Blob` for a file such as a PDF). */
export type SuccessData<Op> =
  SuccessResponses<Op> extends infer Answer
    ? Answer extends { content: { 'application/json': infer Body } }
      ? Body
      : Answer extends { content: Record<string, Blob> }
        ? Blob
        : undefined
    : never;

/** `string` when the contract requires an `ETag` on success, otherwise `string | undefined`. */
export type ETagOf<Op> = SuccessResponses<Op> extends { headers: { ETag: string } } ? string : string | undefined;

/**
 * What one call accepts: openapi-fetch's typed `params` (path, query, header) and
 * `body`, any `RequestInit` field such as `signal`, and the SDK's per-request options.
 */
export type OperationInit<Op> = Omit<FetchOptions<Op>, 'fetch' | 'baseUrl' | 'parseAs' | 'body' | 'bodySerializer'> & BodyOption<Op> & NexusRequestOptions;

/** Bytes to upload: a `Blob` (a browser `File` is one) or a `Uint8Array` (a Node `Buffer` is one). */
export type Upload = Blob | Uint8Array;

/** A file in the contract (`format: binary`, a `Blob`) accepts any {@link Upload}; other values stay as they are. */
type Uploadable<T> = T extends Blob ? Upload : T;
type WithUploads<Body> = Body extends Blob ? Upload : Body extends object ? { [K in keyof Body]: Uploadable<Body[K]> } : Body;

/** The request bodies an operation accepts: the schemas of its media types (no readOnly/writeOnly in this contract). */
type RequestBodyOf<C> = C[keyof C];

/** The request body, with files accepted as `Blob` or `Uint8Array` (multipart parts and raw uploads alike). */
type BodyOption<Op> = Op extends { requestBody: { content: infer C } }
  ? { body: WithUploads<RequestBodyOf<C>> }
  : Op extends { requestBody?: never }
    ? { body?: never }
    : Op extends { requestBody?: { content: infer C } }
      ? { body?: WithUploads<RequestBodyOf<C>> }
      : { body?: never };

/** The init argument is optional exactly when the operation needs no params and no body. */
export type InitArgs<Op> = {} extends OperationInit<Op> ? [init?: OperationInit<Op>] : [init: OperationInit<Op>];

/** What a successful call resolves to. Non-2xx answers are thrown as `NexusProblemError`s. */
export interface NexusResult<Op> {
  /** The parsed JSON body, typed from the contract. */
  data: SuccessData<Op>;
  /** The response itself, for headers such as `Location` or `X-Request-Id`. */
  response: Response;
  /** The `ETag` response header: pass it back as `If-Match` on the next update. */
  etag: ETagOf<Op>;
}

/** The path templates that have an operation for `method`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends Record<M, object> ? P : never;
}[keyof paths];

/** The contract of an operation, by `operationId`. */
export type OperationContract<Id extends OperationId> = OperationContracts[Id];

/** The init argument of `client.call(id, init)`. */
export type RequestOf<Id extends OperationId> = OperationInit<OperationContracts[Id]>;

/** The success body of `client.call(id)`, e.g. `ResponseOf<'getCustomer'>` is `Customer`. */
export type ResponseOf<Id extends OperationId> = SuccessData<OperationContracts[Id]>;

/** Operations that take a `cursor` query and answer `{ items, nextCursor }`. */
export type PaginatedOperationId = {
  [Id in OperationId]: OperationContracts[Id] extends { parameters: { query?: { cursor?: string } } }
    ? SuccessData<OperationContracts[Id]> extends { items: unknown[]; nextCursor: string | null }
      ? Id
      : never
    : never;
}[OperationId];

/** The item type of a paginated operation, e.g. `PageItem<'listCustomers'>` is `Customer`. */
export type PageItem<Id extends OperationId> = SuccessData<OperationContracts[Id]> extends { items: Array<infer Item> } ? Item : never;
