import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../src/domain/catalogue/catalogue-file.js';
import { checkCatalogueRow, mapColumns } from '../src/domain/catalogue/catalogue-row.js';
import { parseMajorUnits } from '../src/domain/catalogue/money.js';
import { countPairs } from '../src/domain/catalogue/quoted-with.js';
import { searchTerms } from '../src/domain/catalogue/search-query.js';

describe('catalogue rules', () => {
  it('converts decimal prices to minor units exactly, with the currency\'s decimals', () => {
    expect(parseMajorUnits('19.99', 'SGD')).toEqual({ ok: true, minor: 1999 });
    expect(parseMajorUnits('1,299.5', 'SGD')).toEqual({ ok: true, minor: 129950 });
    expect(parseMajorUnits('1500', 'JPY')).toEqual({ ok: true, minor: 1500 });
    expect(parseMajorUnits('1.005', 'KWD')).toEqual({ ok: true, minor: 1005 });
    expect(parseMajorUnits('1.005', 'SGD')).toEqual({ ok: false, reason: 'bad price: SGD has 2 decimal places' });
    expect(parseMajorUnits('-1', 'SGD')).toEqual({ ok: false, reason: 'bad price: negative' });
    expect(parseMajorUnits('S$5', 'SGD').ok).toBe(false);
  });

  it('reads the header by alias and refuses a file without sku, name and price columns', () => {
    const mapped = mapColumns(['Item Code', 'Product Name', 'Unit Price', 'UOM', 'Attr: Voltage', 'Accessories']);
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    const verdict = checkCatalogueRow(['AB-1', 'Thing', '2.50', 'BOX', '18V', 'X-1; X-2'], mapped.columns, 'SGD');
    expect(verdict).toEqual({
      ok: true,
      product: expect.objectContaining({ sku: 'AB-1', unit: 'BOX', unitPriceMinor: 250, currency: 'SGD', attributes: { Voltage: '18V' } }),
      relations: [{ type: 'ACCESSORY_OF', reverse: true, skus: ['X-1', 'X-2'] }],
    });
    expect(mapColumns(['name', 'price'])).toEqual({ ok: false, reason: expect.stringMatching(/no sku column/) });
  });

  it('normalizes queries into codes for exact and partial matching', () => {
    expect(searchTerms('  dcd-791 d2 ')).toMatchObject({ text: 'dcd-791 d2', code: 'DCD791D2', partialCode: true });
    expect(searchTerms('ab')).toMatchObject({ code: 'AB', partialCode: false });
  });

  it('counts each pair of products once per quote', () => {
    const pairs = countPairs([['b', 'a', 'c'], ['a', 'b', 'b'], ['c']]);
    expect(Object.fromEntries([...pairs].map(([key, p]) => [key, p.count]))).toEqual({ 'a|b': 2, 'a|c': 1, 'b|c': 1 });
  });

  it('detects the delimiter of a CSV from its header line', () => {
    expect(detectDelimiter('sku;name;price\n1;2;3')).toBe(';');
    expect(detectDelimiter('sku\tname\tprice')).toBe('\t');
    expect(detectDelimiter('"a;b",name,price')).toBe(',');
  });
});
