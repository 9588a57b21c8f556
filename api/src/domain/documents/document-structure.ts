/**
 * What an extractor reads out of an uploaded RFQ document: its structure,
 * not just its text. Plain JSON (no class instances, no Buffers), so that it
 * can cross from a parser's worker thread to the API process and be stored.
 *
 * Blocks come in reading order. Tables keep their rows and cells and where
 * each row is in the file; text keeps its lines, paragraphs and list items;
 * PDF text is rebuilt into lines whose cells carry their x position, so the
 * recognizer can rebuild columns (and tables that run across pages).
 */

export type DocumentKind = 'xlsx' | 'docx' | 'pdf' | 'csv' | 'text' | 'email';

/** Where something is in the original file, in the file's own terms (1-based). */
export type SourceLocation =
  | { kind: 'sheet'; sheet: string; row: number; column?: string }
  | { kind: 'table'; table: number; row: number }
  | { kind: 'page'; page: number; row: number }
  | { kind: 'row'; row: number }
  | { kind: 'paragraph'; paragraph: number }
  | { kind: 'bullet'; list: number; item: number }
  | { kind: 'line'; line: number };

export interface TableRow {
  location: SourceLocation;
  /** Cell texts by column, left to right from the table's first column; '' for an empty cell. */
  cells: string[];
}

export interface TableBlock {
  type: 'table';
  /** The sheet's name (XLSX), the table's number in the document (DOCX), or the file (CSV). */
  name: string;
  /** Spreadsheet column letter of `cells[0]` (XLSX), so a cell can be named "C7". */
  firstColumn?: string;
  rows: TableRow[];
}

/** A piece of positioned text on a PDF line. */
export interface PositionedCell {
  text: string;
  /** Left edge and width in PDF points, from the page's left edge. */
  x: number;
  width: number;
}

export interface TextLine {
  location: SourceLocation;
  text: string;
  /** A list item (bullet or numbered) in the source, not a plain paragraph. */
  listItem?: boolean;
  /** PDF lines only: the line's text items merged into cells by the gaps between them. */
  cells?: PositionedCell[];
}

export interface TextBlock {
  type: 'text';
  lines: TextLine[];
}

export type DocumentBlock = TableBlock | TextBlock;

export interface ExtractedDocument {
  kind: DocumentKind;
  mediaType: string;
  blocks: DocumentBlock[];
  /** Facts found while reading that change how values are read (a CSV's decimal comma). */
  numberFormat: { decimalSeparator: '.' | ',' };
  /** PDF only: pages read. */
  pages?: number;
}

/** Describes a location for a person: "sheet RFQ row 7", "page 2 row 4", "line 12". */
export function describeLocation(location: SourceLocation): string {
  switch (location.kind) {
    case 'sheet':
      return `sheet ${location.sheet} row ${location.row}`;
    case 'table':
      return `table ${location.table} row ${location.row}`;
    case 'page':
      return `page ${location.page} row ${location.row}`;
    case 'row':
      return `row ${location.row}`;
    case 'paragraph':
      return `paragraph ${location.paragraph}`;
    case 'bullet':
      return `list ${location.list} item ${location.item}`;
    case 'line':
      return `line ${location.line}`;
  }
}
