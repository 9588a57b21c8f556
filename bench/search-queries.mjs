// The catalogue search query mix shared by bench:api and bench:search-sql,
// built from products that exist (sku, first model number, brand, name).

/** The word with two letters near its middle swapped: a typing slip. */
function typo(word) {
  const at = Math.max(1, Math.floor(word.length / 2) - 1);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/**
 * Per product: its code, model number, a partial code, brand and kind in words, a typo of its longest word and that
 * word typed letter by letter from `firstPrefix` letters (up to 6); with `filters`, the kind again with filters.
 */
export function searchQueryMix(products, { firstPrefix, filters = false }) {
  const mix = [];
  for (const p of products) {
    const words = p.name.split(' ');
    const kind = words.slice(-3, -1).join(' ').toLowerCase();
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    mix.push({ kind: 'exact SKU', q: p.sku });
    mix.push({ kind: 'model number', q: p.model });
    mix.push({ kind: 'partial code', q: p.model.slice(0, 5) });
    mix.push({ kind: 'words', q: `${p.brand} ${kind}` });
    mix.push({ kind: 'typo', q: typo(longest.toLowerCase()) });
    if (filters) mix.push({ kind: 'words + filters', q: kind, filters: { brand: p.brand, inStock: true, maxPriceMinor: 50_000 } });
    for (let n = firstPrefix; n <= Math.min(6, longest.length); n += 1) mix.push({ kind: 'prefix', q: longest.slice(0, n).toLowerCase() });
  }
  return mix;
}
