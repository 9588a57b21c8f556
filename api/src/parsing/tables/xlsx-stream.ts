import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { FileLimitError, UnreadableFileError } from '../errors.js';
import { formatBytes, formatCount, type ParseLimits } from '../limits.js';

/**
 * Streams the worksheets of an XLSX file straight from its XML (yauzl + a SAX
 * parser), cell by cell, holding one row at a time. Cost follows the cells
 * that exist: a row with one cell in column XFD is one cell, not 16,384 (the
 * exceljs reader walks every column up to the last one, per row). Cells right
 * of `sink.width()` are skipped before their text is kept.
 *
 * Values as Excel shows them unformatted: shared and inline strings, the
 * cached result of formulas, numbers as written (no date conversion),
 * booleans as TRUE/FALSE, errors as empty.
 */
export interface SheetSink {
  /** Columns to keep (1-based last column); cells right of it are ignored. Called per cell, so it may change after the header. */
  width(): number;
  /** A row with at least one kept cell: `cells[i]` is column i + 1 (holes for empty cells). */
  row(rowNumber: number, cells: string[]): void;
  /** `A1:C2`-style merged ranges of the sheet (listed after its rows in the file). */
  merge?(range: string): void;
}

export interface SheetInfo {
  name: string;
  /** 0-based position in the workbook. */
  index: number;
}

/** Returning undefined skips the sheet; returning `'stop'` ends the read. */
export type SheetVisitor = (sheet: SheetInfo) => SheetSink | undefined | 'stop';

const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export async function streamXlsxSheets(content: Buffer, limits: ParseLimits, visit: SheetVisitor): Promise<void> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await new Promise((resolve, reject) =>
      yauzl.fromBuffer(content, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, z) => (error || !z ? reject(error ?? new Error('no archive')) : resolve(z))),
    );
  } catch (error) {
    throw new UnreadableFileError(`not a readable XLSX file: ${messageOf(error)}`);
  }
  try {
    const entries = await readEntries(zipfile);
    const sheets = await workbookSheets(zipfile, entries);
    if (sheets.length === 0) throw new UnreadableFileError('not a readable XLSX file: the workbook lists no worksheet');
    const sharedStrings = entries.has('xl/sharedStrings.xml') ? await readSharedStrings(zipfile, entries.get('xl/sharedStrings.xml')!, limits) : [];
    for (const [index, sheet] of sheets.entries()) {
      const sink = visit({ name: sheet.name, index });
      if (sink === 'stop') break;
      if (!sink) continue;
      const entry = entries.get(sheet.path);
      if (!entry) throw new UnreadableFileError(`not a readable XLSX file: the worksheet ${sheet.name} is missing`);
      await streamSheet(zipfile, entry, sharedStrings, limits, sink);
    }
  } catch (error) {
    if (error instanceof FileLimitError || error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(`not a readable XLSX file: ${messageOf(error)}`);
  } finally {
    zipfile.close();
  }
}

/** Sheets in workbook order with their part paths (xl/workbook.xml + its relationships). */
async function workbookSheets(zipfile: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): Promise<{ name: string; path: string }[]> {
  const workbook = entries.get('xl/workbook.xml');
  if (!workbook) throw new UnreadableFileError('not a readable XLSX file: it has no xl/workbook.xml');
  const listed: { name: string; id: string }[] = [];
  await parseXml(zipfile, workbook, MAX_SMALL_PART_BYTES, (parser) => {
    parser.on('opentag', (tag) => {
      if (localName(tag.name) !== 'sheet') return;
      const id = Object.entries(tag.attributes).find(([key]) => localName(key) === 'id')?.[1];
      listed.push({ name: String(tag.attributes['name'] ?? ''), id: String(id ?? '') });
    });
  });
  const targets = new Map<string, string>();
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (rels) {
    await parseXml(zipfile, rels, MAX_SMALL_PART_BYTES, (parser) => {
      parser.on('opentag', (tag) => {
        if (localName(tag.name) === 'Relationship') targets.set(String(tag.attributes['Id']), String(tag.attributes['Target'] ?? ''));
      });
    });
  }
  return listed.map((sheet, i) => {
    const target = targets.get(sheet.id) ?? `worksheets/sheet${i + 1}.xml`;
    return { name: sheet.name, path: target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/') };
  });
}

/** The shared strings, each cut at maxCellChars + 1 (so a cell that uses a longer one is still refused), at most maxExtractedBytes in all. */
async function readSharedStrings(zipfile: yauzl.ZipFile, entry: yauzl.Entry, limits: ParseLimits): Promise<string[]> {
  const strings: string[] = [];
  let total = 0;
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  await parseXml(zipfile, entry, limits.maxUnzippedBytes, (parser) => {
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && current !== undefined && phonetic === 0) inText = true;
    });
    parser.on('text', (text) => {
      if (inText && current !== undefined && current.length <= limits.maxCellChars) current += text.slice(0, limits.maxCellChars + 1 - current.length);
    });
    parser.on('closetag', (tag) => {
      const name = localName(tag.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && current !== undefined) {
        total += current.length;
        if (total > limits.maxExtractedBytes) throw new FileLimitError(`the file holds more than ${formatBytes(limits.maxExtractedBytes)} of text`);
        strings.push(current);
        current = undefined;
      }
    });
  });
  return strings;
}

