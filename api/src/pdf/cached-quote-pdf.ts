import { createHash } from 'node:crypto';
import type { Cache } from '../infra/cache/cache.js';
import type { PdfRenderer } from './pdf-renderer.js';
import type { QuoteDocument } from './quote-pdf.js';

/**
 * A quote's PDF, rendered once per version. The key is the quote's id and
 * version (every change of it or its lines bumps it) and a digest of the
 * whole document — which also covers what lives outside the quote: the
 * customer's current address, the company header and tax label from
 * configuration — so an entry is never stale, only unused until it expires.
 */
export async function cachedQuotePdf(
  deps: { cache: Cache; pdfRenderer: PdfRenderer; ttlSeconds: number },
  quote: { id: string; version: number },
  document: QuoteDocument,
): Promise<Buffer> {
  const digest = createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 22);
  const key = `quote-pdf:${quote.id}:${quote.version}:${digest}`;
  if (deps.ttlSeconds > 0) {
    const cached = await deps.cache.get<string>(key);
    if (cached !== undefined) return Buffer.from(cached, 'base64');
  }
  const bytes = await deps.pdfRenderer.render(document);
  if (deps.ttlSeconds > 0) await deps.cache.set(key, bytes.toString('base64'), deps.ttlSeconds);
  return bytes;
}
