/**
 * A question that opens with a slip of its question word ("wen is the meeting in bangkok", "wat did the minister
 * say", "wehre are the talks") asks what that word asks: the answer type (a date, a place, a person) hangs on it.
 * The opening word is taken for the question word only when it is one slip (a left-out, added or changed letter,
 * or two letters swapped) from exactly one question word ("wher" is one from both when and where, and stays as it
 * is), an auxiliary follows it ("is", "did", "will"…), and it is
 * no word in everyday use: WordNet does not know it, or has never seen it in its tagged text ("wen", a cyst; not
 * "hot", "wet", "whit").
 */
import { isStopWord } from '../text/analyze-terms.js';
import { AUXILIARIES } from '../text/function-words.js';
import { oneSlipVariants } from '../text/typo-variants.js';
import type { WordNet } from '../lexicon/wordnet.js';

const QUESTION_WORDS = ['what', 'when', 'where', 'who', 'why', 'how', 'which', 'whose'];

/** The normalized query with a slip of its opening question word put right; the query itself otherwise. */
export function withQuestionWordCorrected(normalized: string, wordNet: WordNet | undefined): string {
  const match = /^([a-z]{2,6}) ([a-z]+)\b/.exec(normalized);
  const [, first = '', second = ''] = match ?? [];
  if (!match || !wordNet || !AUXILIARIES.has(second) || QUESTION_WORDS.includes(first) || isStopWord(first)) return normalized;
  if (wordNet.lookup(first).some((entry) => entry.tagSenseCount > 0)) return normalized;
  const variants = new Set(oneSlipVariants(first));
  const near = QUESTION_WORDS.filter((word) => variants.has(word));
  return near.length === 1 ? `${near[0]}${normalized.slice(first.length)}` : normalized;
}

/** One left-out, added or changed letter, or two adjacent letters swapped (typo-variants.ts). */
export function oneSlipApart(a: string, b: string): boolean {
  return a !== b && oneSlipVariants(a).includes(b);
}
