/**
 * Keyset cursors for lists ordered by (created_at, id): `<epoch ms>.<uuid>`,
 * the position of the last row of a page. The query schema
 * (`KEYSET_CURSOR`) guarantees the shape before this code sees it.
 */
export function encodeKeysetCursor(createdAt: Date | string, id: string): string {
  return `${new Date(createdAt).getTime()}.${id}`;
}

/** → `[ISO timestamp, uuid]` for a `(created_at, id) < (…)` / `> (…)` comparison. */
export function decodeKeysetCursor(cursor: string): [string, string] {
  const dot = cursor.indexOf('.');
  return [new Date(Number(cursor.slice(0, dot))).toISOString(), cursor.slice(dot + 1)];
}

/** Takes `limit + 1` rows; returns the page and the cursor of its last row if more follow. */
export function paginate<Row extends { id: string; created_at: Date | string }>(rows: Row[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeKeysetCursor(last.created_at, last.id) : null };
}
