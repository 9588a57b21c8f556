export { createNexusClient, type NexusClient } from './client.js';
export type {
  FetchContext,
  FetchImplementation,
  PlainRequest,
  NexusClientOptions,
  NexusRequestOptions,
  RetryEvent,
  RetryOptions,
  TokenSource,
  UploadProgress,
} from './client-options.js';
export {
  ConflictError,
  ForbiddenError,
  NetworkError,
  NexusError,
  NexusProblemError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
  UnauthorizedError,
  UnexpectedStatusError,
  ValidationError,
  isNexusError,
  problemErrorFrom,
  type AnyNexusError,
  type NexusErrorKind,
  type ProblemErrorKind,
  type ProblemSource,
} from './errors.js';
export { operations, type OperationId } from './generated/operations.js';
export * from './generated/enums.js';
export { findOperation, type OperationEntry, type ResolvedOperation } from './operation-lookup.js';
export { mayCall } from './permissions.js';
export { xhrFetch } from './xhr-fetch.js';
export type {
  ETagOf,
  NexusResult,
  OperationContract,
  OperationInit,
  PageItem,
  PaginatedOperationId,
  PathsWith,
  RequestOf,
  ResponseOf,
  SuccessData,
  Upload,
} from './operation-types.js';
// The contract's types: `paths`, `components`, and every schema by name (`Customer`, `Problem`, …).
// (The generated `operations` interface is reachable as `OperationContract<Id>`.)
export type * from './generated/schema.js';
