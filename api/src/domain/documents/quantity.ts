import { normalizeUnit, WRITTEN_UNITS } from './units.js';

/**
 * Quantities as written: digits with either decimal separator and thousands
 * separators, and English number words ("two hundred", "a dozen").
 */

export type DecimalSeparator = '.' | ',';

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  a: 1, an: 1, single: 1, dozen: 12, couple: 2,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1000 };

/** The number words at the start of `words`, and how many words they took; undefined when none. */
export function numberFromWords(words: readonly string[]): { value: number; consumed: number } | undefined {
  let total = 0;
  let current = 0;
  let consumed = 0;
  let seen = false;
  for (const raw of words) {
    const word = raw.toLowerCase().replace(/[,]$/, '');
    if (word === 'and' && seen) {
      consumed += 1;
      continue;
    }
    const parts = word.split('-');
    if (parts.every((p) => p in SMALL) && !(seen && (word === 'a' || word === 'an'))) {
      if (word === 'dozen') current = (current || 1) * 12;
      else current += parts.reduce((sum, p) => sum + SMALL[p]!, 0);
      seen = true;
      consumed += 1;
    } else if (word in MULTIPLIERS && seen) {
      current = (current || 1) * MULTIPLIERS[word]!;
      if (word === 'thousand') {
        total += current;
        current = 0;
      }
      consumed += 1;
    } else break;
  }
  // A trailing "and" belongs to the text, not to the number.
  while (consumed > 0 && words[consumed - 1]?.toLowerCase() === 'and') consumed -= 1;
  const value = total + current;
  return seen && value > 0 ? { value, consumed } : undefined;
}

/** A number written with digits; undefined when `text` is not one. */
export function parseNumber(text: string, decimal: DecimalSeparator): number | undefined {
  const value = text.replace(/[\s\u00a0']/g, '');
  let normalized: string;
  if (decimal === ',') {
    if (!/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/.test(value)) return undefined;
    normalized = value.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(value)) return undefined;
    normalized = value.replace(/,/g, '');
  }
  const number = Number(normalized);
  return Number.isFinite(number) ? number : undefined;
}

export interface ParsedQuantity {
  quantity: number;
  /** The unit written in the same cell ("10 pcs"), if any. */
  unit: string | null;
  /** Written in words ("two hundred"). */
  words: boolean;
}

const UNIT_ALTERNATION = WRITTEN_UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const CELL_QUANTITY = new RegExp(`^([\\d.,\\s]+?)\\s*(${UNIT_ALTERNATION})?\\.?$`, 'iu');

/** A quantity cell: "10", "1,000", "2,5" (decimal comma), "10 pcs", "ten". */
export function parseQuantityCell(text: string, decimal: DecimalSeparator): ParsedQuantity | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const match = CELL_QUANTITY.exec(value);
  if (match) {
    const quantity = parseNumber(match[1]!, decimal);
    if (quantity === undefined || quantity <= 0) return undefined;
    return { quantity, unit: match[2] ?? null, words: false };
  }
  const words = value.split(/\s+/);
  const spelled = numberFromWords(words);
  if (!spelled) return undefined;
  const rest = words.slice(spelled.consumed).join(' ');
  if (rest !== '' && normalizeUnit(rest) === null) return undefined;
  return { quantity: spelled.value, unit: rest === '' ? null : rest, words: true };
}
