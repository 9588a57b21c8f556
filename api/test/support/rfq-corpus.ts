import ExcelJS from 'exceljs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import PDFDocument from 'pdfkit';
import type { SourceLocation } from '../../src/domain/documents/document-structure.js';

/**
 * The RFQ corpus: documents shaped like real requests for quotation, written
 * by the tests with the same libraries customers' tools use (exceljs, docx,
 * pdfkit), each with the items a person reads in it, the catalogue SKU each
 * should match (null: the catalogue does not carry it), and nothing else.
 */

export interface ExpectedItem {
  description: string;
  quantity: number;
  /** Normalised unit, null when none is written. */
  unit: string | null;
  location: SourceLocation;
  sku: string | null;
}

export interface CorpusDocument {
  name: string;
  fileName: string;
  bytes: () => Promise<Buffer>;
  items: ExpectedItem[];
}

/** The catalogue the corpus is matched against, with near-duplicates (kit/bare, voltage, colour, size). */
export const CORPUS_CATALOGUE = [
  { sku: 'DCD791D2', name: 'DeWalt 18V XR Brushless Compact Drill Driver Kit', brand: 'DeWalt', category: 'Power Tools', modelNumbers: ['DCD791D2'], description: 'Kit with 2 x 2.0Ah batteries, charger and case.', unit: 'SET', attributes: { voltage: '18V', kit: true } },
  { sku: 'DCD791N', name: 'DeWalt 18V XR Brushless Compact Drill Driver, Bare Tool', brand: 'DeWalt', category: 'Power Tools', modelNumbers: ['DCD791N'], description: 'Body only: no battery, no charger.', attributes: { voltage: '18V', kit: false } },
  { sku: 'DCD701D2', name: 'DeWalt 12V XR Brushless Sub-Compact Drill Driver Kit', brand: 'DeWalt', category: 'Power Tools', modelNumbers: ['DCD701D2'], description: 'Kit with 2 x 2.0Ah 12V batteries and charger.', unit: 'SET', attributes: { voltage: '12V', kit: true } },
  { sku: 'DCB184', name: 'DeWalt 18V 5.0Ah XR Li-ion Battery', brand: 'DeWalt', category: 'Batteries', modelNumbers: ['DCB184'], description: 'Fits every 18V XR tool.' },
  { sku: 'DWHT36917', name: 'DeWalt Tough Tape Measure 8m', brand: 'DeWalt', category: 'Hand Tools', modelNumbers: ['DWHT36917-0'] },
  { sku: 'GA4530', name: 'Makita 115mm Angle Grinder 720W', brand: 'Makita', category: 'Power Tools', modelNumbers: ['GA4530'] },
  { sku: 'GA5030', name: 'Makita 125mm Angle Grinder 720W', brand: 'Makita', category: 'Power Tools', modelNumbers: ['GA5030'] },
  { sku: 'HLM-WHT', name: 'Safety Helmet with Ratchet Harness, White', brand: 'Proguard', category: 'PPE', attributes: { colour: 'white' } },
  { sku: 'HLM-YEL', name: 'Safety Helmet with Ratchet Harness, Yellow', brand: 'Proguard', category: 'PPE', attributes: { colour: 'yellow' } },
  { sku: 'GLV-NIT-M', name: 'Nitrile Coated Work Gloves, Size M', brand: 'Ansell', category: 'PPE', unit: 'PAIR' },
  { sku: 'GLV-NIT-L', name: 'Nitrile Coated Work Gloves, Size L', brand: 'Ansell', category: 'PPE', unit: 'PAIR' },
  { sku: 'GOG-AF-CLR', name: 'Anti-Fog Safety Goggles, Clear Lens', brand: '3M', category: 'PPE' },
  { sku: 'VEST-HV-L', name: 'Hi-Vis Safety Vest, Orange, Size L', brand: 'Proguard', category: 'PPE' },
  { sku: 'PLUG-EAR-200', name: 'Foam Ear Plugs, Box of 200 Pairs', brand: '3M', category: 'PPE', unit: 'BOX' },
  { sku: 'TAPE-DUCT-48', name: 'Duct Tape 48mm x 25m, Silver', brand: 'Nitto', category: 'Consumables', unit: 'ROLL' },
  { sku: 'TIE-200-BLK', name: 'Cable Ties 200mm, Black, Pack of 100', brand: 'HellermannTyton', category: 'Fixings', unit: 'PACK' },
  { sku: 'TIE-200-WHT', name: 'Cable Ties 200mm, White, Pack of 100', brand: 'HellermannTyton', category: 'Fixings', unit: 'PACK' },
  { sku: 'BIT-SET-21', name: 'Titanium Drill Bit Set 21pc', brand: 'Bosch', category: 'Accessories', unit: 'SET' },
  { sku: 'EXT-10M', name: 'Extension Cord 10m, 3-Pin 13A', brand: 'Powermax', category: 'Electrical' },
  { sku: 'WD40-400', name: 'WD-40 Multi-Use Product 400ml', brand: 'WD-40', category: 'Chemicals', unit: 'CAN' },
  { sku: 'WD40-191', name: 'WD-40 Multi-Use Product 191ml', brand: 'WD-40', category: 'Chemicals', unit: 'CAN' },
  { sku: 'SIL-CLR-300', name: 'Silicone Sealant, Clear, 300ml', brand: 'Sika', category: 'Chemicals', unit: 'TUBE' },
].map((p, i) => ({ currency: 'SGD', unitPriceMinor: 1000 + i * 100, stockQuantity: 10, ...p }));

