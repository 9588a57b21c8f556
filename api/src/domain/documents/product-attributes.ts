/**
 * The attributes that tell near-duplicate products apart, read from text:
 * voltage, battery capacity, sizes with their unit, clothing size, colour,
 * and whether a power tool is a kit (with batteries and charger) or the bare
 * tool. The same reading is applied to a requested item and to a product, so
 * "18V" and "18 V" agree, and "body only" and "Bare Tool" do.
 */

export interface TextAttributes {
  voltage: Set<string>;
  capacity: Set<string>;
  /** "115mm", "400ml", "10m" — number and unit, normalised. */
  sizes: Set<string>;
  clothingSize: Set<string>;
  colour: Set<string>;
  /** true: a kit; false: the bare tool; undefined: not said. */
  kit: boolean | undefined;
}

const COLOURS: Record<string, string> = {
  white: 'white', black: 'black', yellow: 'yellow', red: 'red', blue: 'blue', green: 'green', orange: 'orange',
  silver: 'silver', grey: 'grey', gray: 'grey', brown: 'brown', clear: 'clear', transparent: 'clear', pink: 'pink', purple: 'purple',
  putih: 'white', hitam: 'black', kuning: 'yellow', merah: 'red', biru: 'blue', hijau: 'green', oren: 'orange', jingga: 'orange',
  白色: 'white', 黑色: 'black', 黄色: 'yellow', 红色: 'red', 蓝色: 'blue', 绿色: 'green', 橙色: 'orange', 透明: 'clear',
};

const SIZE_UNITS: Record<string, string> = { mm: 'mm', cm: 'cm', m: 'm', mtr: 'm', ml: 'ml', l: 'l', ltr: 'l', kg: 'kg', g: 'g', w: 'w', a: 'a', t: 't', ton: 't', pc: 'pc', pcs: 'pc', inch: 'in', in: 'in', '"': 'in' };

const KIT = /\bkit\b|\bwith (?:\d+ ?x ?)?(?:[\d.]+ ?ah )?batter(?:y|ies)\b|\bc\/w batter|\b\d+ batteries\b|\bbatteries? (?:and|&|\+) charger\b/i;
const BARE = /\bbare(?: tool)?\b|\bbody only\b|\btool only\b|\bskin only\b|\bno batter(?:y|ies)\b|\bwithout batter(?:y|ies)\b|\bbatter(?:y|ies) not included\b|\bunit only\b/i;

export function readAttributes(text: string): TextAttributes {
  const lowered = text.toLowerCase();
  const attributes: TextAttributes = { voltage: new Set(), capacity: new Set(), sizes: new Set(), clothingSize: new Set(), colour: new Set(), kit: undefined };
  for (const m of lowered.matchAll(/(\d+(?:[.,]\d+)?)\s?v\b/g)) attributes.voltage.add(`${num(m[1]!)}V`);
  for (const m of lowered.matchAll(/(\d+(?:[.,]\d+)?)\s?ah\b/g)) attributes.capacity.add(`${num(m[1]!)}Ah`);
  for (const m of lowered.matchAll(/(\d+(?:[.,]\d+)?)\s?(mm|cm|mtr|ml|ltr|kg|inch|pcs|pc|ton|m|l|g|w|a|t|in|")(?![a-z0-9])/g)) {
    attributes.sizes.add(`${num(m[1]!)}${SIZE_UNITS[m[2]!]}`);
  }
  for (const m of lowered.matchAll(/\b(?:size|saiz|ukuran)\s*:?\s*(xxs|xs|s|m|l|xl|xxl|xxxl|\d{1,2})\b/g)) attributes.clothingSize.add(m[1]!.toUpperCase());
  for (const [word, colour] of Object.entries(COLOURS)) {
    if (/^\p{Script=Han}/u.test(word) ? lowered.includes(word) : new RegExp(`\\b${word}\\b`).test(lowered)) attributes.colour.add(colour);
  }
  if (BARE.test(lowered)) attributes.kit = false;
  else if (KIT.test(lowered)) attributes.kit = true;
  return attributes;
}

const num = (value: string) => String(Number(value.replace(',', '.')));

export interface AttributeComparison {
  agreements: string[];
  conflicts: string[];
}

/** Where the item and the product both say something, do they say the same? */
export function compareAttributes(item: TextAttributes, product: TextAttributes): AttributeComparison {
  const result: AttributeComparison = { agreements: [], conflicts: [] };
  const compareSets = (label: string, a: Set<string>, b: Set<string>) => {
    if (a.size === 0 || b.size === 0) return;
    const shared = [...a].filter((v) => b.has(v));
    if (shared.length > 0) result.agreements.push(`${label} ${shared.join(', ')}`);
    else result.conflicts.push(`${label} ${[...a].join(', ')} ≠ ${[...b].join(', ')}`);
  };
  compareSets('voltage', item.voltage, product.voltage);
  compareSets('capacity', item.capacity, product.capacity);
  compareSets('colour', item.colour, product.colour);
  compareSets('size', item.clothingSize, product.clothingSize);
  // Sizes compare per unit: "115mm" conflicts with "125mm", not with "720W".
  const unitOf = (size: string) => size.replace(/^[\d.]+/, '');
  for (const unit of new Set([...item.sizes].map(unitOf))) {
    compareSets('size', new Set([...item.sizes].filter((s) => unitOf(s) === unit)), new Set([...product.sizes].filter((s) => unitOf(s) === unit)));
  }
  if (item.kit !== undefined && product.kit !== undefined) {
    if (item.kit === product.kit) result.agreements.push(item.kit ? 'kit' : 'bare tool');
    else result.conflicts.push(item.kit ? 'kit requested, product is the bare tool' : 'bare tool requested, product is a kit');
  }
  return result;
}
