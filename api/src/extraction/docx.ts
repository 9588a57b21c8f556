import { parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import type { DocumentBlock, ExtractedDocument, TableRow, TextLine } from '../domain/documents/document-structure.js';
import { MEDIA_TYPES } from './detect-kind.js';
import { UnreadableDocumentError } from './errors.js';
import { ExtractionBudget, type ExtractionLimits } from './limits.js';

/**
 * A Word document through mammoth's HTML: tables as rows and cells (merged
 * cells' text repeated over the columns and rows they span, as in a
 * spreadsheet), Word's numbered and bulleted paragraphs (numbering.xml) as
 * list items, everything else as paragraphs — all in reading order.
 */
export async function extractDocx(bytes: Uint8Array, limits: ExtractionLimits): Promise<ExtractedDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images say nothing about requested items; never inline them as base64.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw new UnreadableDocumentError(`the Word document could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return { kind: 'docx', mediaType: MEDIA_TYPES.docx, blocks: htmlBlocks(html, limits), numberFormat: { decimalSeparator: '.' } };
}

/** The parts of htmlparser2's DOM nodes that are read here. */
interface HtmlNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
}

const BLOCK_ELEMENTS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'ul', 'ol', 'br']);

/** An element's text with block boundaries as spaces, whitespace collapsed. */
function textOf(node: HtmlNode, skip: (n: HtmlNode) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (n: HtmlNode) => {
    if (skip(n)) return;
    if (n.type === 'text') parts.push(n.data ?? '');
    else {
      if (n.name && BLOCK_ELEMENTS.has(n.name)) parts.push(' ');
      for (const child of n.children ?? []) walk(child);
    }
  };
  walk(node);
  return decodeEntities(parts.join('')).replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const elements = (node: HtmlNode, name?: string) =>
  (node.children ?? []).filter((c) => c.type === 'tag' && (name === undefined || c.name === name));

export function htmlBlocks(html: string, limits: ExtractionLimits): DocumentBlock[] {
  const budget = new ExtractionBudget(limits);
  const root = parseDocument(html, { decodeEntities: false }) as unknown as HtmlNode;
  const blocks: DocumentBlock[] = [];
  let paragraphs = 0;
  let tables = 0;
  let lists = 0;
  let text: TextLine[] | undefined;
  const addLine = (line: TextLine) => {
    if (!text) {
      text = [];
      blocks.push({ type: 'text', lines: text });
    }
    text.push(line);
  };

  for (const node of elements(root)) {
    if (node.name === 'table') {
      tables += 1;
      text = undefined;
      blocks.push({ type: 'table', name: `Table ${tables}`, rows: tableRows(node, tables, budget) });
    } else if (node.name === 'ul' || node.name === 'ol') {
      lists += 1;
      let item = 0;
      const walkList = (list: HtmlNode) => {
        for (const li of elements(list, 'li')) {
          item += 1;
          const own = textOf(li, (n) => n.name === 'ul' || n.name === 'ol');
          if (own !== '') addLine({ location: { kind: 'bullet', list: lists, item }, text: budget.text(own), listItem: true });
          for (const nested of elements(li).filter((n) => n.name === 'ul' || n.name === 'ol')) walkList(nested);
        }
      };
      walkList(node);
    } else {
      const value = textOf(node);
      if (value === '') continue;
      paragraphs += 1;
      addLine({ location: { kind: 'paragraph', paragraph: paragraphs }, text: budget.text(value) });
    }
  }
  return blocks;
}

/** Rows of an HTML table with colspan/rowspan expanded into a grid. */
function tableRows(table: HtmlNode, tableNumber: number, budget: ExtractionBudget): TableRow[] {
  const trs: HtmlNode[] = [];
  const collect = (node: HtmlNode) => {
    for (const child of elements(node)) {
      if (child.name === 'tr') trs.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collect(child);
    }
  };
  collect(table);
  budget.rows(trs.length, `table ${tableNumber}`);
  const maxColumns = budget.limits.maxColumns;
  // Cells still covered by a rowspan from above: column → [text, rows left].
  const carried = new Map<number, { text: string; rows: number }>();
  const rows: TableRow[] = [];
  trs.forEach((tr, index) => {
    const cells: string[] = [];
    let column = 0;
    const fillCarried = () => {
      while (carried.has(column)) {
        const cover = carried.get(column)!;
        cells[column] = cover.text;
        cover.rows -= 1;
        if (cover.rows === 0) carried.delete(column);
        column += 1;
      }
    };
    for (const td of elements(tr).filter((n) => n.name === 'td' || n.name === 'th')) {
      fillCarried();
      const value = budget.text(textOf(td));
      const colspan = Math.max(1, Number(td.attribs?.['colspan'] ?? 1) || 1);
      const rowspan = Math.max(1, Number(td.attribs?.['rowspan'] ?? 1) || 1);
      for (let i = 0; i < colspan && column < maxColumns; i += 1) {
        cells[column] = value;
        if (rowspan > 1) carried.set(column, { text: value, rows: rowspan - 1 });
        column += 1;
      }
    }
    fillCarried();
    const filled = Array.from({ length: cells.length }, (_, i) => cells[i] ?? '');
    if (filled.some((c) => c !== '')) rows.push({ location: { kind: 'table', table: tableNumber, row: index + 1 }, cells: filled });
  });
  return rows;
}
