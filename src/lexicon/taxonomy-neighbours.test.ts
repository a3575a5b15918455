import { describe, expect, it } from 'vitest';
import { EXPAND_OPTIONS, expandWord } from './expand-word.js';
import { taxonomyNeighbours } from './taxonomy-neighbours.js';
import { loadWordNet } from './wordnet.js';

describe('taxonomy neighbours', () => {
  const wordNet = loadWordNet();
  const near = (word: string) => new Map(taxonomyNeighbours(wordNet, word).map(({ lemma, steps }) => [lemma, steps]));

  it('reaches what a noun is a kind of, its kinds, its siblings and the whole it is a member of', () => {
    expect(near('employee').get('worker')).toBe(1);
    expect(near('lake').get('reservoir')).toBe(1);
    expect(near('gauge').get('meter')).toBe(2);
    expect(near('civilian').get('people')).toBe(2);
  });

  it('never through a kind too general to stand for the word', () => {
    expect(near('interpreter').has('person')).toBe(false);
    expect(near('employee').has('person')).toBe(false);
  });

  it('reads synset lines longer than 4 KB whole (person, city)', () => {
    const person = wordNet.lookup('person').find((entry) => entry.pos === 'n');
    const synset = wordNet.synset('n', person?.offsets[0] ?? -1);
    expect(synset?.pointers.length).toBeGreaterThan(300);
    expect(synset?.pointers.every((pointer) => ['n', 'v', 'a', 'r'].includes(pointer.pos))).toBe(true);
  });
});

describe('a capital stands for its country', () => {
  const wordNet = loadWordNet();
  const lemmas = (word: string) => expandWord(wordNet, word).map((expansion) => expansion.lemma);

  it('and no further than the country (Tehran → Iran, not the Middle East)', () => {
    expect(lemmas('tehran')).toContain('iran');
    expect(lemmas('tehran')).not.toContain('middle_east');
    expect(lemmas('washington')).toContain('united_states');
    const saved = EXPAND_OPTIONS.capitalStopsAtCountry;
    EXPAND_OPTIONS.capitalStopsAtCountry = false;
    try {
      expect(expandWord(wordNet, 'tehran').map((expansion) => expansion.lemma)).toContain('middle_east');
    } finally {
      EXPAND_OPTIONS.capitalStopsAtCountry = saved;
    }
  });
});
