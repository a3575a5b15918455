import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { splitWords } from '../text/analyze-terms.js';

/**
 * Every country's names and capital, as data: the `countries-list` package (MIT; annexare/Countries, ISO
 * 3166-1 short names in English, former and short names such as "Burma", "UK", "DRC", "Czech Republic",
 * and capitals). News copy names a government by its capital ("Kyiv says", "what does Ankara want") or by
 * a name WordNet does not list (Czechia, Türkiye, South Sudan, Kosovo): WordNet 3.1 bridges 163 of the
 * package's 247 capitals to their country; this bridges them all. Loaded on the first question that
 * needs it (a 38 KB JSON file).
 */

interface CountryRecord {
  name: string;
  capital?: string;
  alias?: string[];
}

/** A name or capital (folded words joined by `_`, as WordNet writes phrases) → the country's other names and capital. */
let relatives: Map<string, string[]> | undefined;

const phraseOf = (text: string) => splitWords(text).join('_');

function loadRelatives(): Map<string, string[]> {
  // The package's JSON file itself (its index also builds languages and currencies: 36 ms against 1 ms).
  const entry = createRequire(import.meta.url).resolve('countries-list');
  const countries = JSON.parse(readFileSync(join(dirname(entry), '..', 'countries.min.json'), 'utf8')) as Record<string, CountryRecord>;
  const map = new Map<string, string[]>();
  for (const country of Object.values(countries)) {
    const names = [country.name, ...(country.alias ?? []), ...(country.capital ? [country.capital] : [])].map(phraseOf).filter((phrase) => phrase.length > 1);
    const unique = [...new Set(names)];
    for (const name of unique) {
      const others = map.get(name) ?? [];
      for (const other of unique) if (other !== name && !others.includes(other)) others.push(other);
      map.set(name, others);
    }
  }
  return map;
}

/** The other names and the capital of the country a name or capital stands for ("kyiv" → ukraine), or []. */
export function countryRelatives(phrase: string): string[] {
  relatives ??= loadRelatives();
  return relatives.get(phrase) ?? [];
}

/** True when words joined by `_` name a country or a capital ("south_sudan", "abu_dhabi"). */
export function isCountryPhrase(phrase: string): boolean {
  return countryRelatives(phrase).length > 0;
}
