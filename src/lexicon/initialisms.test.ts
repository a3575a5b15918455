import { describe, expect, it } from 'vitest';
import { collectInitialisms } from './initialisms.js';

describe('collectInitialisms', () => {
  it('reads the initialisms of the names an article spells out', () => {
    const found = collectInitialisms([
      'The round opened with the African Union’s special envoy. In Kinshasa the World Bank sat in.',
      'Water from the Grand Ethiopian Renaissance Dam; the Organization of the Petroleum Exporting Countries met.',
    ]);
    expect(found.get('au')).toEqual([['african', 'union']]);
    expect(found.get('wb')).toEqual([['world', 'bank']]);
    expect(found.get('gerd')).toEqual([['grand', 'ethiopian', 'renaissance', 'dam']]);
    expect(found.get('opec')).toEqual([['organization', 'of', 'the', 'petroleum', 'exporting', 'countries']]);
    // An opening stop word is not part of the name, and a lone capitalised word is no name.
    expect(found.has('ik')).toBe(false);
    expect(found.has('r')).toBe(false);
  });

  it('never throws on odd input', () => {
    expect(collectInitialisms(['', '🙂 A B C D E F G H', 'of the of', '((('])).toBeInstanceOf(Map);
  });
});
