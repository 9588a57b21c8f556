/**
 * Human quote numbers: `Q-YYYY-NNNNNN`, counted per year without gaps (the
 * counter is taken in the creating transaction; see repositories/quotes.ts).
 * Revisions keep the number and count their own `revision`.
 */
export const QUOTE_NUMBER_PATTERN = /^Q-\d{4}-\d{6,}$/;

export function formatQuoteNumber(year: number, sequence: number): string {
  return `Q-${year}-${String(sequence).padStart(6, '0')}`;
}

/** "Q-2026-000123" → { year: 2026, sequence: 123 } */
export function parseQuoteNumber(number: string): { year: number; sequence: number } | undefined {
  if (!QUOTE_NUMBER_PATTERN.test(number)) return undefined;
  const [, year, sequence] = number.split('-');
  return { year: Number(year), sequence: Number(sequence) };
}

/** How people refer to one revision: "Q-2026-000123", "Q-2026-000123 rev 2". */
export function quoteLabel(quote: { number: string; revision: number }): string {
  return quote.revision > 1 ? `${quote.number} rev ${quote.revision}` : quote.number;
}
