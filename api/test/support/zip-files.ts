import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds ZIP archives byte by byte, so tests can make the hostile ones no
 * library would write: sizes that lie, entries that overlap, ratios of 1000:1.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Declared uncompressed size in the central directory (default: the real one). */
  declaredSize?: number;
}

export function zip(entries: ZipEntry[], options: { overlapLastWithFirst?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const offsets: number[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    locals.push(local, name, compressed);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + compressed.length;
  }
  if (options.overlapLastWithFirst) {
    // The last directory entry points at the first entry's local header: the same bytes listed twice.
    const last = central[central.length - 2]!;
    last.writeUInt32LE(offsets[0]!, 42);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`, 'utf8');

/** A minimal XLSX (one worksheet) around the given `<sheetData>` content, written as Excel lays it out. */
export function xlsxWithSheetData(sheetData: string | Buffer, extraEntries: ZipEntry[] = []): Buffer {
  const sheet = Buffer.concat([
    xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
    typeof sheetData === 'string' ? Buffer.from(sheetData, 'utf8') : sheetData,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return zip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
          '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
          '</Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ...extraEntries,
  ]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * The audit's hostile sheet: a catalogue header in A1:C1, then one cell per
 * row in the last column (XFD), `rows` times. ~204 KB at 120,000 rows.
 */
export function xfdSheet(rows: number): Buffer {
  const parts = [`<row r="1">${inline('A1', 'sku')}${inline('B1', 'name')}${inline('C1', 'price')}</row>`];
  for (let r = 2; r <= rows + 1; r += 1) parts.push(`<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`);
  return xlsxWithSheetData(parts.join(''));
}

/**
 * A dense sheet: a catalogue header and `rows` rows of `columns` filled cells
 * (sku, name, price, then pseudo-random codes that compress like real data).
 */
export function denseSheet(rows: number, columns: number): Buffer {
  const letters = (n: number) => {
    let s = '';
    for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  const names = Array.from({ length: columns }, (_, i) => letters(i + 1));
  const header = ['sku', 'name', 'price', ...Array.from({ length: columns - 3 }, (_, i) => `note ${i + 4}`)];
  const chunks: Buffer[] = [Buffer.from(`<row r="1">${header.map((h, i) => inline(`${names[i]}1`, h)).join('')}</row>`)];
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let r = 2; r <= rows + 1; r += 1) {
    const cells = [inline(`A${r}`, `DENSE-${r}`), inline(`B${r}`, `Dense item ${r}`), `<c r="C${r}"><v>${(r % 900) + 1.5}</v></c>`];
    for (let c = 3; c < columns; c += 1) cells.push(inline(`${names[c]}${r}`, Math.floor(random() * 0xffffffff).toString(36)));
    chunks.push(Buffer.from(`<row r="${r}">${cells.join('')}</row>`));
  }
  return xlsxWithSheetData(Buffer.concat(chunks));
}

/**
 * A workbook whose shared-strings table holds `count` distinct strings of
 * ~100 characters (compressing well, so the archive passes inspection): a
 * parser has to keep them all, which a small heap cannot.
 */
export function sharedStringsSheet(count: number): Buffer {
  const strings: Buffer[] = [Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`)];
  const filler = 'x'.repeat(90);
  for (let i = 0; i < count; i += 1) strings.push(Buffer.from(`<si><t>s${i}-${filler}</t></si>`));
  strings.push(Buffer.from('</sst>'));
  const rows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`;
  return xlsxWithSheetData(rows, [{ name: 'xl/sharedStrings.xml', data: Buffer.concat(strings) }]);
}
