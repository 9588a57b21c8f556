/**
 * Units of measure as customers write them (English, Malay/Indonesian,
 * Chinese), normalised to the catalogue's codes (products.unit: EA, BOX, …).
 * The written form is always kept beside the normalised one.
 */
const UNITS: Record<string, string> = {};
const add = (code: string, ...written: string[]) => {
  for (const w of written) UNITS[w] = code;
};
add('EA', 'ea', 'each', 'pc', 'pcs', 'pce', 'pces', 'piece', 'pieces', 'no', 'nos', 'no.', 'nos.', 'unit', 'units', 'buah', 'biji', 'unit-unit', '个', '件', '只', '台', '把', '支', '根', '块', '个/件');
add('PAIR', 'pair', 'pairs', 'pr', 'prs', 'pasang', '双', '对', '副');
add('SET', 'set', 'sets', 'set-set', '套');
add('BOX', 'box', 'boxes', 'bx', 'kotak', '盒');
add('CARTON', 'carton', 'cartons', 'ctn', 'ctns', 'karton', '箱');
add('PACK', 'pack', 'packs', 'pkt', 'pkts', 'packet', 'packets', 'pk', 'bungkus', 'pak', '包');
add('ROLL', 'roll', 'rolls', 'rl', 'gulung', '卷');
add('BOTTLE', 'bottle', 'bottles', 'btl', 'botol', '瓶');
add('CAN', 'can', 'cans', 'tin', 'tins', '罐');
add('BAG', 'bag', 'bags', 'sack', 'sacks', 'beg', 'karung', '袋');
add('DRUM', 'drum', 'drums', '桶');
add('TUBE', 'tube', 'tubes', 'tiub', '管');
add('SHEET', 'sheet', 'sheets', 'helai', 'lembar', '张');
add('REAM', 'ream', 'reams', 'rim');
add('KIT', 'kit', 'kits');
add('LOT', 'lot', 'lots');
add('DOZEN', 'dozen', 'dozens', 'doz', 'dz', 'lusin', '打');
add('LENGTH', 'length', 'lengths', 'batang', '条');
add('M', 'm', 'metre', 'metres', 'meter', 'meters', 'mtr', 'mtrs', 'lm', '米');
add('KG', 'kg', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', '公斤', '千克');
add('L', 'l', 'ltr', 'ltrs', 'litre', 'litres', 'liter', 'liters', '升');

/** The catalogue code for a written unit, or null when it is not a unit we know. */
export function normalizeUnit(written: string): string | null {
  const key = written.trim().toLowerCase().replace(/\s+/g, ' ');
  return UNITS[key] ?? UNITS[key.replace(/\.$/, '')] ?? null;
}

/** Every written form, longest first, for building patterns. */
export const WRITTEN_UNITS = Object.keys(UNITS).sort((a, b) => b.length - a.length);
