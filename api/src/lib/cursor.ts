import { problems } from './problem.js';

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url
 * JSON. Clients treat them as opaque; a tampered one is a 400, not a 500.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[]): (string | number)[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!Array.isArray(value) || value.length !== shape.length || value.some((part, i) => typeof part !== shape[i])) {
    throw problems.validation([{ path: 'query.cursor', message: 'Not a cursor this list issued.', code: 'invalid_cursor' }]);
  }
  return value as (string | number)[];
}

/** Takes `limit + 1` rows; returns the page and the cursor of its last row if more follow. */
export function paginate<Row>(rows: Row[], limit: number, keyOf: (row: Row) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
