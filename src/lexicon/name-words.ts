import { foldText } from '../text/fold-text.js';

/**
 * Whether the articles use an index term only in names: words bearing it are written capitalised inside a
 * sentence ("on 3 March", "Ms Rich said") and never in lower case. A dictionary relative of a question's word
 * may land on such a term by a sense the article does not use ("border" → march, as in "border on"; "wealthy"
 * → rich), and quoting the month or the person for it would be wrong.
 *
 * Decided from `texts`, passages holding the term (a sample at archive scale: reading every article's words
 * for every term would cost seconds). Telling nothing, and skipped: a word capitalised where a sentence, a
 * quote or an item starts; a word in capitals (AU, RSF: an initialism is a name anyway); and a text with no
 * lower-case word at all (a title-case label such as a table's "Security Guarantees").
 */
export function usedOnlyAsName(term: string, texts: Iterable<string>, termsOf: (foldedWord: string) => readonly string[]): boolean {
  let named = false;
  for (const text of texts) {
    if (!HAS_LOWER_WORD.test(text)) continue;
    for (const match of text.matchAll(WORD)) {
      // The parts of a hyphenated word count on their own ("Iranian-supported": a name, then a word).
      let at = match.index ?? 0;
      for (const word of match[0].split(/[‑-]/)) {
        const start = at;
        at += word.length + 1;
        if (!termsOf(foldText(word).toLowerCase()).includes(term)) continue;
        const first = word.charAt(0);
        if (first !== first.toUpperCase()) return false;
        if (first === first.toLowerCase() || (word.length > 1 && word === word.toUpperCase())) continue;
        if (!OPENING.test(text.slice(Math.max(0, start - 4), start))) named = true;
      }
    }
  }
  return named;
}

/**
 * Whether the articles write this index term only in lower case ("leave us the mercury"): a name the
 * dictionary reaches (Washington → US) cannot be that word. False when no text holds it.
 */
export function usedOnlyInLowerCase(term: string, texts: Iterable<string>, termsOf: (foldedWord: string) => readonly string[]): boolean {
  let seen = false;
  for (const text of texts) {
    for (const match of text.matchAll(WORD)) {
      for (const word of match[0].split(/[‑-]/)) {
        if (!termsOf(foldText(word).toLowerCase()).includes(term)) continue;
        if (word.charAt(0) !== word.charAt(0).toLowerCase()) return false;
        seen = true;
      }
    }
  }
  return seen;
}

const WORD = /[\p{L}\p{N}]+(?:['’‑-][\p{L}\p{N}]+)*/gu;
/** What ends a sentence or opens a quote or an item, so the next word is capitalised whatever it is. */
const OPENING = /(?:^|[.!?:;…"“‘(\[]|\s[-–—•*]|^[-–—•*])["'“‘(\[\s]*$/;
const HAS_LOWER_WORD = /(?:^|[\s(“"‘-])\p{Ll}{2,}/u;
