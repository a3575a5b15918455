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
/** `the` joins a name only after a joiner ("Organization of the Petroleum…"), never two names ("Kinshasa the World Bank"). */
const isJoiner = (word: string, previous: string | undefined) => NAME_JOINERS.has(word) || (word === 'the' && NAME_JOINERS.has(previous ?? ''));
/** Shortest and longest initialism kept (two letters is the commonest: AU, EU, UN). */
const MIN_LETTERS = 2;
const MAX_LETTERS = 6;

/** Initialism (lowercase) → the names it may stand for, each as its folded lowercase words. */
export type Initialisms = Map<string, string[][]>;

const WORD = /[\p{L}\p{N}]+(?:['’‐‑-][\p{L}\p{N}]+)*|[.!?;:,()"“”]/gu;

/** Adds the initialisms of the capitalised names in one text. */
export function addInitialisms(text: string, into: Initialisms): void {
  const tokens = text.match(WORD) ?? [];
  let run: string[] = [];
  const flush = () => {
    // A sentence's opening word ("In Kinshasa", "The World Bank") is not part of the name.
    while (run.length > 0 && isStopWord(run[0]?.toLowerCase() ?? '')) run.shift();
    while (run.length > 0 && /^\p{Ll}/u.test(run[run.length - 1] ?? '')) run.pop();
    const words = run.filter((word) => /^\p{Lu}/u.test(word));
    if (words.length >= MIN_LETTERS && words.length <= MAX_LETTERS) {
      const letters = words.map((word) => word[0]?.toLowerCase() ?? '').join('');
      const phrase = run.map((word) => foldText(word).toLowerCase().replace(/['’]s$/, ''));
      const known = into.get(letters) ?? [];
      if (!known.some((other) => other.join(' ') === phrase.join(' '))) known.push(phrase);
      into.set(letters, known);
    }
    run = [];
  };
  for (const token of tokens) {
    if (/^\p{Lu}/u.test(token) && !/^\p{Lu}{2,}$/u.test(token)) run.push(token);
    else if (run.length > 0 && isJoiner(token, run[run.length - 1])) run.push(token);
    else flush();
  }
  flush();
}

/** Initialisms of every name in the texts (the articles' paragraphs, list items and table cells). */
export function collectInitialisms(texts: Iterable<string>): Initialisms {
  const initialisms: Initialisms = new Map();
  for (const text of texts) addInitialisms(text, initialisms);
  return initialisms;
}
