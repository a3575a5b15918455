/** "What did X say": the terms naming X, and the passage (or two sentences) where X speaks. */
import type { WordNet } from '../lexicon/wordnet.js';
import { dictionaryForms } from '../lexicon/word-roots.js';
import { splitWords, termsOfWord } from '../text/analyze-terms.js';
import { askedSpeaker, holdsPronounSpeech, holdsSpeech, namesSpeakerAt, roleHolderNames } from './answer-types.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import { isPartyName, namingTerms } from './party-checks.js';
import { ownerMemo } from './owner-memo.js';
import { MAX_EXCERPT_CHARS, type Passage } from './passages.js';
import { contentWords, type TermGroup } from './resolve-query-terms.js';

/** Whether a passage has a speaker speaking, remembered per engine (the same parties are asked about again and again). */
export const speechMemo = ownerMemo<Passage | null>(20_000);

/**
 * The passage that has the speaker speaking, for a candidate: the passage itself ("Keita told reporters…"),
 * or, when the speaker is named in one sentence and quoted in the next with a pronoun ("Marc Thibodeau,
 * Canada's deputy minister, was blunter." "“Every year we wait…,” he said."), both sentences as one excerpt
 * (the quote's passage, so a follow-up goes on after it). Undefined: neither.
 */
export function speechPassage(ctx: EngineContext, passage: Passage, speaker: ReadonlySet<string>, wordNet: WordNet): Passage | undefined {
  const speaking = holdsSpeech(passage.text, speaker, wordNet);
  if (!EVIDENCE.pronounSpeakers || passage.kind !== 'sentence') return speaking ? passage : undefined;
  const siblings = ctx.passagesOf(passage.docIndex, passage.sectionIndex);
  const names = (candidate: Passage | undefined): candidate is Passage => {
    if (candidate?.kind !== 'sentence') return false;
    const words = splitWords(candidate.text);
    return words.some((_, i) => namesSpeakerAt(words, i, speaker));
  };
  const pronounQuote = (candidate: Passage | undefined): candidate is Passage => candidate?.kind === 'sentence' && holdsPronounSpeech(candidate.text, wordNet);
  const previous = siblings[passage.order - 1];
  if (!speaking && pronounQuote(passage) && names(previous)) return joinSentences(ctx, previous, passage) ?? passage;
  const next = siblings[passage.order + 1];
  if (names(passage) && pronounQuote(next)) return joinSentences(ctx, passage, next) ?? (speaking ? passage : next);
  return speaking ? passage : undefined;
}

/** Two sentences of one paragraph as one passage (the second's id and place), when the excerpt stays short enough. */
function joinSentences(ctx: EngineContext, first: Passage, second: Passage): Passage | undefined {
  const text = `${first.text} ${second.text}`;
  if (text.length > MAX_EXCERPT_CHARS) return undefined;
  const section = ctx.documents[first.docIndex]?.sections[first.sectionIndex];
  const sameParagraph = section?.blocks.some((block) => block.type === 'paragraph' && block.text.replace(/\s+/g, ' ').includes(text));
  return sameParagraph ? { ...second, text } : undefined;
}

/** The article terms naming the speaker a "what did X say" question asks about, or undefined. */
export function speakerTerms(ctx: EngineContext, normalized: string, groups: TermGroup[]): Set<string> | undefined {
  const speaker = askedSpeaker(normalized);
  if (!speaker) return undefined;
  const words = new Set(contentWords(speaker, ctx.wordNet, ctx.index.vocabulary).flatMap((word) => [word, ...word.split('_')]));
  const asked = groups.filter((group) => words.has(group.word) || group.word.split('_').some((part) => words.has(part)));
  // "the cambodian minister": a party and a role. The role alone speaks for no one in particular (China's vice-minister is a
  // minister too): the party speaks, or the role's holder by name (below).
  const party = EVIDENCE.partyRoleSpeaksAsParty && ctx.wordNet ? asked.filter((group) => isPartyName(ctx, group.word.replace(/'s$/, ''))) : [];
  const speaking = party.length > 0 && party.length < asked.length && asked.some((group) => !party.includes(group) && isRoleWord(ctx, group)) ? party : asked;
  const terms = new Set(speaking.flatMap((group) => namingTerms(ctx, group)));
  // A name of several words the articles write ("the United States") speaks only as the whole name: one entry of its terms.
  if (EVIDENCE.wholeNameSpeakers) {
    for (const group of asked) {
      const own = group.alternatives.filter((alternative) => alternative.how === 'exact').map((alternative) => alternative.term);
      const parts = group.word.split('_').flatMap((part) => termsOfWord(part));
      if (parts.length < 2 || !parts.every((part) => own.includes(part))) continue;
      for (const part of parts) terms.delete(part);
      terms.add(parts.join(' '));
    }
  }
  // "what did the congolese minister say" when the quote names him only ("Kabeya said…"): the names the articles give
  // the role's holder, where they name the whole speaker ("DR Congo’s team is led by its minister of transport, Jean‑Pierre Kabeya").
  if (EVIDENCE.speakersByRoleHolder && ctx.wordNet && asked.length > 0) {
    // A ranking of its own: remembered per engine by the speaker's words (the same roles are asked about again and again).
    const names = holderNamesMemo(ctx, asked.map((group) => group.word).join(' '), () => holderNamesOf(ctx, asked));
    for (const name of names) addName(terms, name);
  }
  return terms.size > 0 ? terms : undefined;
}

const holderNamesMemo = ownerMemo<string[]>(2_000);

/** Passages looked at for the holder of a role asked as a speaker. */
const ROLE_HOLDER_PASSAGES = 5;

/** The names of the holder of the role a speaker is asked by ("the congolese minister"), from passages naming all of it. */
function holderNamesOf(ctx: EngineContext, asked: TermGroup[]): string[] {
  const wordNet = ctx.wordNet;
  if (!wordNet) return [];
  const roles = asked.filter((group) => isRoleWord(ctx, group));
  if (roles.length === 0) return [];
  const roleTerms = new Set(roles.flatMap((group) => group.alternatives.filter((alternative) => alternative.how !== 'lexicon').map((alternative) => alternative.term)));
  if (roleTerms.size === 0) return [];
  const whole = ctx.index.rank(asked).filter((scored) => scored.coverage === 1 && scored.passage.kind !== 'row').slice(0, ROLE_HOLDER_PASSAGES);
  return [...new Set(whole.flatMap((scored) => roleHolderNames(scored.passage.text, roleTerms, wordNet)))];
}

/** A word naming a kind of person ("minister", "fishermen", "prime_minister"), as written or as a plural. */
function isRoleWord(ctx: EngineContext, group: TermGroup): boolean {
  const forms = group.word.includes('_') ? [group.word] : dictionaryForms(group.word);
  return forms.some((form) => ctx.wordNet?.isPersonNoun(form) ?? false);
}

/** A person's name as speaker terms: the whole name as one entry, and the surname alone ("Kabeya said"). */
function addName(terms: Set<string>, name: string): void {
  const parts = splitWords(name).flatMap((word) => termsOfWord(word).slice(0, 1));
  if (parts.length === 0) return;
  terms.add(parts.join(' '));
  terms.add(parts[parts.length - 1] as string);
}
