// The RFQ files of `pnpm bench:documents`: requested lines that name real
// products of the seeded catalogue (by SKU, by their name as written, by their
// name with a typo) and things the catalogue does not carry, each with the SKU
// it should match (null: "no confident match"). Written with the libraries
// customers' tools use: exceljs for the XLSX, pdfkit for a text PDF.
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';

// Deterministic generator (mulberry32), so every run reads the same documents.
export function randomFrom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two neighbouring letters swapped inside the longest word: a typical typo. */
function typo(text, random) {
  const words = text.split(' ');
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const at = 1 + Math.floor(random() * (longest.length - 3));
  const swapped = longest.slice(0, at) + longest[at + 1] + longest[at] + longest.slice(at + 2);
  return words.map((w) => (w === longest ? swapped : w)).join(' ');
}

// Things a hardware supplier is asked for that the seeded catalogue does not carry
// (some under a brand it does carry: a brand alone must never make a match).
const ABSENT_THINGS = ['Fire Extinguisher CO2', 'LED Floodlight', 'Ergonomic Office Chair', 'Hydraulic Pallet Jack', 'Aluminium Extension Ladder', 'Steel Wheelbarrow', 'First Aid Kit', 'Traffic Cone', 'Scaffold Coupler', 'Concrete Mixer', 'Portable Generator', 'Submersible Water Pump', 'Brass Padlock', 'Garden Hose Reel', 'Welding Electrodes', 'PVC Conduit Pipe', 'Galvanised Chain', 'Tarpaulin Sheet', 'Rubber Floor Mat', 'Fluorescent Spray Paint'];
const ABSENT_SIZES = ['5kg', '50W', '2500kg', '6m', '100L', '750mm', '48mm', '140L', '5kVA', '1HP', '50mm', '30m', '2.5mm', '20mm', '8mm x 10m', '4m x 6m', '900 x 1500mm', '400ml'];
const ABSENT_BRANDS = ['', '', '', 'Bosch', 'Makita', 'Stanley', 'Honeywell'];
const UNITS = ['pcs', 'set', 'ea', 'box', 'unit', 'pairs'];

/**
 * `count` requested lines from `products` (rows of sku, name, kind, brand,
 * each with a name no other product has): the mix of ways a line names
 * its product, in shuffled order. Each line: { description, code, quantity,
 * unit, kind, sku } where `sku` is the truth.
 */
export function requestedLines(products, count, random, mix = { sku: 0.35, description: 0.3, typo: 0.2, absent: 0.15 }) {
  const kinds = [];
  for (const [kind, share] of Object.entries(mix)) for (let i = 0; i < Math.round(share * count); i += 1) kinds.push(kind);
  while (kinds.length < count) kinds.push('description');
  kinds.length = count;
  for (let i = kinds.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  let next = 0;
  return kinds.map((kind) => {
    const quantity = 1 + Math.floor(random() * 200);
    const unit = UNITS[Math.floor(random() * UNITS.length)];
    if (kind === 'absent') {
      const brand = ABSENT_BRANDS[Math.floor(random() * ABSENT_BRANDS.length)];
      const thing = ABSENT_THINGS[Math.floor(random() * ABSENT_THINGS.length)];
      const size = ABSENT_SIZES[Math.floor(random() * ABSENT_SIZES.length)];
      return { kind, description: [brand, thing, size].filter(Boolean).join(' '), code: '', quantity, unit, sku: null };
    }
    const product = products[next++];
    if (!product) throw new Error(`only ${products.length} products to name`);
    if (kind === 'sku') {
      // The part number in its own column, as customers copy it: as printed, lower case, or without the dash.
      const written = [product.sku, product.sku.toLowerCase(), product.sku.replace('-', '')][next % 3];
      return { kind, description: product.kind, code: written, quantity, unit, sku: product.sku };
    }
    const description = kind === 'typo' ? typo(product.name, random) : product.name;
    return { kind, description, code: '', quantity, unit, sku: product.sku };
  });
}

/** An XLSX (`run` numbers the RFQ, so each run is a new file): a title block, then the item table (No., Description, Part No., Qty, Unit) from row 5. */
export async function rfqWorkbook(lines, run = 0) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('RFQ');
  sheet.getCell('A1').value = 'Request for Quotation — Jurong Site Works Pte Ltd';
  sheet.getCell('A2').value = `RFQ No: RFQ-2026-1000/${run + 1}`;
  sheet.getCell('A3').value = 'Please quote your best price and delivery lead time for the items below.';
  sheet.getRow(5).values = ['No.', 'Description', 'Part No.', 'Qty', 'Unit'];
  lines.forEach((line, i) => {
    sheet.getRow(6 + i).values = [i + 1, line.description, line.code || null, line.quantity, line.unit];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A text PDF of `pages` A4 pages: letterhead, the item table with its header repeated on every page, page footers. */
export function rfqPdf(lines, pages, run = 0) {
  const doc = new PDFDocument({ size: 'A4', margin: 30 });
  const chunks = [];
  doc.on('data', (chunk) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const at = (text, x, y) => doc.text(text, x, y, { lineBreak: false });
  const header = (y) => {
    doc.font('Helvetica-Bold').fontSize(9);
    at('No.', 40, y);
    at('Description', 75, y);
    at('Part No.', 340, y);
    at('Qty', 450, y);
    at('Unit', 500, y);
    doc.font('Helvetica').fontSize(8);
  };
  const footer = (page) => at(`Page ${page} of ${pages}`, 270, 805);
  doc.fontSize(14).font('Helvetica-Bold');
  at('Request for Quotation', 40, 40);
  doc.fontSize(9).font('Helvetica');
  at(`RFQ No: RFQ-2026-2000/${run + 1}`, 40, 62);
  at('Tuas South Avenue 1, Singapore 637001', 40, 75);
  header(100);
  const top = 118;
  const bottom = 790;
  const step = 16;
  let page = 1;
  let y = top;
  lines.forEach((line, i) => {
    if (y > bottom) {
      footer(page);
      doc.addPage();
      page += 1;
      header(40);
      y = 58;
    }
    at(String(i + 1), 40, y);
    at(line.description, 75, y);
    if (line.code) at(line.code, 340, y);
    at(String(line.quantity), 450, y);
    at(line.unit, 500, y);
    y += step;
  });
  footer(page);
  doc.end();
  return done.then((bytes) => ({ bytes, pages: page }));
}

/** How many table rows fit on `pages` pages of {@link rfqPdf}. */
export function pdfCapacity(pages) {
  const first = Math.floor((790 - 118) / 16) + 1;
  const other = Math.floor((790 - 58) / 16) + 1;
  return first + (pages - 1) * other;
}
