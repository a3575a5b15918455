import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate-archive.js';
import { createRandom } from '../../bench/seeded-random.js';
import { splitWords } from '../text/analyze-terms.js';
import { FuzzyWords, boundedLevenshtein } from './fuzzy-words.js';

describe('FuzzyWords', () => {
  const words = [...new Set(generateArchive({ articles: 30, seed: 3 }).flatMap((a) => splitWords(a.text)))];
  const tree = new SearchableMap<number>();
  words.forEach((word, i) => tree.set(word, i));
  const index = new FuzzyWords(words);

  it('finds exactly the words MiniSearch\'s fuzzyGet finds, with the same distances', () => {
    const random = createRandom(5);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    let checked = 0;
    for (let n = 0; n < 400; n++) {
      let query = random.pick(words);
      const edits = random.int(0, 3);
      for (let e = 0; e < edits; e++) {
        const at = random.int(0, query.length);
        const op = random.int(0, 2);
        if (op === 0) query = query.slice(0, at) + random.pick([...letters]) + query.slice(at);
        else if (op === 1 && query.length > 1) query = query.slice(0, at) + query.slice(at + 1);
        else query = query.slice(0, at) + random.pick([...letters]) + query.slice(at + 1);
      }
      for (const distance of [1, 2]) {
        const found = index.find(query, distance);
        if (!found) continue;
        checked += 1;
        const expected = [...tree.fuzzyGet(query, distance)].map(([word, [, d]]) => [word, d] as [string, number]);
        expect(new Map(found)).toEqual(new Map(expected));
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('declines when the letter-pair bound cannot prune', () => {
    expect(index.find('ab', 1)).toBeUndefined();
    expect(index.find('talks', 2)).toBeUndefined();
  });

  it('bounded Levenshtein', () => {
    expect(boundedLevenshtein('mediation', 'mediaton', 2)).toBe(1);
    expect(boundedLevenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(boundedLevenshtein('kitten', 'sitting', 1)).toBe(2);
  });
});
