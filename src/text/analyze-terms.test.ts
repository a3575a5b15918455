import { describe, expect, it } from 'vitest';
import { stemWord } from './analyze-terms.js';

describe('stemWord', () => {
  it('reads a "-men" plural as its "-man" singular (fishermen, spokesmen, gunmen)', () => {
    for (const [plural, singular] of [['fishermen', 'fisherman'], ['spokesmen', 'spokesman'], ['gunmen', 'gunman'], ['chairmen', 'chairman']]) {
      expect(stemWord(plural as string)).toBe(stemWord(singular as string));
    }
  });

  it('leaves words that only end in "men" alone (omen, specimen, acumen, Yemen, women)', () => {
    for (const word of ['omen', 'specimen', 'acumen', 'yemen', 'women', 'regimen']) expect(stemWord(word)).not.toMatch(/man$/);
  });
});
