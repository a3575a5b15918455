import { describe, expect, it } from 'vitest';
import { correctSpelling } from './spelling.js';
import { loadWordNet } from './wordnet.js';

describe('correctSpelling', () => {
  const wordNet = loadWordNet();

  it('puts back a left-out letter or two swapped letters, inflections included', () => {
    expect(correctSpelling(wordNet, 'suposed')).toBe('supposed');
    expect(correctSpelling(wordNet, 'deadlin')).toBe('deadline');
    expect(correctSpelling(wordNet, 'deadlins')).toBe('deadlines');
    expect(correctSpelling(wordNet, 'agreemnet')).toBe('agreement');
  });

  it('never changes a letter: "dedline" is deadline, not the commoner decline', () => {
    expect(correctSpelling(wordNet, 'dedline')).toBe('deadline');
  });

  it('corrects nothing into a name, nor when two words are as likely', () => {
    expect(correctSpelling(wordNet, 'biden')).toBeUndefined();
    expect(correctSpelling(wordNet, 'juba')).toBeUndefined();
    expect(correctSpelling(wordNet, 'ministr')).toBeUndefined();
  });
});
