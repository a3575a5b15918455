/**
 * Whether a passage answering a when / how many / how much / how long question is about the thing asked: its nouns
 * are all there, in the passage or the sentence before it ("Fewer than 500 people live there" after the sentence
 * naming the disputed land). "When did construction begin" is not answered by "The rainy season begins in June".
 */
import { dictionaryForms } from '../lexicon/word-roots.js';
import type { WordNet } from '../lexicon/wordnet.js';
import type { EngineContext } from './engine-context.js';
import type { ScoredPassage } from './passage-index.js';
import type { TermGroup } from './resolve-query-terms.js';

/**
 * Every group of the question is held by the passage or the one before it in its section, but for the words that
 * only say what happened or how (a verb or an adjective first: "begin", "dry"), a word closing the
 * question that can be a verb ("when did the tribunal rule"), and the noun measured by "how much" (the answer's
 * unit says it: "how much water" → "31 billion cubic metres").
 */
export function holdsQuestionInContext(ctx: EngineContext, scored: ScoredPassage, groupsOf: (passageId: string) => ReadonlySet<number> | undefined, groups: TermGroup[], normalized: string): boolean {
  if (scored.coverage === 1) return true;
  const { passage } = scored;
  const held = new Set(scored.groups);
  const previous = passage.order > 0 ? ctx.passagesOf(passage.docIndex, passage.sectionIndex)[passage.order - 1] : undefined;
  for (const group of (previous && groupsOf(previous.id)) ?? []) held.add(group);
  const wordNet = ctx.wordNet;
  if (!wordNet) return true;
  const measured = /\bhow much ([a-z]+)/.exec(normalized)?.[1];
  const last = groups.length - 1;
  return groups.every((group, index) => held.has(index) || group.word === measured || saysNoThing(wordNet, group.word) || (index === last && closesWithVerb(wordNet, group)));
}

/**
 * A verb or an adjective first (more of its senses seen in WordNet's tagged text as one than as a noun, or no noun
 * sense at all): it says what happened or how, not what about.
 */
function saysNoThing(wordNet: WordNet, word: string): boolean {
  const entries = dictionaryForms(word).flatMap((form) => wordNet.lookup(form));
  const nouns = entries.filter((entry) => entry.pos === 'n');
  const noun = Math.max(0, ...nouns.map((entry) => entry.tagSenseCount));
  return (['v', 'a'] as const).some((pos) => {
    const senses = entries.filter((entry) => entry.pos === pos);
    return senses.length > 0 && (nouns.length === 0 || Math.max(...senses.map((entry) => entry.tagSenseCount)) > noun);
  });
}

/** The question's closing word can be a verb ("rule", "start"), or is a typo of one ("bulid" → build). */
function closesWithVerb(wordNet: WordNet, group: TermGroup): boolean {
  const canBeVerb = (word: string) => dictionaryForms(word).some((form) => wordNet.lookup(form).some((entry) => entry.pos === 'v'));
  return canBeVerb(group.word) || group.alternatives.some((alternative) => alternative.how === 'fuzzy' && canBeVerb(alternative.term));
}