async function streamSheet(zipfile: yauzl.ZipFile, entry: yauzl.Entry, sharedStrings: string[], limits: ParseLimits, sink: SheetSink): Promise<void> {
  let rowNumber = 0;
  let cells: string[] = [];
  let kept = 0;
  let column = 0;
  let cell: { type: string; value: string; inline: string; keep: boolean } | undefined;
  let capture: 'value' | 'inline' | undefined;
  const cap = limits.maxCellChars + 1;
  await parseXml(zipfile, entry, limits.maxUnzippedBytes, (parser) => {
    parser.on('opentag', (tag) => {
      switch (localName(tag.name)) {
        case 'row': {
          const r = Number(tag.attributes['r']);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          kept = 0;
          column = 0;
          break;
        }
        case 'c': {
          const ref = tag.attributes['r'];
          column = typeof ref === 'string' ? columnOf(ref) ?? column + 1 : column + 1;
          cell = { type: String(tag.attributes['t'] ?? 'n'), value: '', inline: '', keep: column <= sink.width() };
          break;
        }
        case 'v':
          if (cell?.keep) capture = 'value';
          break;
        case 't':
          if (cell?.keep && cell.type === 'inlineStr') capture = 'inline';
          break;
        case 'mergeCell':
          if (typeof tag.attributes['ref'] === 'string') sink.merge?.(tag.attributes['ref']);
          break;
      }
    });
    parser.on('text', (text) => {
      if (!cell || !capture) return;
      if (capture === 'value' && cell.value.length < cap) cell.value += text.slice(0, cap - cell.value.length);
      else if (capture === 'inline' && cell.inline.length < cap) cell.inline += text.slice(0, cap - cell.inline.length);
    });
    parser.on('closetag', (tag) => {
      switch (localName(tag.name)) {
        case 'v':
        case 't':
          capture = undefined;
          break;
        case 'c': {
          if (cell?.keep) {
            const text = valueOf(cell, sharedStrings);
            if (text.length > limits.maxCellChars) {
              throw new FileLimitError(`row ${formatCount(rowNumber)}, column ${formatCount(column)} holds more than ${formatCount(limits.maxCellChars)} characters`);
            }
            if (text !== '') {
              cells[column - 1] = text;
              kept += 1;
            }
          }
          cell = undefined;
          break;
        }
        case 'row':
          if (kept > 0) sink.row(rowNumber, cells);
          break;
      }
    });
  });
}

function valueOf(cell: { type: string; value: string; inline: string }, sharedStrings: string[]): string {
  switch (cell.type) {
    case 's':
      return sharedStrings[Number(cell.value)] ?? '';
    case 'inlineStr':
      return cell.inline;
    case 'str':
    case 'd':
      return cell.value;
    case 'b':
      return cell.value === '' ? '' : Number(cell.value) !== 0 ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    default: {
      if (cell.value === '') return '';
      const number = Number(cell.value);
      return Number.isFinite(number) ? String(number) : cell.value;
    }
  }
}

/** Column number of an `A1`-style reference (XFD = 16,384); undefined when it is not one. */
export function columnOf(ref: string): number | undefined {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i += 1) {
    const code = ref.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return i === 0 || i > 3 ? undefined : column;
}

async function parseXml(zipfile: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number, setup: (parser: SaxesParser) => void): Promise<void> {
  if (entry.uncompressedSize > maxBytes) throw new FileLimitError(`the part ${entry.fileName} unpacks to more than ${formatBytes(maxBytes)}`);
  const parser = new SaxesParser({ position: false });
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= error;
  });
  setup(parser);
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zipfile.openReadStream(entry, (error, s) => (error || !s ? reject(error ?? new Error('no stream')) : resolve(s))),
  );
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) throw new UnreadableFileError(`not a readable XLSX file: ${entry.fileName} is not well-formed XML (${failure.message})`);
    }
    parser.write(decoder.decode());
    parser.close();
  } finally {
    (stream as unknown as { destroy(): void }).destroy();
  }
  if (failure) throw new UnreadableFileError(`not a readable XLSX file: ${entry.fileName} is not well-formed XML (${failure.message})`);
}

function readEntries(zipfile: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zipfile.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zipfile.readEntry();
    });
    zipfile.once('end', () => resolve(entries));
    zipfile.once('error', reject);
    zipfile.readEntry();
  });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
