import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognizeRequestedItems } from '../src/domain/documents/recognize-items.js';
import { DocumentLimitError, UnreadableDocumentError } from '../src/extraction/errors.js';
import { extractDocument } from '../src/extraction/extract-document.js';
import { DEFAULT_EXTRACTION_LIMITS } from '../src/extraction/limits.js';

const limits = (overrides: Partial<typeof DEFAULT_EXTRACTION_LIMITS>) => ({ ...DEFAULT_EXTRACTION_LIMITS, ...overrides });
const csv = (rows: number, columns: number) =>
  Buffer.from(Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `r${r}c${c}`).join(';')).join('\n'));

describe('extraction limits', () => {
  it('refuses a table with more rows than allowed, naming the limit', async () => {
    await expect(extractDocument(csv(20, 3), limits({ maxRows: 10 }))).rejects.toThrow(new DocumentLimitError('the CSV file has more than 10 rows'));
  });

  it('refuses a cell longer than allowed', async () => {
    await expect(extractDocument(Buffer.from(`Please quote:\n${'x'.repeat(100)}\n`), limits({ maxCellChars: 50 }))).rejects.toBeInstanceOf(DocumentLimitError);
  });

  it('reads only the columns allowed, ignoring the rest', async () => {
    const document = await extractDocument(csv(3, 10), limits({ maxColumns: 3 }));
    const table = document.blocks[0];
    expect(table?.type === 'table' && table.rows.every((row) => row.cells.length === 3)).toBe(true);
  });

  it('refuses more extracted text than allowed', async () => {
    await expect(extractDocument(csv(200, 5), limits({ maxExtractedBytes: 1000 }))).rejects.toThrow(/more than/);
  });
});

describe('any input', () => {
  const settles = async (bytes: Uint8Array) => {
    try {
      await extractDocument(bytes, limits({ maxRows: 1000 }));
    } catch (error) {
      if (!(error instanceof UnreadableDocumentError || error instanceof DocumentLimitError)) throw error;
    }
  };

  it('either reads random bytes or refuses them with a reason; it never fails otherwise', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), settles), { numRuns: 200 });
  });

  it('reads any text, and finds items in it without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), async (text) => {
        try {
          recognizeRequestedItems(await extractDocument(Buffer.from(text, 'utf8')));
        } catch (error) {
          if (!(error instanceof UnreadableDocumentError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives damaged PDFs and archives with a reason', async () => {
    await settles(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF'));
    await settles(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
  });
});

describe('e-mail written in HTML', () => {
  it('reads list items of an HTML-only message and leaves the quoted reply out', async () => {
    const message = [
      'From: Buyer <buyer@example.com>',
      'To: sales@example.com',
      'Subject: RFQ',
      'Date: Tue, 1 Dec 2026 10:00:00 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><p>Please quote:</p><ul><li>30 x anti-fog goggles</li><li>Safety helmet, white &mdash; 12 pcs</li></ul>',
      '<blockquote><p>10 x old item from the last thread</p></blockquote></body></html>',
    ].join('\r\n');
    const { items } = recognizeRequestedItems(await extractDocument(Buffer.from(message)));
    expect(items.map((i) => [i.description, i.quantity])).toEqual([
      ['anti-fog goggles', 30],
      ['Safety helmet, white', 12],
    ]);
  });
});
