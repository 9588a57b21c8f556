import type { Context } from 'hono';
import type { Created } from '../services/idempotency.js';

/**
 * The headers of a 201 from an idempotent create: `Idempotency-Replayed` on a
 * retry, `Location` of the new resource, its `ETag` when it is versioned. A
 * replay derives them from the stored result, so they equal the first answer's.
 * The handler then answers `c.json(created.value, 201)`.
 */
export function setCreatedHeaders(c: Context, created: Created<unknown>, headers: { location?: string; etag?: string }): void {
  if (created.replayed) c.header('Idempotency-Replayed', 'true');
  if (headers.location !== undefined) c.header('Location', headers.location);
  if (headers.etag !== undefined) c.header('ETag', headers.etag);
}
