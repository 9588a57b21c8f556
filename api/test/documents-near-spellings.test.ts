import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/domain/documents/match-scoring.js';
import { nearSpellings } from '../src/domain/documents/near-spellings.js';

describe('nearSpellings (the misspelt word of a requested item, looked up in the catalogue dictionary)', () => {
  it('gives back the word meant, whatever the one edit was', () => {
    expect(nearSpellings('lightwieght')).toContain('lightweight'); // neighbours swapped
    expect(nearSpellings('screwdiver')).toContain('screwdriver'); // a letter left out
    expect(nearSpellings('grindder')).toContain('grinder'); // a letter added
    expect(nearSpellings('milwaukea')).toContain('milwaukee'); // a letter changed
    expect(nearSpellings('drills')).toContain('drill'); // a plural
  });

  it('gives only spellings one edit away (as match-scoring counts edits), never the word itself', () => {
    for (const word of ['brushless', 'helm3t', 'sarung']) {
      const near = nearSpellings(word);
      expect(near).not.toContain(word);
      expect(near.every((n) => editDistance(word, n) === 1)).toBe(true);
      expect(new Set(near).size).toBe(near.length);
    }
  });
});
