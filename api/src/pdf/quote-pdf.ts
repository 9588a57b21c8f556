import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatBasisPointsAsPercent, formatMinorUnits } from '../domain/quotes/money-format.js';
import { quoteLabel } from '../domain/quotes/numbering.js';

/**
 * Renders a quote as an A4 PDF with pdfkit. Plain data in, bytes out: the
 * caller loads the quote; nothing here reads configuration or the database.
 * Text is set in DejaVu Sans (embedded, subset), so names and descriptions in
 * Latin, Greek and Cyrillic scripts print as typed, and the text can be
 * extracted again (pdfkit writes a ToUnicode map).
 */

export interface CompanyHeader {
  /** When absent, the PDF has no company header line: nothing is invented. */
  name?: string | undefined;
  addressLines?: string[] | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  taxId?: string | undefined;
}

export interface QuoteDocument {
  company: CompanyHeader;
  /** Name of the tax, printed with the quote's rate: "GST 9%". */
  taxLabel: string;
  quote: {
    number: string;
    revision: number;
    title: string;
    status: string;
    currency: string;
    taxRateBp: number;
    /** `YYYY-MM-DD` */
    issuedOn: string;
    validUntil: string;
    notes: string | null;
    subtotalMinor: number;
    taxMinor: number;
    totalMinor: number;
  };
  customer: {
    name: string;
    company: string | null;
    billingAddress: string | null;
    email: string | null;
    phone: string | null;
    taxId: string | null;
  };
  lines: {
    position: number;
    sku: string | null;
    description: string;
    quantity: string;
    unit: string;
    unitPriceMinor: number;
    discountBp: number;
    lineTotalMinor: number;
  }[];
}

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts() {
  if (!fonts) {
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fonts;
}

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 20; // room for the footer
const GREY = '#555555';
const RULE = '#bbbbbb';

/** Table columns: x offsets from the left margin, widths and alignment. */
const COLUMNS = [
  { key: 'position', title: '#', width: 22, align: 'left' },
  { key: 'description', title: 'Description', width: 193, align: 'left' },
  { key: 'quantity', title: 'Qty', width: 50, align: 'right' },
  { key: 'unit', title: 'Unit', width: 40, align: 'left' },
  { key: 'unitPrice', title: 'Unit price', width: 70, align: 'right' },
  { key: 'discount', title: 'Disc.', width: 40, align: 'right' },
  { key: 'amount', title: 'Amount', width: 80, align: 'right' },
] as const;
type ColumnKey = (typeof COLUMNS)[number]['key'];
const CELL_GAP = 4;

export function renderQuotePdf(input: QuoteDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const { quote, customer, company } = input;
  const label = quoteLabel(quote);
  const money = (minor: number) => formatMinorUnits(minor, quote.currency);

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    font: regular as unknown as string,
    info: { Title: `Quotation ${label}`, Subject: quote.title, ...(company.name ? { Author: company.name } : {}) },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margin;
  const text = (value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & { font?: 'regular' | 'bold'; size?: number; color?: string } = {}) => {
    const { font = 'regular', size = 9, color = 'black', ...rest } = options;
    doc.font(font).fontSize(size).fillColor(color).text(value, x, y, rest);
  };
  const rule = (y: number) => doc.moveTo(left, y).lineTo(left + CONTENT_WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();

  // Header: the company (when configured) on the left, the document's identity on the right.
  let y = PAGE.margin;
  if (company.name) {
    text(company.name, left, y, { font: 'bold', size: 15, width: 300 });
    y = doc.y + 2;
    const contact = [company.phone ? `Tel ${company.phone}` : null, company.email].filter(Boolean).join('  ·  ');
    for (const line of [...(company.addressLines ?? []), contact, company.taxId ?? ''].filter((l) => l !== '')) {
      text(line, left, y, { size: 8.5, color: GREY, width: 300 });
      y = doc.y;
    }
  }
  const rightX = left + CONTENT_WIDTH - 200;
  text('QUOTATION', rightX, PAGE.margin, { font: 'bold', size: 18, width: 200, align: 'right' });
  let ry = doc.y + 4;
  const identity: [string, string][] = [
    ['Number', quote.number],
    ...(quote.revision > 1 ? ([['Revision', String(quote.revision)]] as [string, string][]) : []),
    ['Date', quote.issuedOn],
    ['Valid until', quote.validUntil],
    ...(quote.status === 'sent' ? [] : ([['Status', quote.status.toUpperCase()]] as [string, string][])),
  ];
  for (const [name, value] of identity) {
    text(`${name}: ${value}`, rightX, ry, { size: 9, width: 200, align: 'right' });
    ry = doc.y + 1;
  }
  y = Math.max(y, ry) + 14;
  rule(y);
  y += 10;

  // Customer.
  text('Quotation for', left, y, { size: 8.5, color: GREY });
  y = doc.y + 1;
  text(customer.name, left, y, { font: 'bold', size: 11, width: CONTENT_WIDTH });
  y = doc.y;
  const customerLines = [
    customer.company && customer.company !== customer.name ? customer.company : null,
    ...(customer.billingAddress ? customer.billingAddress.split(/\r?\n/) : []),
    [customer.email, customer.phone].filter(Boolean).join('  ·  ') || null,
    customer.taxId ? `Tax ID ${customer.taxId}` : null,
  ].filter((line): line is string => Boolean(line && line.trim()));
  for (const line of customerLines) {
    text(line, left, y, { size: 9, width: CONTENT_WIDTH });
    y = doc.y;
  }
  y += 12;
  text(quote.title, left, y, { font: 'bold', size: 11, width: CONTENT_WIDTH });
  y = doc.y + 10;

  // Lines.
  const columnX = new Map<ColumnKey, number>();
  COLUMNS.reduce((x, column) => (columnX.set(column.key, x), x + column.width), left);
  // Left-aligned text after a right-aligned number needs air between them.
  columnX.set('unit', columnX.get('unit')! + 6);
  const cellWidth = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.width - CELL_GAP;

  const drawHeaderRow = () => {
    for (const column of COLUMNS) {
      text(column.title, columnX.get(column.key)!, y, { font: 'bold', size: 8.5, width: column.width - CELL_GAP, align: column.align });
    }
    y += 14;
    rule(y - 3);
  };
  const newPage = () => {
    doc.addPage();
    y = PAGE.margin;
    drawHeaderRow();
  };

  drawHeaderRow();
  for (const line of input.lines) {
    const cells: Record<ColumnKey, string> = {
      position: String(line.position),
      description: line.description,
      quantity: line.quantity,
      unit: line.unit,
      unitPrice: money(line.unitPriceMinor),
      discount: line.discountBp > 0 ? `${formatBasisPointsAsPercent(line.discountBp)}%` : '',
      amount: money(line.lineTotalMinor),
    };
    doc.font('regular').fontSize(9);
    const skuHeight = line.sku ? doc.fontSize(7.5).heightOfString(`SKU ${line.sku}`, { width: cellWidth('description') }) : 0;
    doc.fontSize(9);
    const height =
      Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key] || ' ', { width: c.width - CELL_GAP })), 0) + skuHeight + 6;
    if (y + height > BOTTOM) newPage();
    for (const column of COLUMNS) {
      text(cells[column.key], columnX.get(column.key)!, y, { size: 9, width: column.width - CELL_GAP, align: column.align });
    }
    if (line.sku) {
      doc.fontSize(9);
      const descriptionHeight = doc.heightOfString(cells.description, { width: cellWidth('description') });
      text(`SKU ${line.sku}`, columnX.get('description')!, y + descriptionHeight, { size: 7.5, color: GREY, width: cellWidth('description') });
    }
    y += height;
    doc.moveTo(left, y - 3).lineTo(left + CONTENT_WIDTH, y - 3).lineWidth(0.25).strokeColor('#dddddd').stroke();
  }
  if (input.lines.length === 0) {
    text('No lines yet.', left, y, { size: 9, color: GREY });
    y = doc.y + 6;
  }

  // Totals, right-aligned under the amounts.
  const totals: [string, string, boolean][] = [
    ['Subtotal', `${quote.currency} ${money(quote.subtotalMinor)}`, false],
    [`${input.taxLabel} ${formatBasisPointsAsPercent(quote.taxRateBp)}%`, `${quote.currency} ${money(quote.taxMinor)}`, false],
    ['Total', `${quote.currency} ${money(quote.totalMinor)}`, true],
  ];
  if (y + totals.length * 16 + 10 > BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  y += 6;
  const labelX = left + CONTENT_WIDTH - 300;
  for (const [name, amount, strong] of totals) {
    text(name, labelX, y, { font: strong ? 'bold' : 'regular', size: strong ? 11 : 9.5, width: 160, align: 'right' });
    text(amount, labelX + 160, y, { font: strong ? 'bold' : 'regular', size: strong ? 11 : 9.5, width: 140, align: 'right' });
    y = doc.y + 4;
  }

  // Terms and notes.
  y += 14;
  const terms = [`Prices in ${quote.currency}.`, `This quotation is valid until ${quote.validUntil}.`];
  if (quote.notes && quote.notes.trim() !== '') {
    if (y + 40 > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    text('Notes', left, y, { font: 'bold', size: 9.5 });
    y = doc.y + 2;
    text(quote.notes, left, y, { size: 9, width: CONTENT_WIDTH });
    y = doc.y + 10;
  }
  if (y + 30 > BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  for (const term of terms) {
    text(term, left, y, { size: 9, color: GREY, width: CONTENT_WIDTH });
    y = doc.y + 2;
  }

  // Footer on every page.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin must not start another page.
    doc.page.margins.bottom = 0;
    text(`${label}  ·  Page ${i + 1} of ${range.count}`, left, PAGE.height - PAGE.margin - 6, {
      size: 7.5,
      color: GREY,
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
