import { MAX_UNIT_PRICE_MINOR, parseMajorUnits } from './money.js';
import { IMPORT_RELATION_COLUMNS, type ProductRelationType } from './relation-types.js';

/**
 * One catalogue row of an import file, checked and converted. No I/O: the
 * import job feeds it the cells, and decides what to do with the verdict.
 */

/** SKU shape shared by the API and the import: starts alphanumeric, no spaces, ≤ 64 characters. */
export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/#+-]{0,63}$/;
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
export const MAX_NAME_LENGTH = 300;
export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_MODEL_NUMBERS = 20;
export const MAX_STOCK_QUANTITY = 2_147_483_647;

export interface CatalogueProduct {
  sku: string;
  name: string;
  description: string | null;
  brand: string | null;
  category: string | null;
  unit: string;
  unitPriceMinor: number;
  currency: string;
  stockQuantity: number;
  modelNumbers: string[];
  attributes: Record<string, unknown>;
  active: boolean;
}

export interface RelationReference {
  type: ProductRelationType;
  /** True when the row's product is the target ("accessories: X" means X ACCESSORY_OF this). */
  reverse: boolean;
  skus: string[];
}

export type RowVerdict =
  | { ok: true; product: CatalogueProduct; relations: RelationReference[] }
  | { ok: false; sku: string | null; reason: string };

type Field =
  | 'sku'
  | 'name'
  | 'description'
  | 'brand'
  | 'category'
  | 'unit'
  | 'price'
  | 'priceMinor'
  | 'currency'
  | 'stock'
  | 'models'
  | 'active'
  | 'attributes';

const ALIASES: Record<string, Field> = {
  sku: 'sku',
  item_code: 'sku',
  product_code: 'sku',
  part_number: 'sku',
  code: 'sku',
  name: 'name',
  product_name: 'name',
  title: 'name',
  description: 'description',
  details: 'description',
  brand: 'brand',
  manufacturer: 'brand',
  make: 'brand',
  category: 'category',
  unit: 'unit',
  uom: 'unit',
  unit_of_measure: 'unit',
  price: 'price',
  unit_price: 'price',
  unit_price_minor: 'priceMinor',
  price_minor: 'priceMinor',
  currency: 'currency',
  stock: 'stock',
  stock_quantity: 'stock',
  stock_qty: 'stock',
  qty: 'stock',
  quantity: 'stock',
  model_numbers: 'models',
  model_number: 'models',
  models: 'models',
  model: 'models',
  mpn: 'models',
  active: 'active',
  attributes: 'attributes',
};

/** Where each field is in a row, from the header row. */
export interface ColumnMap {
  fields: Partial<Record<Field, number>>;
  /** `attr_<name>` / `attribute:<name>` columns → attribute name. */
  attributeColumns: { index: number; name: string }[];
  relationColumns: { index: number; type: ProductRelationType; reverse: boolean }[];
}

const headerKey = (header: string) => header.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

/** Reads the header row; a file without a SKU, name or price column cannot be imported at all. */
export function mapColumns(header: readonly string[]): { ok: true; columns: ColumnMap } | { ok: false; reason: string } {
  const columns: ColumnMap = { fields: {}, attributeColumns: [], relationColumns: [] };
  header.forEach((raw, index) => {
    const attribute = /^\s*(?:attr|attribute)[_:.\s-]+(.+?)\s*$/i.exec(raw);
    if (attribute?.[1]) {
      columns.attributeColumns.push({ index, name: attribute[1] });
      return;
    }
    const key = headerKey(raw);
    const relation = IMPORT_RELATION_COLUMNS[key];
    if (relation) {
      columns.relationColumns.push({ index, ...relation });
      return;
    }
    const field = ALIASES[key];
    if (field && columns.fields[field] === undefined) columns.fields[field] = index;
  });
  const missing = [
    columns.fields.sku === undefined ? 'sku' : null,
    columns.fields.name === undefined ? 'name' : null,
    columns.fields.price === undefined && columns.fields.priceMinor === undefined ? 'price' : null,
  ].filter(Boolean);
  if (missing.length > 0) {
    return { ok: false, reason: `the header row has no ${missing.join(', ')} column (found: ${header.map((h) => h.trim()).filter(Boolean).join(', ') || 'nothing'})` };
  }
  return { ok: true, columns };
}

const cell = (row: readonly string[], index: number | undefined) => (index === undefined ? '' : (row[index] ?? '').trim());
const orNull = (value: string) => (value === '' ? null : value);
const splitList = (value: string) =>
  value
    .split(/[;|,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'active']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'inactive']);

