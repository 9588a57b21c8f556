import { describe, expect, it } from 'vitest';
import { inspectArchive } from '../src/parsing/archive-inspection.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../src/parsing/limits.js';
import { packedRowSlice } from '../src/parsing/packed-rows.js';
import { startResidentParserModule } from '../src/parsing/resident-parser.js';
import { runBoundedParser, runParserModule } from '../src/parsing/run-bounded-parser.js';
import { denseSheet, xfdSheet, xlsxWithSheetData, zip } from './support/zip-files.js';

const limits = (overrides: Partial<ParseLimits> = {}): ParseLimits => ({ ...DEFAULT_PARSE_LIMITS, ...overrides });
const fixture = (name: string) => new URL(`./fixtures/parsers/${name}.ts`, import.meta.url);
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const catalogueSheet = (bytes: Buffer, overrides: Partial<ParseLimits> = {}, format: 'csv' | 'xlsx' = 'xlsx') =>
  runBoundedParser('catalogue-sheet', { bytes }, limits(overrides), { options: { format } });

describe('bounded parsing of spreadsheets', () => {
  it('reads the hostile one-cell-per-row-in-XFD sheet in a small heap: the cells right of the header are never kept', async () => {
    const file = xfdSheet(27_500);
    expect(file.length).toBeGreaterThan(190_000);
    const outcome = await catalogueSheet(file, { maxHeapMb: 48 });
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.header).toEqual(['sku', 'name', 'price']);
    expect(outcome.value.rows.count).toBe(0);
  });

  it('keeps only the columns under the header, with their row numbers', async () => {
    const file = xlsxWithSheetData(
      `<row r="1">${inline('A1', 'sku')}${inline('B1', 'name')}${inline('C1', 'price')}</row>` +
        `<row r="2">${inline('A2', 'S-1')}${inline('B2', 'One')}<c r="C2"><v>1.5</v></c>${inline('D2', 'stray')}${inline('XFD2', 'far away')}</row>` +
        `<row r="4">${inline('B4', 'no sku')}</row>`,
    );
    const outcome = await catalogueSheet(file);
    expect(outcome.ok && packedRowSlice(outcome.value.rows, 0, 10)).toEqual([
      { rowNumber: 2, cells: ['S-1', 'One', '1.5'] },
      { rowNumber: 4, cells: ['', 'no sku'] },
    ]);
  });

  it('reads a dense sheet of 20,000 rows × 40 columns', async () => {
    const outcome = await catalogueSheet(denseSheet(20_000, 40));
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.rows.count).toBe(20_000);
    expect(packedRowSlice(outcome.value.rows, 19_999, 20_000)[0]!.cells.slice(0, 3)).toEqual(['DENSE-20001', 'Dense item 20001', '202.5']);
  }, 120_000);

  it('refuses a table past the row, cell-length and column limits, saying which', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `S-${i},Item ${i},1`).join('\n');
    expect(await catalogueSheet(Buffer.from(`sku,name,price\n${rows(11)}`), { maxRows: 10 }, 'csv')).toMatchObject({
      ok: false,
      failure: 'too-large',
      reason: 'the table has more than 10 rows; split the file',
    });
    expect(await catalogueSheet(Buffer.from(`sku,name,price\nS-1,${'x'.repeat(101)},1`), { maxCellChars: 100 }, 'csv')).toMatchObject({
      ok: false,
      failure: 'too-large',
      reason: 'row 2, column 2 holds more than 100 characters',
    });
    const wide = xlsxWithSheetData(`<row r="1">${inline('A1', 'sku')}${inline('XFD1', 'far')}</row>`);
    expect(await catalogueSheet(wide)).toMatchObject({ ok: false, failure: 'too-large', reason: 'row 1 reaches column 16,384; at most 256 columns are read' });
  });

  it('says why a file is unreadable', async () => {
    expect(await catalogueSheet(Buffer.from('definitely not a zip'))).toMatchObject({ ok: false, failure: 'unreadable', reason: 'not an XLSX file (not a ZIP archive)' });
    expect(await catalogueSheet(Buffer.from('sku,name\0,price'), {}, 'csv')).toMatchObject({ ok: false, failure: 'unreadable', reason: 'the file is binary, not CSV text' });
  });
});

