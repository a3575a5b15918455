import { stemmer } from 'stemmer';
import { eng as STOPWORDS_EN } from 'stopword';
import { foldText } from './fold-text.js';

/**
 * Turns text into index terms: folded to ASCII (so `de‑escalation`, `de-escalation` and
 * `deescalation` meet), lowercased, hyphenated words joined, English stop words dropped, and
 * Porter-stemmed. Used for both documents and queries so they always agree.
 */

// The `stopword` package's English list (the standard one), plus the question words people open with,
// which carry the answer type (checked separately) but no topic.
const STOP_WORDS = new Set<string>([
  ...STOPWORDS_EN,
  'what', 'whats', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'does', 'did', 'do', 'done',
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'can', 'could', 'would', 'should', 'will', 'shall', 'may', 'might', 'must',
  'has', 'have', 'had', 'the', 'a', 'an', 'of', 'on', 'in', 'to', 'for', 'about', 'tell', 'me', 'us', 'please', 'any', 'there',
  'their', 'they', 'them', 'it', 'its', 'this', 'that', 'these', 'those', 'and', 'or', 'but', 'so', 'than', 'then', 'also',
  'some', 'many', 'much', 'more', 'most', 'get', 'got', 'say', 'said', 'says', 'give', 'show', 'let', 'know', 'like', 'just',
  "i", "im", "you", "your", "we", "our", "s", "t", "re", "ve", "ll", "d",
]);
// `us` is a stop word in prose but a country in talks coverage; the table and section matchers see raw words.
STOP_WORDS.delete('us');

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Splits text into folded lowercase words, keeping inner hyphens and apostrophes. */
export function splitWords(text: string): string[] {
  return foldText(text).toLowerCase().match(WORD) ?? [];
}

/**
 * Switches for the evaluation's ablation runs (eval/ablate.ts), read on every call so an engine built
 * after changing them uses them throughout. The shipped values are the measured best.
 */
export const ANALYSIS_OPTIONS = { stemming: true, stopWords: true };

export function isStopWord(word: string): boolean {
  return ANALYSIS_OPTIONS.stopWords && STOP_WORDS.has(word);
}

/** The stem of one folded lowercase word (possessive `'s` dropped, hyphens joined). */
export function stemWord(word: string): string {
  const base = word.replace(/'s$/, '').replace(/['-]/g, '');
  if (base.length <= 2 || !ANALYSIS_OPTIONS.stemming) return base;
  // The Porter stemmer leaves '-men' plurals alone: fishermen, spokesmen, gunmen stand for their '-man' singular
  // (after a consonant only: omen, specimen, acumen, Yemen are no plurals).
  return stemmer(IRREGULAR_MEN.test(base) ? `${base.slice(0, -3)}man` : base);
}

const IRREGULAR_MEN = /^.{2,}[^aeiouy]men$/;

/** How many words' terms termsOfWord remembers before it starts afresh (a bound against hostile queries). */
export const TERM_MEMO_MAX_WORDS = 200_000;
/** The analysis switches as one string: a memo of terms keyed by words starts afresh when it changes (ablations). */
export function analysisOptionsKey(): string {
  return `${ANALYSIS_OPTIONS.stemming}:${ANALYSIS_OPTIONS.stopWords}`;
}

const termMemo = new Map<string, string[]>();
let termMemoOptions = '';

/**
 * Index terms of one folded word: the joined stem, and for hyphenated words each part's stem too. Remembered
 * per word (stemming is most of the cost of analysing a query or highlighting an excerpt); the returned array
 * is shared, never to be changed.
 */
export function termsOfWord(word: string): string[] {
  const options = analysisOptionsKey();
  if (options !== termMemoOptions) {
    termMemo.clear();
    termMemoOptions = options;
  }
  const known = termMemo.get(word);
  if (known) return known;
  if (termMemo.size >= TERM_MEMO_MAX_WORDS) termMemo.clear();
  const terms = computeTermsOfWord(word);
  termMemo.set(word, terms);
  return terms;
}

/** termsOfWord without the memo. */
export function computeTermsOfWord(word: string): string[] {
  if (isStopWord(word)) return [];
  const terms = [stemWord(word)];
  if (word.includes('-')) {
    for (const part of word.split('-')) if (part.length > 2 && !isStopWord(part)) terms.push(stemWord(part));
  }
  return terms.filter((term) => term.length > 0);
}

/** All index terms of a text, in order. */
export function analyzeText(text: string): string[] {
  return splitWords(text).flatMap(termsOfWord);
}
