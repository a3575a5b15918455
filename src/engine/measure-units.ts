/**
 * Units of measurement a figure in news copy is given in, by what they measure. Units are a closed class,
 * so they are kept as data: the SI units and the SI-accepted ones for length, area, volume, mass, speed and
 * energy (BIPM, "The International System of Units", 9th edition, tables 2 and 8:
 * https://www.bipm.org/en/publications/si-brochure), with the customary and nautical units English-language
 * copy still uses beside them (NIST Special Publication 811, appendix B: https://www.nist.gov/pml/special-publication-811),
 * and the trade units of oil and gas (barrels, bcm). Each entry is a regular-expression alternative,
 * singular and plural, written and abbreviated.
 */
export const MEASURE_UNITS = {
  length: ['(?:nautical\\s+)?miles?', 'kilometres?', 'kilometers?', 'km', 'metres?', 'meters?', 'centimetres?', 'centimeters?', 'cm', 'millimetres?', 'millimeters?', 'mm', 'feet', 'foot', 'ft', 'yards?', 'inch(?:es)?', 'nmi'],
  speed: ['knots?', 'kn', 'km/h', 'kph', 'mph', 'm/s', '(?:kilometres?|kilometers?|miles?|metres?|meters?)\\s+(?:an|per|a)\\s+(?:hour|second)'],
  /** Amounts of a substance, a catch or a crop: by mass, by volume, by energy, by land area. */
  amount: [
    'tonnes?', 'tons?', 'kilo(?:gram)?s?', 'kg', 'grams?', 'pounds?', 'lbs?',
    'cubic\\s+(?:metres?|meters?|feet|kilometres?|kilometers?)', 'm3', 'm³', 'bcm', 'litres?', 'liters?', 'barrels?', 'bpd', 'gallons?',
    '(?:kilo|mega|giga|tera)watt(?:-hours?)?s?', '[kMGT]Wh?',
    'hectares?', 'acres?', 'square\\s+(?:kilometres?|kilometers?|miles?|metres?|meters?)', 'km2', 'km²',
  ],
} as const;

/** The units of time a duration is counted in ("how many days of talks"), as in the duration pattern of answer-types.ts. */
export const TIME_UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade']);

/** The number words below a hundred that news copy writes out ("four days of talks", "two new rescue centres"). */
export const CARDINALS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|forty|fifty';