/** Checks one data row. `defaultCurrency` applies when the file has no currency (or the cell is empty). */
export function checkCatalogueRow(row: readonly string[], columns: ColumnMap, defaultCurrency: string): RowVerdict {
  const f = columns.fields;
  const sku = cell(row, f.sku);
  const reject = (reason: string): RowVerdict => ({ ok: false, sku: orNull(sku), reason });
  if (row.every((value) => value.trim() === '')) return reject('empty row');
  // PostgreSQL text and jsonb cannot hold U+0000: such a row is refused alone, not the whole import with it.
  if (row.some((value) => value.includes('\u0000'))) return reject('NUL (U+0000) characters are not allowed');
  if (sku === '') return reject('missing SKU');
  if (!SKU_PATTERN.test(sku)) return reject('bad SKU: use letters, digits and . _ / # + - (no spaces), at most 64 characters');
  const name = cell(row, f.name);
  if (name === '') return reject('missing name');
  if (name.length > MAX_NAME_LENGTH) return reject(`name longer than ${MAX_NAME_LENGTH} characters`);
  const description = cell(row, f.description);
  if (description.length > MAX_DESCRIPTION_LENGTH) return reject(`description longer than ${MAX_DESCRIPTION_LENGTH} characters`);

  const currency = (cell(row, f.currency) || defaultCurrency).toUpperCase();
  if (!CURRENCY_PATTERN.test(currency)) return reject(`bad currency: "${cell(row, f.currency)}" is not an ISO 4217 code`);

  let unitPriceMinor: number;
  const minorText = cell(row, f.priceMinor);
  if (f.priceMinor !== undefined && minorText !== '') {
    if (!/^\d+$/.test(minorText) || Number(minorText) > MAX_UNIT_PRICE_MINOR) return reject(`bad price: "${minorText}" is not a whole number of minor units`);
    unitPriceMinor = Number(minorText);
  } else {
    const priceText = cell(row, f.price);
    if (priceText === '') return reject('missing price');
    const parsed = parseMajorUnits(priceText, currency);
    if (!parsed.ok) return reject(parsed.reason);
    unitPriceMinor = parsed.minor;
  }

  const stockText = cell(row, f.stock).replace(/[,_\s]/g, '');
  let stockQuantity = 0;
  if (stockText !== '') {
    if (!/^\d+(\.0+)?$/.test(stockText) || Number.parseFloat(stockText) > MAX_STOCK_QUANTITY) {
      return reject(`bad stock quantity: "${cell(row, f.stock)}"`);
    }
    stockQuantity = Number.parseInt(stockText, 10);
  }

  const activeText = cell(row, f.active).toLowerCase();
  let active = true;
  if (activeText !== '') {
    if (TRUE_WORDS.has(activeText)) active = true;
    else if (FALSE_WORDS.has(activeText)) active = false;
    else return reject(`bad active flag: "${cell(row, f.active)}" (use true/false)`);
  }

  let attributes: Record<string, unknown> = {};
  const attributesText = cell(row, f.attributes);
  if (attributesText !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(attributesText);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return reject('bad attributes: not a JSON object');
    attributes = parsed as Record<string, unknown>;
    // `\u0000` escapes in the JSON text become NULs only once parsed.
    if (holdsNul(attributes)) return reject('bad attributes: NUL (U+0000) characters are not allowed');
  }
  for (const { index, name: attributeName } of columns.attributeColumns) {
    const value = cell(row, index);
    if (value !== '') attributes[attributeName] = value;
  }

  const modelNumbers = [...new Set(splitList(cell(row, f.models)))];
  if (modelNumbers.length > MAX_MODEL_NUMBERS) return reject(`more than ${MAX_MODEL_NUMBERS} model numbers`);

  const relations: RelationReference[] = [];
  for (const column of columns.relationColumns) {
    const skus = splitList(cell(row, column.index));
    if (skus.length > 0) relations.push({ type: column.type, reverse: column.reverse, skus });
  }

  return {
    ok: true,
    product: {
      sku,
      name,
      description: orNull(description),
      brand: orNull(cell(row, f.brand)),
      category: orNull(cell(row, f.category)),
      unit: cell(row, f.unit) || 'EA',
      unitPriceMinor,
      currency,
      stockQuantity,
      modelNumbers,
      attributes,
      active,
    },
    relations,
  };
}

/** What {@link duplicateSkuRows} has seen so far: pass it again to go on with the next rows. */
export interface SkuTally {
  /** SKU (lower case) → the first row that has it. */
  readonly first: Map<string, number>;
  /** Later rows repeating a SKU → the first row's number. */
  readonly duplicates: Map<number, number>;
}

/**
 * Later rows repeating a SKU (case-insensitive) of an earlier row → the earlier
 * row's number. Rows may come in several calls (in file order) with the same `tally`.
 */
export function duplicateSkuRows(
  rows: Iterable<{ rowNumber: number; cells: readonly string[] }>,
  columns: ColumnMap,
  tally: SkuTally = { first: new Map(), duplicates: new Map() },
): Map<number, number> {
  const { first, duplicates } = tally;
  for (const { rowNumber, cells } of rows) {
    const sku = cell(cells, columns.fields.sku).toLowerCase();
    if (sku === '') continue;
    const seen = first.get(sku);
    if (seen === undefined) first.set(sku, rowNumber);
    else duplicates.set(rowNumber, seen);
  }
  return duplicates;
}

/** Whether a parsed JSON value holds U+0000 in any key or string. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(holdsNul);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, item]) => key.includes('\u0000') || holdsNul(item));
  return false;
}