const sheetRow = (row: number): SourceLocation => ({ kind: 'sheet', sheet: 'RFQ', row });

/** XLSX: the table starts at B6 under a title block, with a two-row merged header, a total row and a notes sheet. */
export const xlsxOffsetTable: CorpusDocument = {
  name: 'XLSX, offset table with a two-row merged header and a notes sheet',
  fileName: 'rfq-acme.xlsx',
  async bytes() {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('RFQ');
    sheet.getCell('B2').value = 'ACME Engineering Pte Ltd - Request for Quotation';
    sheet.getCell('B3').value = 'Ref: RFQ-2026-0142';
    sheet.getCell('B4').value = 'Date: 30/11/2026';
    sheet.getCell('B6').value = 'S/N';
    sheet.mergeCells('B6:B7');
    sheet.getCell('C6').value = 'Item';
    sheet.mergeCells('C6:D6');
    sheet.getCell('C7').value = 'Description';
    sheet.getCell('D7').value = 'Specification';
    sheet.getCell('E6').value = 'Quantity';
    sheet.mergeCells('E6:F6');
    sheet.getCell('E7').value = 'Qty';
    sheet.getCell('F7').value = 'UOM';
    sheet.getCell('G6').value = 'Remarks';
    sheet.mergeCells('G6:G7');
    const rows: [number, string, string, ExcelJS.CellValue, string, string][] = [
      [1, 'Cordless drill driver kit DCD791D2', '18V, 2 batteries + charger', 5, 'set', 'urgent'],
      [2, 'Angle grinder', '115mm, 720W', 3, 'pcs', 'Makita preferred'],
      [3, 'Safety helmet', 'White', { formula: '10*2', result: 20 }, 'pcs', ''],
      [4, 'Nitrile work gloves', 'Size L', 50, 'pairs', ''],
      [5, 'Hydraulic pallet jack', '2.5 ton', 1, 'unit', ''],
    ];
    rows.forEach((values, i) => {
      sheet.getRow(8 + i).values = [undefined, ...values];
    });
    sheet.getCell('C14').value = 'Total';
    sheet.getCell('E14').value = { formula: 'SUM(E8:E12)', result: 79 };
    const notes = workbook.addWorksheet('Notes');
    notes.getCell('A1').value = 'Delivery: 10 Anson Road #12-01, Singapore 079903';
    notes.getCell('A2').value = 'Contact: Mr Tan, +65 6123 4567';
    notes.getCell('A3').value = 'Payment terms: 30 days';
    notes.getCell('A4').value = 'Please state the quotation validity (30 days preferred).';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  },
  items: [
    { description: 'Cordless drill driver kit DCD791D2', quantity: 5, unit: 'SET', location: sheetRow(8), sku: 'DCD791D2' },
    { description: 'Angle grinder', quantity: 3, unit: 'EA', location: sheetRow(9), sku: 'GA4530' },
    { description: 'Safety helmet', quantity: 20, unit: 'EA', location: sheetRow(10), sku: 'HLM-WHT' },
    { description: 'Nitrile work gloves', quantity: 50, unit: 'PAIR', location: sheetRow(11), sku: 'GLV-NIT-L' },
    { description: 'Hydraulic pallet jack', quantity: 1, unit: 'EA', location: sheetRow(12), sku: null },
  ],
};

const cell = (text: string) => new TableCell({ children: [new Paragraph(text)], width: { size: 1500, type: WidthType.DXA } });
const tableRow = (cells: string[]) => new TableRow({ children: cells.map(cell) });
const docTableRow = (row: number): SourceLocation => ({ kind: 'table', table: 1, row });

