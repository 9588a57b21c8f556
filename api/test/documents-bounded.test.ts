import { describe, expect, it } from 'vitest';
import { recognizeRequestedItems } from '../src/domain/documents/recognize-items.js';
import { DEFAULT_PARSE_LIMITS } from '../src/parsing/limits.js';
import { runBoundedParser } from '../src/parsing/run-bounded-parser.js';
import { pdfTwoPages, pdfWithoutText, xlsxOffsetTable } from './support/rfq-corpus.js';
import { zip } from './support/zip-files.js';

// pdf.js loads its whole engine (and its fake worker) into the parser's thread: 96 MB of heap is not enough for it.
const LIMITS = { ...DEFAULT_PARSE_LIMITS, maxHeapMb: 256 };
const extract = (bytes: Uint8Array) => runBoundedParser('rfq-document', { bytes }, LIMITS, { options: {} });

describe('RFQ documents in the bounded parser runner', () => {
  // Each worker thread loads its libraries afresh (seconds each on a busy machine): the two that matter most here.
  it('extracts the XLSX and the PDF of the corpus in a worker thread, with the same items as in process', { timeout: 180_000 }, async () => {
    for (const document of [xlsxOffsetTable, pdfTwoPages]) {
      const outcome = await extract(await document.bytes());
      expect(outcome.ok, document.name).toBe(true);
      if (!outcome.ok) continue;
      const { items } = recognizeRequestedItems(outcome.value);
      expect(items.map((i) => i.description), document.name).toEqual(document.items.map((e) => e.description));
    }
  });

  it('refuses a zip bomb renamed to .xlsx before anything opens it', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    const outcome = await extract(bomb);
    expect(outcome).toMatchObject({ ok: false, failure: 'too-large', reason: expect.stringMatching(/zip bomb/) });
  });

  it('brings the reason for a refused document back from the worker', { timeout: 120_000 }, async () => {
    expect(await extract(await pdfWithoutText())).toMatchObject({ ok: false, failure: 'unreadable', reason: expect.stringMatching(/^PDF has no text layer/) });
  });

  it('refuses a document past a limit as too large', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i};item ${i};${i + 1}`).join('\n');
    const outcome = await runBoundedParser('rfq-document', { bytes: Buffer.from(`No;Description;Qty\n${rows}`) }, { ...LIMITS, maxRows: 10 }, { options: {} });
    expect(outcome).toMatchObject({ ok: false, failure: 'too-large' });
  });
});
