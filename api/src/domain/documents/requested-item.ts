import type { SourceLocation } from './document-structure.js';

/** One line a customer asks a price for, as read from their document. */
export interface RequestedItem {
  /** As written (the description cell, or the words of a free-text line without the quantity). */
  description: string;
  /** A second descriptive column (specification, size, colour), as written. */
  specification: string | null;
  brand: string | null;
  /** A model, part or catalogue number given in its own column. */
  code: string | null;
  remarks: string | null;
  quantity: number;
  unit: { written: string | null; normalized: string | null };
  location: SourceLocation;
  /** How sure the recognizer is that this is a requested item with this quantity, 0–1. */
  confidence: number;
}

export interface RecognitionResult {
  items: RequestedItem[];
  /** Item tables found by their header (sheet/table names and header locations), for the review page. */
  tables: { name: string; headerLocation: SourceLocation; columns: Partial<Record<string, number>> }[];
  /** When no item was found: why, for a person ("no table with a quantity column found …"). */
  reason: string | null;
}
