import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractedDocument, PositionedCell, TextLine } from '../domain/documents/document-structure.js';
import { MEDIA_TYPES } from './detect-kind.js';
import { UnreadableDocumentError } from './errors.js';
import { ExtractionBudget, type ExtractionLimits } from './limits.js';

/**
 * A PDF's text layer, rebuilt into lines: pdf.js gives text items with their
 * positions; items whose baselines are within half a font height of each
 * other form one line (top to bottom), and items on a line separated by more
 * than a wide space form separate cells, each keeping its x position so that
 * columns (and tables running over pages) can be rebuilt from them.
 */

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export async function extractPdf(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const budget = new ExtractionBudget(limits);
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const loading = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  let pdf;
  try {
    pdf = await loading.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new UnreadableDocumentError('the PDF is encrypted with a password; save or print it without the password and upload it again');
    }
    throw new UnreadableDocumentError(`the PDF could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const lines: TextLine[] = [];
    let characters = 0;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber += 1) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str.trim() === '') continue;
        const [a, b, , , x, y] = raw.transform as number[];
        items.push({ text: raw.str, x: x!, y: y!, width: raw.width, size: Math.hypot(a!, b!) || raw.height || 10 });
      }
      pageLines(items).forEach((cells, index) => {
        const text = budget.text(cells.map((c) => c.text).join('  '));
        characters += text.length;
        lines.push({ location: { kind: 'page', page: pageNumber, row: index + 1 }, text, cells });
      });
      budget.rows(lines.length, 'the PDF');
      page.cleanup();
    }
    if (characters === 0) {
      throw new UnreadableDocumentError('PDF has no text layer (a scan or an image); run it through OCR or send the original spreadsheet or document');
    }
    return { kind: 'pdf', mediaType: MEDIA_TYPES.pdf, blocks: [{ type: 'text', lines }], numberFormat: { decimalSeparator: '.' }, pages: pdf.numPages };
  } finally {
    await pdf.destroy();
  }
}

/** Lines of a page, top to bottom, each a list of cells left to right. */
export function pageLines(items: readonly Item[]): PositionedCell[][] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: Item[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const anchor = line?.[0];
    if (line && anchor && Math.abs(anchor.y - item.y) <= Math.max(anchor.size, item.size) / 2) line.push(item);
    else lines.push([item]);
  }
  return lines.map((line) => lineCells(line.sort((p, q) => p.x - q.x)));
}

function lineCells(items: readonly Item[]): PositionedCell[] {
  const cells: PositionedCell[] = [];
  let previous: Item | undefined;
  for (const item of items) {
    const last = cells.at(-1);
    const gap = previous ? item.x - (previous.x + previous.width) : Number.POSITIVE_INFINITY;
    // A gap wider than about two spaces separates columns; a smaller one is a space inside a phrase.
    if (last && gap < item.size * 0.6) {
      const joiner = gap > item.size * 0.12 && !last.text.endsWith(' ') && !item.text.startsWith(' ') ? ' ' : '';
      last.text = `${last.text}${joiner}${item.text}`;
      last.width = item.x + item.width - last.x;
    } else {
      cells.push({ text: item.text, x: round(item.x), width: item.width });
    }
    previous = item;
  }
  return cells.map((c) => ({ text: c.text.replace(/\s+/g, ' ').trim(), x: c.x, width: round(c.width) })).filter((c) => c.text !== '');
}

const round = (n: number) => Math.round(n * 10) / 10;