/** DOCX: prose, then the item table (brand and model columns, a total row), then more prose with an address and a phone number. */
export const docxTable: CorpusDocument = {
  name: 'DOCX, a table between prose paragraphs',
  fileName: 'rfq-tuas.docx',
  async bytes() {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('Dear Sales Team,'),
            new Paragraph('Please quote for the following items for our Tuas site. Our ref: PO-2026-0077.'),
            new Table({
              rows: [
                tableRow(['No.', 'Item Description', 'Brand', 'Model', 'Qty', 'Unit']),
                tableRow(['1', 'Compact drill driver, bare tool (body only)', 'DeWalt', 'DCD791N', '4', 'units']),
                tableRow(['2', '18V 5.0Ah battery', 'DeWalt', 'DCB 184', '8', 'pcs']),
                tableRow(['3', 'Anti-fog safety goggles', '3M', '', '30', 'pcs']),
                tableRow(['4', 'Laser distance meter', 'DeWalt', '', '2', 'pcs']),
                tableRow(['', 'Total', '', '', '44', '']),
              ],
            }),
            new Paragraph('Delivery to 21 Tuas South Avenue 1, Singapore 637312 by 15 Dec 2026.'),
            new Paragraph('Contact: Mr Lee, 9123 4567'),
            new Paragraph('Thank you.'),
          ],
        },
      ],
    });
    return Packer.toBuffer(document);
  },
  items: [
    { description: 'Compact drill driver, bare tool (body only)', quantity: 4, unit: 'EA', location: docTableRow(2), sku: 'DCD791N' },
    { description: '18V 5.0Ah battery', quantity: 8, unit: 'EA', location: docTableRow(3), sku: 'DCB184' },
    { description: 'Anti-fog safety goggles', quantity: 30, unit: 'EA', location: docTableRow(4), sku: 'GOG-AF-CLR' },
    { description: 'Laser distance meter', quantity: 2, unit: 'EA', location: docTableRow(5), sku: null },
  ],
};

const bullet = (item: number): SourceLocation => ({ kind: 'bullet', list: 1, item });

/** DOCX: a real bulleted list (numbering.xml), items written as sentences, two bullets that are not items. */
export const docxBullets: CorpusDocument = {
  name: 'DOCX, a bulleted list',
  fileName: 'rfq-bullets.docx',
  async bytes() {
    const bulletParagraph = (text: string) => new Paragraph({ numbering: { reference: 'rfq-bullets', level: 0 }, children: [new TextRun(text)] });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'rfq-bullets',
            levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('Hi, please quote the following:'),
            bulletParagraph('20 rolls of duct tape, silver'),
            bulletParagraph('Cable ties 200mm black — 10 packs'),
            bulletParagraph('Two hundred pairs of nitrile gloves, size M'),
            bulletParagraph('WD-40 400ml x 12'),
            bulletParagraph('Delivery within 14 days'),
            bulletParagraph('Site contact: +65 6789 0123'),
            new Paragraph('Thank you.'),
          ],
        },
      ],
    });
    return Packer.toBuffer(document);
  },
  items: [
    { description: 'duct tape, silver', quantity: 20, unit: 'ROLL', location: bullet(1), sku: 'TAPE-DUCT-48' },
    { description: 'Cable ties 200mm black', quantity: 10, unit: 'PACK', location: bullet(2), sku: 'TIE-200-BLK' },
    { description: 'nitrile gloves, size M', quantity: 200, unit: 'PAIR', location: bullet(3), sku: 'GLV-NIT-M' },
    { description: 'WD-40 400ml', quantity: 12, unit: null, location: bullet(4), sku: 'WD40-400' },
  ],
};

