import { describe, expect, it } from 'vitest';
import { countryRelatives, isCountryPhrase } from './country-names.js';

describe('countryRelatives', () => {
  it('bridges capitals and other names to the country, both ways', () => {
    expect(countryRelatives('kyiv')).toContain('ukraine');
    expect(countryRelatives('ukraine')).toContain('kyiv');
    expect(countryRelatives('burma')).toContain('myanmar');
    expect(countryRelatives('persia')).toContain('iran');
    expect(isCountryPhrase('south_sudan')).toBe(true);
  });

  it('knows nothing of other words', () => {
    expect(countryRelatives('negotiation')).toEqual([]);
    expect(countryRelatives('')).toEqual([]);
  });
});
