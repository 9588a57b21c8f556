/**
 * What kind of catalogue file an upload is. Reading it happens off the API's
 * event loop, in a bounded parser (api/src/parsing/parsers/catalogue-sheet.ts).
 */

export type CatalogueFormat = 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Format from a media type or a file name; undefined when neither says. */
export function formatOf(mediaType: string | undefined, fileName?: string | null): CatalogueFormat | undefined {
  const essence = (mediaType ?? '').split(';')[0]!.trim().toLowerCase();
  if (essence === XLSX_MEDIA_TYPE) return 'xlsx';
  if (essence === 'text/csv' || essence === 'application/csv') return 'csv';
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  return undefined;
}

/** The most frequent of `,` `;` and tab outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  const [best, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}
