import { describe, expect, it } from 'vitest';
import { detectDocumentKind } from '../src/extraction/detect-kind.js';
import { UnreadableDocumentError } from '../src/extraction/errors.js';
import { extractDocument } from '../src/extraction/extract-document.js';
import { recognizeRequestedItems } from '../src/domain/documents/recognize-items.js';
import { CORPUS, csvSemicolons, docxBullets, docxTable, emailFreeText, encryptedPdf, pdfTwoPages, pdfWithoutText, PNG_BYTES, xlsxOffsetTable } from './support/rfq-corpus.js';

const refusal = async (bytes: Uint8Array) => {
  try {
    await extractDocument(bytes);
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return error.message;
    throw error;
  }
  throw new Error('the document was read');
};

describe('document type by content', () => {
  it('tells every corpus document by its bytes', async () => {
    const kinds = await Promise.all(CORPUS.map(async (d) => (await detectDocumentKind(await d.bytes())).kind));
    expect(kinds).toEqual(['xlsx', 'docx', 'docx', 'pdf', 'csv', 'email']);
  });

  it('reads a PDF renamed to .xlsx as the PDF it is', async () => {
    const document = await extractDocument(await pdfTwoPages.bytes());
    expect(document.kind).toBe('pdf');
  });

  it('refuses an image renamed to .xlsx, naming what it is', async () => {
    expect(await refusal(PNG_BYTES)).toMatch(/image\/png/);
  });

  it('refuses an empty file', async () => {
    expect(await refusal(new Uint8Array())).toBe('the file is empty');
  });

  it('refuses a PDF without a text layer with a reason a person can act on', async () => {
    expect(await refusal(await pdfWithoutText())).toMatch(/^PDF has no text layer/);
  });

  it('refuses an encrypted PDF for its own reason', async () => {
    expect(await refusal(await encryptedPdf())).toMatch(/encrypted with a password/);
  });
});

describe('extraction keeps structure', () => {
  it('reads an offset XLSX table with merged header cells, cached formula results and the notes sheet', async () => {
    const document = await extractDocument(await xlsxOffsetTable.bytes());
    const [rfq, notes] = document.blocks;
    expect(rfq).toMatchObject({ type: 'table', name: 'RFQ', firstColumn: 'B' });
    if (rfq?.type !== 'table') throw new Error('not a table');
    const row = (n: number) => rfq.rows.find((r) => r.location.kind === 'sheet' && r.location.row === n)?.cells;
    expect(row(6)).toEqual(['S/N', 'Item', 'Item', 'Quantity', 'Quantity', 'Remarks']);
    expect(row(7)).toEqual(['S/N', 'Description', 'Specification', 'Qty', 'UOM', 'Remarks']);
    expect(row(10)).toEqual(['3', 'Safety helmet', 'White', '20', 'pcs', '']);
    expect(row(14)?.[3]).toBe('79');
    expect(notes).toMatchObject({ type: 'table', name: 'Notes' });
  });

  it('reads DOCX prose, tables and list items in reading order', async () => {
    const document = await extractDocument(await docxTable.bytes());
    expect(document.blocks.map((b) => b.type)).toEqual(['text', 'table', 'text']);
    const table = document.blocks[1];
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows[2]).toEqual({ location: { kind: 'table', table: 1, row: 3 }, cells: ['2', '18V 5.0Ah battery', 'DeWalt', 'DCB 184', '8', 'pcs'] });
    const bullets = await extractDocument(await docxBullets.bytes());
    const lines = bullets.blocks.flatMap((b) => (b.type === 'text' ? b.lines : []));
    expect(lines.filter((l) => l.listItem).map((l) => l.location)).toEqual([1, 2, 3, 4, 5, 6].map((item) => ({ kind: 'bullet', list: 1, item })));
  });

  it('rebuilds PDF lines into positioned cells on both pages', async () => {
    const document = await extractDocument(await pdfTwoPages.bytes());
    expect(document.pages).toBe(2);
    const lines = document.blocks.flatMap((b) => (b.type === 'text' ? b.lines : []));
    const header = lines.filter((l) => l.text.startsWith('No.'));
    expect(header.map((l) => l.location)).toEqual([{ kind: 'page', page: 1, row: 5 }, { kind: 'page', page: 2, row: 1 }]);
    expect(header[0]?.cells?.map((c) => c.text)).toEqual(['No.', 'Description', 'Model', 'Qty', 'Unit']);
    expect(header[0]?.cells?.map((c) => Math.round(c.x))).toEqual([50, 90, 330, 430, 480]);
  });

  it('reads the CSV dialect: semicolons, BOM and decimal commas', async () => {
    const document = await extractDocument(await csvSemicolons.bytes());
    expect(document.numberFormat.decimalSeparator).toBe(',');
    const table = document.blocks[0];
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows[0]?.cells[0]).toBe('No');
    expect(table.rows[4]).toEqual({ location: { kind: 'row', row: 5 }, cells: ['4', 'WD-40 multi-use', '400ml', '2,5', 'karton', ''] });
  });

  it('keeps only what the sender wrote in an e-mail: no headers, signature or quoted reply', async () => {
    const document = await extractDocument(await emailFreeText.bytes());
    const lines = document.blocks.flatMap((b) => (b.type === 'text' ? b.lines : []));
    expect(lines[0]).toEqual({ location: { kind: 'line', line: 1 }, text: 'Hi Nexus team,' });
    expect(lines.map((l) => l.text)).not.toContain('Lim Wei Ming');
    expect(lines.some((l) => l.text.includes('GA4530'))).toBe(false);
    expect(lines.some((l) => /^(From|Subject):/.test(l.text))).toBe(false);
  });
});

describe('requested items in the corpus', () => {
  for (const corpusDocument of CORPUS) {
    it(`reads every item of the ${corpusDocument.name}, and nothing else`, async () => {
      const { items } = recognizeRequestedItems(await extractDocument(await corpusDocument.bytes()));
      expect(items.map((i) => ({ description: i.description, quantity: i.quantity, unit: i.unit.normalized, location: i.location }))).toEqual(
        corpusDocument.items.map((e) => ({ description: e.description, quantity: e.quantity, unit: e.unit, location: e.location })),
      );
      for (const item of items) expect(item.confidence).toBeGreaterThan(0.5);
    });
  }
});
