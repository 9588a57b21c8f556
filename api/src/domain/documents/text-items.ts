import type { SourceLocation } from './document-structure.js';
import { notAnItemLine } from './not-items.js';
import { numberFromWords, parseNumber, type DecimalSeparator } from './quantity.js';
import type { RequestedItem } from './requested-item.js';
import { normalizeUnit, WRITTEN_UNITS } from './units.js';

/**
 * Requested items written as sentences or list lines:
 *   "50 x DeWalt DCD791D2 20V drill"          quantity first, with "x"
 *   "100 pcs safety helmets" / "20 rolls of duct tape"
 *   "Two hundred pairs of gloves"               quantity in words, with a unit
 *   "Safety helmet, white — 100 pcs"            quantity last, after a separator
 *   "Safety goggles x 30" / "Ear plugs (qty: 200 pairs)"
 * A number alone is not enough: it must come with "x", a unit, or a "qty"
 * label — or start a list item — so house numbers, days and years are not
 * read as quantities.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT = `(?:${WRITTEN_UNITS.filter((u) => /^[a-z]/i.test(u) && u.length > 1).map(escape).join('|')})`;
const CJK_UNIT = `(?:${WRITTEN_UNITS.filter((u) => /^\p{Script=Han}/u.test(u)).map(escape).join('|')})`;
const NUMBER = String.raw`\d{1,3}(?:[,.]\d{3})+|\d+(?:[.,]\d+)?`;
const LIST_MARKER = /^\s*(?:[-*•–·▪‣◦]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+/i;

const LEADING_TIMES = new RegExp(String.raw`^(?<qty>${NUMBER})\s*(?:x|×|\*)\s+(?<desc>.+)$`, 'i');
const LEADING_UNIT = new RegExp(String.raw`^(?<qty>${NUMBER})\s*(?<unit>${UNIT})\.?\s+(?:of\s+)?(?<desc>.+)$`, 'i');
const TRAILING = new RegExp(
  String.raw`^(?<desc>.+?)\s*(?:[-–—:,;=]|\bx|×|\bqty\.?:?|\bquantity:?)\s*(?<qty>${NUMBER})\s*(?<unit>${UNIT})?\.?\s*\)?\.?$`,
  'i',
);
const TRAILING_UNIT = new RegExp(String.raw`^(?<desc>.+?)\s+(?<qty>${NUMBER})\s*(?<unit>${UNIT})\.?$`, 'i');
const PAREN_QTY = new RegExp(String.raw`^(?<desc>.+?)\s*\(\s*(?:qty|quantity)\.?\s*:?\s*(?<qty>${NUMBER})\s*(?<unit>${UNIT})?\s*\)\s*$`, 'i');
const CJK_TRAILING = new RegExp(String.raw`^(?<desc>.+?)\s*[：:,，]?\s*(?<qty>${NUMBER})\s*(?<unit>${CJK_UNIT})$`, 'u');
const LEADING_BARE = new RegExp(String.raw`^(?<qty>${NUMBER})\s+(?<desc>[A-Za-z].+)$`);

/** Words after a quantity that say it is not a count of goods. */
const NOT_GOODS = /^(?:days?|weeks?|months?|years?|hours?|hrs?|mins?|minutes?|working days|business days|hari|minggu|bulan|tahun|%|percent|per ?cent|am|pm|sgd|usd|myr|idr|rm|\$)\b/i;

/** Words that follow a number word in a sentence rather than name goods ("one of", "two more"). */
const NOT_A_NOUN = /^(?:of|the|to|more|or|and|for|in|on|at|by|with|from|is|are|was|were|will|would|can|could|should|times?|people|persons?|staff|workers?)$/i;

interface Reading {
  quantity: number;
  unit: string | null;
  description: string;
  confidence: number;
}

function readLine(text: string, decimal: DecimalSeparator, listItem: boolean): Reading | undefined {
  const number = (value: string) => parseNumber(value, decimal) ?? parseNumber(value, decimal === '.' ? ',' : '.');
  let match = LEADING_TIMES.exec(text);
  if (match?.groups) return reading(number(match.groups['qty']!), null, match.groups['desc']!, 0.85);
  match = LEADING_UNIT.exec(text);
  if (match?.groups) return reading(number(match.groups['qty']!), match.groups['unit']!, match.groups['desc']!, 0.85);
  match = PAREN_QTY.exec(text) ?? TRAILING_UNIT.exec(text);
  if (match?.groups) return reading(number(match.groups['qty']!), match.groups['unit'] ?? null, match.groups['desc']!, 0.8);
  match = TRAILING.exec(text);
  if (match?.groups && (match.groups['unit'] || /(?:\bx|×|qty|quantity)\s*$/i.test(text.slice(0, text.length - match.groups['qty']!.length - (match.groups['unit']?.length ?? 0)).trim()))) {
    return reading(number(match.groups['qty']!), match.groups['unit'] ?? null, match.groups['desc']!, 0.8);
  }
  match = CJK_TRAILING.exec(text);
  if (match?.groups) return reading(number(match.groups['qty']!), match.groups['unit']!, match.groups['desc']!, 0.75);
  const words = text.split(/\s+/);
  const spelled = numberFromWords(words);
  if (spelled) {
    const rest = words.slice(spelled.consumed);
    const unit = rest[0] && normalizeUnit(rest[0]) ? rest[0] : null;
    const after = rest.slice(unit ? 1 : 0);
    if (unit && after[0]?.toLowerCase() === 'of') after.shift();
    // "A drill" is not a quantity, nor "one of our sites"; "a box of screws" and "two drills" are.
    const countsGoods = unit !== null || (spelled.value >= 2 && !NOT_A_NOUN.test(after[0] ?? ''));
    if (after.length > 0 && countsGoods) return reading(spelled.value, unit, after.join(' '), unit ? 0.75 : 0.65);
  }
  if (listItem) {
    match = LEADING_BARE.exec(text);
    if (match?.groups) return reading(number(match.groups['qty']!), null, match.groups['desc']!, 0.6);
  }
  return undefined;
}

function reading(quantity: number | undefined, unit: string | null, description: string, confidence: number): Reading | undefined {
  const desc = description.replace(/^[\s,:;–—-]+|[\s,.;:–—-]+$/g, '').trim();
  if (quantity === undefined || quantity <= 0 || quantity > 1_000_000) return undefined;
  if (NOT_GOODS.test(desc)) return undefined;
  if (!/\p{L}{2,}/u.test(desc) || desc.length > 200) return undefined;
  return { quantity, unit, description: desc, confidence };
}

export interface TextLineInput {
  text: string;
  location: SourceLocation;
  listItem?: boolean;
}

/** Items written in free-text lines; lines that are not items give nothing. */
export function readTextItems(lines: readonly TextLineInput[], decimal: DecimalSeparator): RequestedItem[] {
  const items: RequestedItem[] = [];
  for (const line of lines) {
    const marked = LIST_MARKER.test(line.text);
    const text = line.text.replace(LIST_MARKER, '').trim();
    if (text === '' || notAnItemLine(text)) continue;
    const found = readLine(text, decimal, line.listItem === true || marked);
    if (!found) continue;
    items.push({
      description: found.description,
      specification: null,
      brand: null,
      code: null,
      remarks: null,
      quantity: found.quantity,
      unit: { written: found.unit, normalized: found.unit === null ? null : normalizeUnit(found.unit) },
      location: line.location,
      confidence: found.confidence,
    });
  }
  return items;
}
