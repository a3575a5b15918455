import { isCountryPhrase } from '../lexicon/country-names.js';
import { baseForms } from '../lexicon/expand-word.js';
import { taxonomyNeighbours } from '../lexicon/taxonomy-neighbours.js';
import { namesOneThing, type WordNet } from '../lexicon/wordnet.js';
import { analyzeText, isStopWord, stemWord } from '../text/analyze-terms.js';
import type { EngineContext } from './engine-context.js';
import { ownerMemo } from './owner-memo.js';
import { RESOLVE_OPTIONS, type TermAlternative, type TermGroup } from './resolve-query-terms.js';
import type { Vocabulary } from './vocabulary.js';

/** Choices of the taxonomy bridge, switchable to measure them (eval/ablate.ts). */
export const BRIDGE_OPTIONS = {
  /**
   * A question with one common noun the articles never use ("militias", "gauges") is answered when a passage
   * holds every other word of the question and a noun close to it in WordNet's taxonomy ("groups backed by
   * Iran", "meters to be read"); otherwise it is refused as before.
   */
  useTaxonomyBridge: true,
  /** Most taxonomy steps between the question's noun and the passage's. */
  maxSteps: 2,
  /** Relation weight of a neighbour one step away; each further step multiplies it by `stepDecay`. */
  weight: 0.5,
  stepDecay: 0.8,
  /** The question's other words, at least this many, must all be in the passage they match best. */
  minOtherWords: 1,
  /** The best passages for the rest of the question looked through for a neighbour (1: only the best). */
  passagesLooked: 5,
  /** A neighbour counts only where the articles write it (or its plural), not a word sharing its stem. */
  wholeWordsOnly: true,
};

/** A noun and its regular plurals. */
function inflections(lemma: string): string[] {
  return [lemma, `${lemma}s`, `${lemma}es`, lemma.replace(/y$/, 'ies')];
}

/**
 * The question's groups with its one unknown common noun bridged to article nouns near it in WordNet's
 * taxonomy, when some passage then holds every word of the question; else undefined (the question is
 * refused as before). Names, places and words no dictionary knows are never bridged: "what did russia say"
 * stays unanswerable whatever countries the articles name.
 */
export function bridgeUnknownWord(ctx: EngineContext, groups: TermGroup[]): TermGroup[] | undefined {
  const wordNet = ctx.wordNet;
  if (!BRIDGE_OPTIONS.useTaxonomyBridge || !wordNet || groups.length < 2) return undefined;
  const unknown = groups.filter((group) => group.alternatives.length === 0);
  if (unknown.length !== 1) return undefined;
  const word = (unknown[0] as TermGroup).word;
  if (/[\d_]/.test(word) || isCountryPhrase(word) || !isCommonNoun(wordNet, word)) return undefined;
  const vocabulary = ctx.index.vocabulary;
  const alternatives = bridgeMemo(vocabulary, word, () => bridgeTerms(word, vocabulary, wordNet));
  if (alternatives.length === 0) return undefined;
  // The passage the rest of the question matches best must hold all of it, and a neighbour of the word.
  const rest = groups.filter((group) => group.word !== word);
  if (rest.length < BRIDGE_OPTIONS.minOtherWords) return undefined;
  let near: TermAlternative[] = [];
  for (const scored of ctx.index.rank(rest).slice(0, BRIDGE_OPTIONS.passagesLooked)) {
    if (scored.coverage < 1) break;
    const passageTerms = new Set(analyzeText(scored.passage.text));
    near = alternatives.filter((alternative) => passageTerms.has(alternative.term));
    if (near.length > 0) break;
  }
  if (near.length === 0) return undefined;
  return groups.map((group) => (group.word === word ? { word, alternatives: near } : group));
}

/** WordNet's commonest noun sense of the word is a kind of thing, not a name (no capital, no instance of a kind). */
function isCommonNoun(wordNet: WordNet, word: string): boolean {
  for (const form of baseForms(word)) {
    for (const entry of wordNet.lookup(form)) {
      if (entry.pos !== 'n') continue;
      const first = wordNet.synset('n', entry.offsets[0] ?? -1);
      if (first && !namesOneThing(first)) return true;
    }
  }
  return false;
}

const bridgeMemo = ownerMemo<TermAlternative[]>(5_000);

/** Article terms of the nouns near the word, weaker the further they are. */
function bridgeTerms(word: string, vocabulary: Vocabulary, wordNet: WordNet): TermAlternative[] {
  const found = new Map<string, TermAlternative>();
  for (const { lemma, steps } of taxonomyNeighbours(wordNet, word)) {
    if (steps > BRIDGE_OPTIONS.maxSteps) continue;
    const words = lemma.split('_');
    const parts = words.filter((part) => !isStopWord(part));
    const terms = parts.map(stemWord);
    // A multi-word lemma counts only where the articles use it as a phrase.
    if (terms.length === 0 || !terms.every((term) => vocabulary.hasTerm(term)) || (words.length > 1 && !vocabulary.hasPhrase(words))) continue;
    // The articles' own word, not another word with the same stem ("insider" is not "inside").
    if (BRIDGE_OPTIONS.wholeWordsOnly && words.length === 1 && !inflections(lemma).some((form) => vocabulary.termsOfKnownWord(form))) continue;
    const weight = RESOLVE_OPTIONS.lexiconWeight * BRIDGE_OPTIONS.weight * BRIDGE_OPTIONS.stepDecay ** Math.max(0, steps - 1);
    for (const term of terms) if ((found.get(term)?.weight ?? 0) < weight) found.set(term, { term, weight, how: 'lexicon' });
  }
  return [...found.values()].sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
}
