/**
 * Every spelling one edit away from a word — a letter left out, added,
 * changed, or two neighbours swapped (the optimal string alignment distance
 * of 1 that match-scoring's `sameWord` forgives) — over its own letters and
 * a–z, 0–9. Looked up in the catalogue's dictionary of words, they turn a
 * misspelt word into the words it may have meant without a similarity scan.
 *
 *   nearSpellings('drils') // includes 'drills', 'drill', 'dril', 'rdils', …
 */
export function nearSpellings(word: string): string[] {
  const letters = [...new Set([...'abcdefghijklmnopqrstuvwxyz0123456789', ...word])];
  const chars = [...word];
  const out = new Set<string>();
  for (let i = 0; i <= chars.length; i += 1) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    for (const letter of letters) out.add(head + letter + tail);
    if (i < chars.length) {
      const rest = chars.slice(i + 1).join('');
      out.add(head + rest);
      for (const letter of letters) out.add(head + letter + rest);
      if (i + 1 < chars.length) out.add(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
    }
  }
  out.delete(word);
  return [...out];
}