const PDF_ROWS: [string, string, number, string, string | null][] = [
  ['Sub-compact drill driver 12V kit', '', 2, 'set', 'DCD701D2'],
  ['Compact drill driver 18V kit', 'DCD791-D2', 3, 'set', 'DCD791D2'],
  ['Angle grinder 125mm', 'GA5030', 2, 'pcs', 'GA5030'],
  ['Safety helmet, yellow', '', 40, 'pcs', 'HLM-YEL'],
  ['Hi-vis safety vest, orange, size L', '', 40, 'pcs', 'VEST-HV-L'],
  ['Foam ear plugs', '', 5, 'box', 'PLUG-EAR-200'],
  ['Extension cord 10m', '', 6, 'pcs', 'EXT-10M'],
  ['Silicone sealant, clear, 300ml', '', 24, 'tubes', 'SIL-CLR-300'],
  ['Titanium drill bit set 21pc', '', 4, 'sets', 'BIT-SET-21'],
  ['Cable ties 200mm, white', '', 20, 'packs', 'TIE-200-WHT'],
  ['Fire extinguisher 9kg ABC', '', 6, 'pcs', null],
  ['Galvanised hex bolt M10 x 50mm', '', 500, 'pcs', null],
  ['Scaffolding tube 6m', '', 30, 'lengths', null],
  ['First aid box for 25 persons', '', 3, 'sets', null],
  ['Makita angle grinder 115mm', 'GA4530', 1, 'pcs', 'GA4530'],
  ['18V 5Ah battery', 'DCB184', 4, 'pcs', 'DCB184'],
  ['Duct tape, silver, 48mm', '', 12, 'rolls', 'TAPE-DUCT-48'],
  ['Nitrile coated gloves, size L', '', 100, 'pairs', 'GLV-NIT-L'],
  // Page 2, under the repeated header:
  ['Anti-fog goggles', '', 25, 'pcs', 'GOG-AF-CLR'],
  ['Brass padlock 40mm', '', 10, 'pcs', null],
  ['Traffic cone 750mm', '', 20, 'pcs', null],
  ['WD-40 191ml', '', 24, 'cans', 'WD40-191'],
  ['Drill driver 18V, bare tool (no battery)', 'DCD791N', 2, 'pcs', 'DCD791N'],
  ['Tape measure 8m', '', 10, 'pcs', 'DWHT36917'],
];
const PDF_PAGE_ONE_ROWS = 18;

