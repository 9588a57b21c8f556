import { ProblemSchema } from './schemas.js';

/** A documented problem+json response (the headers every response has are added by `defineRoute`). */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The `ETag` of a versioned resource, always sent, for `If-Match` on the next change. */
export const etagHeader = (description = 'The version, for `If-Match` on the next change.') => ({
  ETag: { description, required: true, schema: { type: 'string' as const } },
});
