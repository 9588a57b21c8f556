import { describe, expect, it } from 'vitest';
import { readItemTables } from '../src/domain/documents/item-table.js';
import { classifyHeader } from '../src/domain/documents/item-headers.js';
import { numberFromWords, parseQuantityCell } from '../src/domain/documents/quantity.js';
import { readTextItems } from '../src/domain/documents/text-items.js';
import { normalizeUnit } from '../src/domain/documents/units.js';

const read = (text: string, listItem = false) => readTextItems([{ text, location: { kind: 'line', line: 1 }, listItem }], '.');
const one = (text: string, listItem = false) => {
  const items = read(text, listItem);
  expect(items, text).toHaveLength(1);
  const [item] = items;
  return { description: item!.description, quantity: item!.quantity, unit: item!.unit.written, normalized: item!.unit.normalized };
};

describe('items written as text', () => {
  it('reads the quantity first, with x or a unit', () => {
    expect(one('50 x DeWalt DCD791D2 20V drill')).toEqual({ description: 'DeWalt DCD791D2 20V drill', quantity: 50, unit: null, normalized: null });
    expect(one('100 pcs safety helmets')).toEqual({ description: 'safety helmets', quantity: 100, unit: 'pcs', normalized: 'EA' });
    expect(one('20 rolls of duct tape')).toEqual({ description: 'duct tape', quantity: 20, unit: 'rolls', normalized: 'ROLL' });
    expect(one('1,000 pcs cable ties 200mm')).toMatchObject({ quantity: 1000, description: 'cable ties 200mm' });
  });

  it('reads the quantity last, after a separator or with a unit', () => {
    expect(one('Safety helmet, white — 100 pcs')).toEqual({ description: 'Safety helmet, white', quantity: 100, unit: 'pcs', normalized: 'EA' });
    expect(one('Safety goggles x 30')).toMatchObject({ description: 'Safety goggles', quantity: 30 });
    expect(one('Ear plugs (qty: 200 pairs)')).toMatchObject({ description: 'Ear plugs', quantity: 200, normalized: 'PAIR' });
    expect(one('Gloves: 20 pairs')).toMatchObject({ description: 'Gloves', quantity: 20, normalized: 'PAIR' });
    expect(one('安全帽 100个')).toMatchObject({ description: '安全帽', quantity: 100, normalized: 'EA' });
  });

  it('reads quantities written in words', () => {
    expect(one('Two hundred pairs of gloves')).toEqual({ description: 'gloves', quantity: 200, unit: 'pairs', normalized: 'PAIR' });
    expect(one('a dozen boxes of wood screws')).toMatchObject({ quantity: 12, description: 'wood screws', normalized: 'BOX' });
    expect(one('Twelve safety harnesses')).toMatchObject({ quantity: 12, description: 'safety harnesses', unit: null });
    expect(numberFromWords('three thousand five hundred and twenty'.split(' '))).toEqual({ value: 3520, consumed: 6 });
  });

  it('reads a bare leading number only in a list item', () => {
    expect(one('- 15 sledge hammers', true)).toMatchObject({ quantity: 15, description: 'sledge hammers' });
    expect(read('15 sledge hammers were delivered late')).toEqual([]);
  });

  it('reads no item from totals, references, dates, addresses, phone numbers or terms', () => {
    for (const text of [
      'Total: 250 pcs',
      'Grand total 79',
      'Our ref: RFQ-2026-0142',
      'PO No. 4500012345',
      'Date: 30/11/2026',
      'Please deliver by 15 Dec 2026',
      '10 Anson Road #12-01, Singapore 079903',
      'Tel: +65 6123 4567',
      'Call me at 9123 4567',
      'Payment terms: 30 days',
      'Delivery within 14 days',
      '- 30 days credit',
      'One of our sites needs a quote',
      'A drill would be nice',
      'S/N 12345678',
      'Dear Sir, we need 3 quotes by Friday',
    ]) {
      expect(read(text, text.startsWith('-')), text).toEqual([]);
    }
  });
});

describe('item tables', () => {
  it('recognises headers in English, Malay/Indonesian and Chinese', () => {
    expect(['Description', 'Nama Barang', 'Keterangan', '品名', 'Item'].map(classifyHeader)).toEqual(Array(5).fill('description'));
    expect(['Qty', 'Quantity Required', 'Kuantiti', 'Kuantitas', '数量', 'Qty (pcs)'].map(classifyHeader)).toEqual(Array(6).fill('quantity'));
    expect(['UOM', 'Satuan', '单位'].map(classifyHeader)).toEqual(Array(3).fill('unit'));
    expect(['Part No.', 'Model', '型号', 'Item Code'].map(classifyHeader)).toEqual(Array(4).fill('code'));
    expect(['Unit Price', 'Harga', '单价'].map(classifyHeader)).toEqual(Array(3).fill('price'));
    expect(classifyHeader('Item No.')).toBe('lineNo');
  });

  it('reads columns in any order and stops at the total row', () => {
    const rows = [
      ['Qty', 'UOM', 'Part No.', 'Description'],
      ['10', 'pcs', 'GA4530', 'Angle grinder'],
      ['2 sets', '', '', 'Drill bit set'],
      ['', '', '', 'Section B: consumables'],
      ['Total', '', '', ''],
      ['99', 'pcs', '', 'Not an item after the total'],
    ].map((cells, i) => ({ location: { kind: 'row' as const, row: i + 1 }, cells }));
    const { items } = readItemTables(rows, '.');
    expect(items.map((i) => [i.description, i.code, i.quantity, i.unit.normalized])).toEqual([
      ['Angle grinder', 'GA4530', 10, 'EA'],
      ['Drill bit set', null, 2, 'SET'],
    ]);
  });

  it('reads quantity cells with either decimal separator', () => {
    expect(parseQuantityCell('2,5', ',')?.quantity).toBe(2.5);
    expect(parseQuantityCell('1.250,5', ',')?.quantity).toBe(1250.5);
    expect(parseQuantityCell('1,250', '.')?.quantity).toBe(1250);
    expect(parseQuantityCell('ten', '.')?.quantity).toBe(10);
    expect(parseQuantityCell('n/a', '.')).toBeUndefined();
    expect(normalizeUnit('Nos.')).toBe('EA');
    expect(normalizeUnit('pasang')).toBe('PAIR');
  });
});
