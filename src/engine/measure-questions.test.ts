import { describe, expect, it } from 'vitest';
import { loadWordNet } from '../lexicon/wordnet.js';
import { askedMeasure, isChangeVerb, measureSpans, withoutMeasureWords } from './measure-questions.js';

describe('the measure a question asks for', () => {
  const wordNet = loadWordNet();
  const kind = (query: string) => askedMeasure(query, wordNet)?.kind;

  it('reads the measure from the question word and WordNet\'s file for its noun', () => {
    expect(kind('what percentage did shipping grow')).toBe('percent');
    expect(kind('how far has the bigeye stock fallen')).toBe('change');
    expect(kind('how fast must ships go')).toBe('speed');
    expect(kind('how far from shore can guyanese fish')).toBe('length');
    expect(kind('how long is the dam wall')).toBe('length');
    expect(kind('how much water must ethiopia release')).toBe('amount');
    expect(kind('how many days of talks')).toBe('time');
    expect(kind('how much time do trains lose at the border')).toBe('time');
    expect(askedMeasure('how much notice before patrols', wordNet)).toEqual({ kind: 'thing', strict: true, noun: 'notice' });
  });

  it('asks for no measure where the words are figurative or the noun is no thing with a size', () => {
    for (const query of ['how close are the sides to a deal', 'how far apart are the sides', 'how long will the ships be held', 'how long is the delay', 'how fast are the talks moving', 'how much goes to local boats', 'how much does a purse seiner make in a day']) {
      expect(kind(query), query).toBeUndefined();
    }
  });

  it('tells verbs of growing and shrinking by their WordNet hypernyms', () => {
    for (const word of ['grown', 'risen', 'fallen', 'dropped', 'shrunk', 'doubled']) expect(isChangeVerb(wordNet, word), word).toBe(true);
    for (const word of ['release', 'pay', 'catch', 'go', 'fish']) expect(isChangeVerb(wordNet, word), word).toBe(false);
  });

  it('finds figures with their units, hyphenated or not, and no year ranges as changes', () => {
    const spans = (text: string, measure: Parameters<typeof measureSpans>[1]) => measureSpans(text, measure).map(([start, end]) => text.slice(start, end));
    expect(spans('A voluntary 10‑knot speed limit', { kind: 'speed', strict: true })).toEqual(['10‑knot']);
    expect(spans('at least 31 billion cubic metres downstream', { kind: 'amount', strict: true })).toEqual(['31 billion cubic metres']);
    expect(spans('within 500 metres of the western bank', { kind: 'length', strict: true })).toEqual(['500 metres']);
    expect(spans('rose by 37 per cent between 2013 and 2023', { kind: 'change', strict: true })).toEqual(['37 per cent', 'by 37']);
    expect(spans('from 2013 to 2023, agreed by 2030', { kind: 'change', strict: true })).toEqual([]);
    expect(spans('reviewed every five years, for the next twelve months', { kind: 'time', strict: true, unit: 'year' })).toEqual([]);
  });

  it('drops the words naming the measure, not the topic', () => {
    expect(withoutMeasureWords(['what', 'percentage', 'did', 'shipping', 'grow'], wordNet)).toEqual(['what', 'did', 'shipping', 'grow']);
    expect(withoutMeasureWords(['how', 'fast', 'must', 'ships', 'go'], wordNet)).toEqual(['how', 'fast', 'must', 'ships']);
    expect(withoutMeasureWords(['how', 'many', 'days', 'of', 'talks'], wordNet)).toEqual(['how', 'many', 'of', 'talks']);
  });
});
