import { describe, expect, it } from 'vitest';
import { formatRow, splitSentences } from './passages.js';

describe('splitSentences', () => {
  it('never ends a sentence on a title before a name (the speaker stays with what was said)', () => {
    expect(splitSentences('"Every dry year will become a crisis," said Dr. Amal Fathy, a hydrologist. She left.')).toEqual(['"Every dry year will become a crisis," said Dr. Amal Fathy, a hydrologist.', 'She left.']);
    expect(splitSentences('Lt. Gen. Ivan Petrov met Mr. Jones and Amb. Lee in St. Petersburg. Talks resume Monday.')).toEqual(['Lt. Gen. Ivan Petrov met Mr. Jones and Amb. Lee in St. Petersburg.', 'Talks resume Monday.']);
  });

  it('goes on after an initial or an initialism unless the next words open a sentence', () => {
    expect(splitSentences('The envoy, John F. Kennedy, spoke. Talks with the U.S. Treasury resumed at 5 p.m. Monday.')).toEqual(['The envoy, John F. Kennedy, spoke.', 'Talks with the U.S. Treasury resumed at 5 p.m. Monday.']);
    expect(splitSentences('Iran met the U.S. The talks lasted until 9 p.m. They resume today.')).toEqual(['Iran met the U.S.', 'The talks lasted until 9 p.m.', 'They resume today.']);
    expect(splitSentences('The U.S. delegation arrived late. It left early.')).toEqual(['The U.S. delegation arrived late.', 'It left early.']);
  });

  it('keeps a quotation of several sentences whole, with its speaker, up to an excerpt\'s length', () => {
    expect(splitSentences('“A fire has an address. We are asking for the address book,” the minister, Joanne Lim, said. Talks resume today.')).toEqual([
      '“A fire has an address. We are asking for the address book,” the minister, Joanne Lim, said.',
      'Talks resume today.',
    ]);
    expect(splitSentences('"We came. We waited," he said. Nothing moved.')).toEqual(['"We came. We waited," he said.', 'Nothing moved.']);
    // A quotation left open past an excerpt's length is cut as sentences are.
    const long = `“${'We waited. '.repeat(50)}`;
    expect(splitSentences(long).length).toBeGreaterThan(1);
  });

  it('still ends a sentence on an answer such as "No."', () => {
    expect(splitSentences('A: No. The next round is in Havana.')).toEqual(['A: No.', 'The next round is in Havana.']);
  });
});

describe('formatRow', () => {
  it('labels each cell with its column, the asked column first; a column without a name labels nothing', () => {
    expect(formatRow(['Issue', 'Egypt'], ['Filling', 'Binding rules'], 1)).toBe('Egypt: Binding rules; Issue: Filling');
    expect(formatRow(['', 'Iceland', 'Norway'], ['Ask for 2026', '18%', '25%'], 2)).toBe('Norway: 25%; Ask for 2026; Iceland: 18%');
  });
});
