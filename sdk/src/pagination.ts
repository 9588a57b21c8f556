import type { OperationInit } from './operation-types.js';

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

type CallPage = (operationId: string, init: OperationInit<unknown>) => Promise<{ data: Page }>;

/** Follows `nextCursor` from page to page, yielding each item; see `NexusClient.paginate`. */
export async function* paginate(call: CallPage, operationId: string, init: OperationInit<unknown> = {}): AsyncGenerator<unknown, void, undefined> {
  const { params = {} } = init as { params?: { query?: Record<string, unknown> } };
  let cursor = params.query?.cursor as string | undefined;
  for (;;) {
    const { data } = await call(operationId, { ...init, params: { ...params, query: { ...params.query, cursor } } } as OperationInit<unknown>);
    yield* data.items;
    if (data.nextCursor === null || data.nextCursor === undefined) return;
    // A server that hands back the cursor it was given would loop forever.
    if (data.nextCursor === cursor) throw new Error(`${operationId}: the server returned the same cursor twice`);
    cursor = data.nextCursor;
  }
}