describe('archive inspection', () => {
  const archiveLimits = { maxUnzippedBytes: 64 * 1024 * 1024, maxArchiveEntries: 100, maxCompressionRatio: 200 };

  it('accepts an ordinary XLSX and lists its entries', async () => {
    const verdict = await inspectArchive(xfdSheet(100), archiveLimits);
    expect(verdict.ok && verdict.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a zip bomb by its compression ratio before inflating anything', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    const verdict = await inspectArchive(bomb, archiveLimits, { inflate: false });
    expect(verdict).toMatchObject({ ok: false });
    expect(!verdict.ok && verdict.reason).toMatch(/^the archive entry xl\/worksheets\/sheet1\.xml expands [\d,]+ times \(20 KB to 20 MB\), more than the 200 times accepted: a zip bomb$/);
  });

  it('refuses an archive that declares more than it may unpack, or more entries than allowed', async () => {
    const big = zip([{ name: 'a.xml', data: Buffer.from('x'), declaredSize: 65 * 1024 * 1024 }]);
    expect(await inspectArchive(big, archiveLimits)).toMatchObject({ ok: false, reason: 'the archive unpacks to more than 64 MB; at most 64 MB are accepted' });
    const many = zip(Array.from({ length: 101 }, (_, i) => ({ name: `e${i}.xml`, data: Buffer.from('<a/>') })));
    expect(await inspectArchive(many, archiveLimits)).toMatchObject({ ok: false, reason: 'the archive holds 101 entries; at most 100 are accepted' });
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200_000, 0x41).fill(0x42, 100_000), declaredSize: 1_000 }]);
    const verdict = await inspectArchive(liar, archiveLimits);
    expect(!verdict.ok && verdict.reason).toMatch(/^the archive's entry xl\/worksheets\/sheet1\.xml is damaged or larger than it declares/);
  });

  it('refuses entries that overlap (the same bytes listed twice)', async () => {
    const overlapping = zip(
      [
        { name: 'a.xml', data: Buffer.from('<a/>') },
        { name: 'b.xml', data: Buffer.from('<b/>') },
      ],
      { overlapLastWithFirst: true },
    );
    expect(await inspectArchive(overlapping, archiveLimits)).toMatchObject({ ok: false, reason: "the archive's entries overlap (b.xml): a zip bomb" });
  });

  it('inspects every ZIP before a parser opens it', async () => {
    const bomb = xlsxWithSheetData(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const outcome = await catalogueSheet(bomb);
    expect(outcome).toMatchObject({ ok: false, failure: 'too-large' });
    expect(!outcome.ok && outcome.reason).toMatch(/a zip bomb$/);
  });
});

