import { describe, expect, it } from 'vitest';
import { normalizeQuery } from './query-grammar.js';

describe('normalizeQuery', () => {
  it('reads chat shorthand without the apostrophe: "whos", "wheres", "hows"', () => {
    expect(normalizeQuery('Whos the turkmen deputy energy minister')).toBe('who is the turkmen deputy energy minister');
    expect(normalizeQuery('wheres the next round')).toBe('where is the next round');
    // Words that merely start that way are left alone.
    expect(normalizeQuery('whose fleet, however')).toBe('whose fleet, however');
  });
});
