import { isStopWord } from '../text/analyze-terms.js';
import { foldText } from '../text/fold-text.js';

/**
 * Initialisms of the names the articles spell out: "African Union" → `au`, "Grand Ethiopian Renaissance
 * Dam" → `gerd`, "International Atomic Energy Agency" → `iaea`. Newsroom questions use the short form an
 * article may never print; the long form is the article's own, so the bridge needs no hand list and works
 * for any article. A name is two or more capitalised words in a row, possibly joined by `of`, `for`,
 * `de` or `of the` (left out of the initialism, as in OPEC), less an opening stop word ("In Kinshasa").
 * Headings are left out: title case would make every heading a name.
 */

/** Small words allowed inside a name and skipped by its initialism. */
const NAME_JOINERS = new Set(['of', 'for', 'de']);
/** Shortest and longest initialism kept (two letters is the commonest: AU, EU, UN). */
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;

/** Initialism (lowercase) → the names it may stand for, each as its folded lowercase words. */
export type Initialisms = Map<string, string[][]>;

/**
 * Runs of two or more capitalised words, possibly joined by `of`, `for`, `de` (and `the` after them), found
 * by one regular expression over the raw text. Latin letters only, spelled out as ranges: Unicode property
 * classes made it five times slower, and a whole archive is read once, on the first question that needs it.
 */
const LETTER = '[\\wÀ-ɏ]';
const CAPITALISED = `(?<!${LETTER})[A-ZÀ-ÖØ-Þ]${LETTER}*(?:['’‐‑-]${LETTER}+)*`;
const JOINER = `(?:${[...NAME_JOINERS].join('|')})\\s+(?:the\\s+)?`;
const NAME_RUN = new RegExp(`${CAPITALISED}(?:\\s+(?:${JOINER})?${CAPITALISED})+`, 'g');

const ALL_CAPITALS = /^[A-ZÀ-ÖØ-Þ]{2,}$/;
const STARTS_LOWER = /^[a-zß-öø-ÿ]/;

/** Adds the initialisms of the capitalised names in one text (`seen` skips names already added). */
export function addInitialisms(text: string, into: Initialisms, seen: Set<string> = new Set()): void {
  for (const match of text.matchAll(NAME_RUN)) {
    if (seen.has(match[0])) continue;
    seen.add(match[0]);
    // An all-capitals word ("US") is an initialism itself, not part of a longer name: it splits the run.
    let run: string[] = [];
    for (const token of match[0].split(/\s+/)) {
      if (ALL_CAPITALS.test(token)) {
        addName(run, into);
        run = [];
      } else run.push(token);
    }
    addName(run, into);
  }
}

function addName(run: string[], into: Initialisms): void {
  let from = 0;
  let to = run.length;
  // A sentence's opening word ("In Kinshasa", "The World Bank") is not part of the name.
  while (from < to && isStopWord((run[from] as string).toLowerCase())) from += 1;
  while (to > from && STARTS_LOWER.test(run[to - 1] as string)) to -= 1;
  const name = run.slice(from, to);
  const words = name.filter((word) => !STARTS_LOWER.test(word));
  if (words.length < MIN_LETTERS || words.length > MAX_LETTERS) return;
  const letters = words.map((word) => word[0]?.toLowerCase() ?? '').join('');
  const phrase = name.map((word) => foldText(word).toLowerCase().replace(/['’]s$/, ''));
  const key = phrase.join(' ');
  const known = into.get(letters) ?? [];
  if (!known.some((other) => other.join(' ') === key)) known.push(phrase);
  into.set(letters, known);
}

/** Initialisms of every name in the texts (the articles' paragraphs, list items and table cells). */
export function collectInitialisms(texts: Iterable<string>): Initialisms {
  const initialisms: Initialisms = new Map();
  const seen = new Set<string>();
  for (const text of texts) addInitialisms(text, initialisms, seen);
  return initialisms;
}