describe('the worker a parser runs in', () => {
  it('ends a parser that runs out of its heap, and the API process lives on', async () => {
    const outcome = await runParserModule(fixture('hoards-memory'), { bytes: Buffer.from('x') }, limits({ maxHeapMb: 32 }), { options: {} });
    expect(outcome).toMatchObject({
      ok: false,
      failure: 'out-of-memory',
      reason: 'reading the file needed more than the 32 MB of memory a parser may use, and was stopped',
    });
  });

  it('stops a parser that takes longer than its time limit', async () => {
    const outcome = await runParserModule(fixture('never-ends'), { bytes: Buffer.from('x') }, limits({ timeoutMs: 1_500 }), { options: {} });
    expect(outcome).toMatchObject({ ok: false, failure: 'timed-out', reason: 'reading the file took longer than 1.5 s and was stopped' });
  });

  it('reports a parser whose thread ends without an answer', async () => {
    const outcome = await runParserModule(fixture('exits'), { bytes: Buffer.from('x') }, limits(), { options: { code: 7 } });
    expect(outcome).toMatchObject({ ok: false, failure: 'crashed', reason: 'the file could not be read: the parser stopped unexpectedly (exit code 7)' });
  });

  it('cancels a parse when its signal aborts', async () => {
    const controller = new AbortController();
    const running = runParserModule(fixture('never-ends'), { bytes: Buffer.from('x') }, limits(), { options: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect(await running).toMatchObject({ ok: false, failure: 'cancelled' });
  });
});

describe('a resident parser worker', () => {
  type Told = { act: 'answer' | 'spin' | 'exit' | 'hoard' };
  const resident = (overrides: Partial<ParseLimits> = {}) =>
    startResidentParserModule<{ thread: number; bytes: number }>(fixture('does-as-told'), limits(overrides), (input, run) => runParserModule(fixture('does-as-told'), input, limits(overrides), run));
  const tell = (parser: ReturnType<typeof resident>, act: Told['act'], bytes = Buffer.from('x')) =>
    parser.parse({ bytes }, { options: { act } as never }) as Promise<Awaited<ReturnType<typeof runParserModule<{ thread: number; bytes: number }>>>>;
  const threadOf = (outcome: Awaited<ReturnType<typeof tell>>) => (outcome.ok ? outcome.value.thread : undefined);

  it('reads file after file in the thread it started with', async () => {
    const parser = resident();
    try {
      const first = await tell(parser, 'answer', Buffer.from('one'));
      const second = await tell(parser, 'answer', Buffer.from('three'));
      expect(first).toMatchObject({ ok: true, value: { bytes: 3 } });
      expect(second).toMatchObject({ ok: true, value: { bytes: 5 } });
      expect(threadOf(second)).toBe(threadOf(first));
    } finally {
      await parser.close();
    }
  });

  it('replaces its thread after a parse past the time limit, or a parser that ends its thread', { timeout: 60_000 }, async () => {
    const parser = resident({ timeoutMs: 1_500 });
    try {
      const threads = [threadOf(await tell(parser, 'answer'))];
      expect(await tell(parser, 'spin')).toMatchObject({ ok: false, failure: 'timed-out', reason: 'reading the file took longer than 1.5 s and was stopped' });
      threads.push(threadOf(await tell(parser, 'answer')));
      expect(await tell(parser, 'exit')).toMatchObject({ ok: false, failure: 'crashed', reason: 'the file could not be read: the parser stopped unexpectedly (exit code 3)' });
      threads.push(threadOf(await tell(parser, 'answer')));
      expect(threads.every((thread) => typeof thread === 'number')).toBe(true);
      expect(new Set(threads).size).toBe(3);
    } finally {
      await parser.close();
    }
  });

  it('replaces its thread after a parser runs out of its heap', { timeout: 120_000 }, async () => {
    const parser = resident({ maxHeapMb: 32 });
    try {
      const before = threadOf(await tell(parser, 'answer'));
      expect(await tell(parser, 'hoard')).toMatchObject({
        ok: false,
        failure: 'out-of-memory',
        reason: 'reading the file needed more than the 32 MB of memory a parser may use, and was stopped',
      });
      const after = await tell(parser, 'answer');
      expect(after).toMatchObject({ ok: true });
      expect(threadOf(after)).not.toBe(before);
    } finally {
      await parser.close();
    }
  });

  it('cancels a parse when its signal aborts, and reads the next file in a fresh thread', async () => {
    const parser = resident();
    try {
      const before = threadOf(await tell(parser, 'answer'));
      const controller = new AbortController();
      const running = parser.parse({ bytes: Buffer.from('x') }, { options: { act: 'spin' } as never, signal: controller.signal });
      setTimeout(() => controller.abort(), 200);
      expect(await running).toMatchObject({ ok: false, failure: 'cancelled' });
      const after = await tell(parser, 'answer');
      expect(after).toMatchObject({ ok: true });
      expect(threadOf(after)).not.toBe(before);
    } finally {
      await parser.close();
    }
  });

  it('reads a file that comes while it is busy in a one-off worker', async () => {
    const parser = resident();
    try {
      const [first, second] = await Promise.all([tell(parser, 'answer', Buffer.from('ab')), tell(parser, 'answer', Buffer.from('abcd'))]);
      expect(first).toMatchObject({ ok: true, value: { bytes: 2 } });
      expect(second).toMatchObject({ ok: true, value: { bytes: 4 } });
      expect(threadOf(second)).not.toBe(threadOf(first));
    } finally {
      await parser.close();
    }
  });
});
