import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinorUnits } from '../src/domain/quotes/money-format.js';
import { renderQuotePdf, type QuoteDocument } from '../src/pdf/quote-pdf.js';
import { startTestApp, type TestApp } from './support/harness.js';
import { problemOf } from './support/problems.js';

/** Every page's text, as PDF.js (Mozilla's PDF reader) extracts it, one string per line of text. */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; lines: string[]; text: string }> {
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const content = await (await document.getPage(n)).getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line.replace(/\s+/g, ' ').trim());
        line = '';
      } else if (!line.endsWith(' ')) line += ' ';
    }
    if (line.trim()) lines.push(line.replace(/\s+/g, ' ').trim());
  }
  const pages = document.numPages;
  await document.destroy();
  return { pages, lines, text: lines.join('\n') };
}

describe('quote PDF over the API', () => {
  let t: TestApp;
  let sales: Awaited<ReturnType<TestApp['user']>>;

  beforeAll(async () => {
    t = await startTestApp({
      COMPANY_NAME: 'Lim Industrial Supplies Pte Ltd',
      COMPANY_ADDRESS: '8 Jurong Port Road\\nSingapore 619092',
      COMPANY_TAX_ID: 'GST Reg. No. M2-1234567-8',
      QUOTE_TAX_LABEL: 'GST',
    });
    sales = await t.user('sales', 'Sam Sales');
  });
  afterAll(async () => t?.close());

  const api = () => t.client(sales);

  it('is a PDF whose extracted text shows the same lines and totals as the API, the tax label with the real rate, and the validity', async () => {
    const { data: customer } = await api().call('createCustomer', {
      body: { name: 'Müller & Søn Engineering', billingAddress: '12 Tuas Ave 3\nSingapore 639410' },
    });
    const created = await api().call('createQuote', {
      body: { customerId: customer.id, title: 'Workshop refit', taxRateBp: 825, notes: 'Delivery within 5 working days.' },
    });
    const path = { id: created.data.id };
    const first = await api().call('addQuoteLine', {
      params: { path, header: { 'if-match': created.etag } },
      body: { description: 'Angle grinder 125 mm × 1.2 kW', quantity: '3', unitPriceMinor: 18_950, discountBp: 1250 },
    });
    const last = await api().call('addQuoteLine', {
      params: { path, header: { 'if-match': first.etag } },
      body: { description: 'Cutting discs (box of 25)', quantity: '12.5', unitPriceMinor: 1_399, unit: 'BOX' },
    });
    expect(last.response.status).toBe(201);
    const quote = last.data;

    const { data: pdf, response } = await api().call('getQuotePdf', { params: { path } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${quote.number}.pdf"`);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    const { text, lines } = await pdfText(bytes);
    const money = (minor: number) => formatMinorUnits(minor, quote.currency);
    expect(text).toContain('Lim Industrial Supplies Pte Ltd');
    expect(text).toContain('Singapore 619092');
    expect(text).toContain('GST Reg. No. M2-1234567-8');
    expect(text).toContain(quote.number);
    expect(text).toContain('Müller & Søn Engineering');
    expect(text).toContain('Angle grinder 125 mm × 1.2 kW');
    for (const line of quote.lines) expect(text).toContain(money(line.lineTotalMinor));
    expect(lines).toContain(`Subtotal ${quote.currency} ${money(quote.subtotalMinor)}`);
    expect(lines).toContain(`GST 8.25% ${quote.currency} ${money(quote.taxMinor)}`);
    expect(lines).toContain(`Total ${quote.currency} ${money(quote.totalMinor)}`);
    expect(text).toContain(`Valid until: ${quote.validUntil}`);
    expect(text).toContain('Delivery within 5 working days.');
    // 3 × 189.50 × 0.875 = 497.44 (half-up); 12.5 × 13.99 = 174.875 → 174.88.
    expect(quote.lines.map((l) => l.lineTotalMinor)).toEqual([49_744, 17_488]);
  });

  it('answers 404 for an unknown quote', async () => {
    const missing = await problemOf(api().call('getQuotePdf', { params: { path: { id: '7d0c2a52-3c1e-4a7e-9d2b-5e8f9a1b2c3d' } } }));
    expect(missing.status).toBe(404);
  });
});

describe('renderQuotePdf', () => {
  const base: QuoteDocument = {
    company: {},
    taxLabel: 'Tax',
    quote: {
      number: 'Q-2026-000042',
      revision: 2,
      title: 'Many lines',
      status: 'draft',
      currency: 'SGD',
      taxRateBp: 900,
      issuedOn: '2026-11-25',
      validUntil: '2026-12-25',
      notes: null,
      subtotalMinor: 0,
      taxMinor: 0,
      totalMinor: 0,
    },
    customer: { name: 'Tan Hardware', company: null, billingAddress: null, email: null, phone: null, taxId: null },
    lines: [],
  };

  it('prints no company header line when no company is configured (nothing invented)', async () => {
    const { lines } = await pdfText(await renderQuotePdf(base));
    expect(lines[0]).toBe('QUOTATION');
    expect(lines.join('\n')).not.toMatch(/Pte|Ltd|Company/);
    expect(lines).toContain('Revision: 2');
    expect(lines).toContain('Status: DRAFT');
  });

  it('flows long quotes onto more pages, with page numbers', async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      position: i + 1,
      sku: `SKU-${i + 1}`,
      description: `Item ${i + 1} with a description long enough to wrap onto a second line of the description column`,
      quantity: '1',
      unit: 'EA',
      unitPriceMinor: 100,
      discountBp: 0,
      lineTotalMinor: 100,
    }));
    const { pages, text } = await pdfText(
      await renderQuotePdf({ ...base, lines: many, quote: { ...base.quote, subtotalMinor: 8000, taxMinor: 720, totalMinor: 8720 } }),
    );
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Q-2026-000042 rev 2 · Page ${pages} of ${pages}`);
    expect(text).toContain('Item 80 with');
    expect(text).toContain('Total SGD 87.20');
  });
});
