import { describe, expect, it } from 'vitest';
import { expandWord, expandWordLoosely } from './expand-word.js';
import { loadWordNet } from './wordnet.js';

describe('expandWord', () => {
  const wordNet = loadWordNet();
  const lemmas = (expansions: Array<{ lemma: string }>) => expansions.map((expansion) => expansion.lemma);

  it('bridges a capital to its country and a word to its derivations', () => {
    expect(lemmas(expandWord(wordNet, 'tehran'))).toContain('iran');
    expect(lemmas(expandWord(wordNet, 'negotiate'))).toContain('negotiation');
  });

  it('reaches what a word is a kind of only through the looser relations', () => {
    expect(lemmas(expandWord(wordNet, 'fighting'))).toContain('conflict');
    expect(lemmas(expandWordLoosely(wordNet, 'mistrust'))).not.toContain('mistrust');
    expect(expandWordLoosely(wordNet, 'zzqx')).toEqual([]);
    const loose = expandWordLoosely(wordNet, 'rivalry');
    expect(loose.length).toBeGreaterThan(0);
    expect(Math.max(...loose.map((expansion) => expansion.weight))).toBeLessThanOrEqual(0.5);
  });
});
