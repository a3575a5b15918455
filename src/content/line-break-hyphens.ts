/**
 * Text copied from a PDF or a justified page keeps the hyphens that broke words at the end of a line ("the
 * resumption of nego-" over "tiations between…"). Joined with a space, the word is lost to search and quoted
 * in two halves. A hyphen that only broke a word goes; one that belongs to the word ("data-" over "sharing")
 * stays, the halves joined without a space.
 */
import { loadWordNet } from '../lexicon/wordnet.js';
import { rootOf } from '../lexicon/word-roots.js';

/** A line ending in a word broken by a hyphen (a letter before it, none after): "nego-". */
const BROKEN_WORD_END = /(\p{L}+)-$/u;
/** A line going on in lower case: the rest of the broken word. */
const WORD_REST_START = /^(\p{Ll}+)/u;
/** A line going on in a capital or a figure after a hyphen: the second half of a compound. */
const COMPOUND_REST_START = /^[\p{Lu}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** The words of an article, lower case, hyphenated ones whole: which spelling it uses elsewhere decides. */
export function articleWords(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD));
}

/**
 * `before` (a text ending in "nego-") and the line `after` it ("tiations between…") as one text, when `before`
 * ends in a word broken by a hyphen and `after` goes on in lower case; undefined otherwise.
 */
export function joinBrokenWord(before: string, after: string, words: () => ReadonlySet<string>): string | undefined {
  const head = BROKEN_WORD_END.exec(before)?.[1];
  if (head === undefined) return undefined;
  // Before a capital or a figure the hyphen is the word's own ("Turkish-" over "Cypriot", "pre-" over "2020").
  if (COMPOUND_REST_START.test(after)) return `${before}${after}`;
  const rest = WORD_REST_START.exec(after)?.[1];
  if (rest === undefined) return undefined;
  const joined = `${head}${rest}`.toLowerCase();
  const known = words();
  // The article's own spelling first (it writes "ceasefire" or "cease-fire" elsewhere), then the dictionary.
  const dropHyphen = known.has(joined) || (!known.has(`${head}-${rest}`.toLowerCase()) && isEnglishWord(joined));
  return dropHyphen ? `${before.slice(0, -1)}${after}` : `${before}${after}`;
}

function isEnglishWord(word: string): boolean {
  const wordNet = loadWordNet();
  return wordNet.lookup(word).length > 0 || wordNet.lookup(rootOf(word).root).length > 0;
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const LINE_BREAK_HYPHENS_CODE: readonly unknown[] = [articleWords, joinBrokenWord, isEnglishWord, BROKEN_WORD_END, WORD_REST_START, COMPOUND_REST_START, WORD];