/** A text PDF: letterhead with address and phone, an item table that runs onto page 2 under a repeated header, a total line, page footers. */
export const pdfTwoPages: CorpusDocument = {
  name: 'PDF with text, a table across two pages',
  fileName: 'rfq-bukit-batok.pdf',
  bytes() {
    const doc = new PDFDocument({ size: 'A4', margin: 40 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
    const at = (text: string, x: number, y: number) => doc.text(text, x, y, { lineBreak: false });
    const header = (y: number) => {
      doc.font('Helvetica-Bold').fontSize(10);
      at('No.', 50, y);
      at('Description', 90, y);
      at('Model', 330, y);
      at('Qty', 430, y);
      at('Unit', 480, y);
      doc.font('Helvetica');
    };
    doc.fontSize(14).font('Helvetica-Bold');
    at('Request for Quotation', 50, 50);
    doc.fontSize(10).font('Helvetica');
    at('RFQ No: RFQ-2026-0200', 50, 75);
    at('Bukit Batok Street 23, Singapore 659578', 50, 90);
    at('Tel: +65 6555 1234', 50, 105);
    header(140);
    let y = 160;
    PDF_ROWS.forEach(([description, model, qty, unit], i) => {
      if (i === PDF_PAGE_ONE_ROWS) {
        at('Page 1 of 2', 270, 800);
        doc.addPage();
        header(60);
        y = 80;
      }
      at(String(i + 1), 50, y);
      at(description, 90, y);
      if (model) at(model, 330, y);
      at(String(qty), 430, y);
      at(unit, 480, y);
      y += 20;
    });
    doc.font('Helvetica-Bold');
    at('Total', 90, y + 10);
    at(String(PDF_ROWS.reduce((sum, r) => sum + r[2], 0)), 430, y + 10);
    doc.font('Helvetica');
    at('Page 2 of 2', 270, 800);
    doc.end();
    return done;
  },
  items: PDF_ROWS.map(([description, , quantity, unit, sku], i) => ({
    description,
    quantity,
    unit: { set: 'SET', sets: 'SET', pcs: 'EA', box: 'BOX', tubes: 'TUBE', packs: 'PACK', lengths: 'LENGTH', rolls: 'ROLL', pairs: 'PAIR', cans: 'CAN' }[unit] ?? unit,
    location: { kind: 'page', page: i < PDF_PAGE_ONE_ROWS ? 1 : 2, row: i < PDF_PAGE_ONE_ROWS ? 6 + i : 2 + (i - PDF_PAGE_ONE_ROWS) },
    sku,
  })),
};

const csvRow = (row: number): SourceLocation => ({ kind: 'row', row });

/** CSV from an Indonesian/Malay-headed export: semicolons, a BOM, decimal commas, a total row. */
export const csvSemicolons: CorpusDocument = {
  name: 'CSV with semicolons, BOM and decimal commas',
  fileName: 'rfq.csv',
  async bytes() {
    const lines = [
      'No;Nama Barang;Spesifikasi;Kuantitas;Satuan;Catatan',
      '1;Silicone sealant;Clear, 300ml;12;tube;untuk kamar mandi',
      '2;Duct tape;48mm x 25m silver;6;roll;',
      '3;Cable ties;200mm, black;15;pack;',
      '4;WD-40 multi-use;400ml;2,5;karton;',
      '5;Welding wire 0,8 mm;ER70S-6;12,5;kg;',
      'Jumlah;;;36;;',
    ];
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
  },
  items: [
    { description: 'Silicone sealant', quantity: 12, unit: 'TUBE', location: csvRow(2), sku: 'SIL-CLR-300' },
    { description: 'Duct tape', quantity: 6, unit: 'ROLL', location: csvRow(3), sku: 'TAPE-DUCT-48' },
    { description: 'Cable ties', quantity: 15, unit: 'PACK', location: csvRow(4), sku: 'TIE-200-BLK' },
    { description: 'WD-40 multi-use', quantity: 2.5, unit: 'CARTON', location: csvRow(5), sku: 'WD40-400' },
    { description: 'Welding wire 0,8 mm', quantity: 12.5, unit: 'KG', location: csvRow(6), sku: null },
  ],
};

const line = (n: number): SourceLocation => ({ kind: 'line', line: n });

/** An e-mail whose items are sentences, with a reference, an address, terms, a signature with phone numbers, and a quoted reply holding an old item. */
export const emailFreeText: CorpusDocument = {
  name: 'free-text e-mail',
  fileName: 'rfq.eml',
  async bytes() {
    const body = [
      'Hi Nexus team,',
      '',
      'Could you quote the following for our Jurong project (our ref JP-2026-114):',
      '',
      '50 x DeWalt DCD791D2 20V drill',
      'Safety helmet, white — 100 pcs',
      'Two hundred pairs of nitrile gloves, size L',
      '12 boxes of foam ear plugs',
      'Hydraulic pallet jack 2.5T x 2',
      '',
      'Please deliver to 8 Jurong Port Road #03-02, Singapore 619110 by 20/12/2026.',
      'Payment terms: 30 days.',
      '',
      'Best regards,',
      'Lim Wei Ming',
      'Procurement, Jurong Builders Pte Ltd',
      'Tel: +65 6261 1234 | Mobile: 9876 5432',
      '',
      '> On 28 Nov 2026, Nexus Sales wrote:',
      '> 10 x Makita GA4530 grinder',
    ].join('\r\n');
    const message = [
      'From: Lim Wei Ming <weiming@jurong-builders.example>',
      'To: sales@nexus.example',
      'Subject: RFQ - Jurong project',
      'Date: Mon, 30 Nov 2026 09:15:00 +0800',
      'Message-ID: <rfq-114@jurong-builders.example>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
    ].join('\r\n');
    return Buffer.from(message, 'utf8');
  },
  items: [
    { description: 'DeWalt DCD791D2 20V drill', quantity: 50, unit: null, location: line(5), sku: 'DCD791D2' },
    { description: 'Safety helmet, white', quantity: 100, unit: 'EA', location: line(6), sku: 'HLM-WHT' },
    { description: 'nitrile gloves, size L', quantity: 200, unit: 'PAIR', location: line(7), sku: 'GLV-NIT-L' },
    { description: 'foam ear plugs', quantity: 12, unit: 'BOX', location: line(8), sku: 'PLUG-EAR-200' },
    { description: 'Hydraulic pallet jack 2.5T', quantity: 2, unit: null, location: line(9), sku: null },
  ],
};

export const CORPUS: CorpusDocument[] = [xlsxOffsetTable, docxTable, docxBullets, pdfTwoPages, csvSemicolons, emailFreeText];

/** A PDF whose page has only drawings: what a scanner without OCR produces. */
export function pdfWithoutText(): Promise<Buffer> {
  return renderPdf({}, (doc) => doc.rect(50, 50, 200, 100).fill('#333333'));
}

/** A PDF that needs a password to open. */
export function encryptedPdf(): Promise<Buffer> {
  return renderPdf({ userPassword: 'secret', ownerPassword: 'owner-secret', pdfVersion: '1.7' }, (doc) => doc.text('10 x Safety helmet', 50, 50));
}

function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A PNG image (1×1), to rename as .xlsx. */
export const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
