/**
 * "what did he say", "who is she", "what is her role" in a thread: the pronoun stands for the person the last
 * answer named ("who leads zambia's delegation" → "…Mutale Banda…" → "what did mutale banda say"). A person
 * is read from the excerpt just quoted: who speaks in it, else the first full name (two or more capitalised
 * words, one of them no dictionary word: "Helena Cassoma", "Pieter van Loon"; not "European Commission").
 */
import type { ConversationState } from '../conversation/conversation-state.js';
import { inDictionary } from '../lexicon/expand-word.js';
import type { Resolution } from './answer-query.js';
import { namedSpeakerOf, passageById } from './attribution.js';
import { withQuery } from './follow-ups.js';
import { fullNames } from './person-names.js';
import type { EngineContext } from './engine-context.js';
import { isPartyName } from './party-checks.js';
import type { Passage } from './passages.js';
import { contentWords } from './resolve-query-terms.js';

/** A third-person pronoun for one person; "they" is left alone (it is the parties to the talks as often as anyone). */
const PERSON_PRONOUN = /\b(?:he|she|him|his|her|hers)\b/;

/**
 * The question with its person pronoun replaced by the name of the person the excerpt just quoted names,
 * asked afresh; undefined when the question has no such pronoun or the excerpt names nobody.
 */
export function resolvePersonPronoun(ctx: EngineContext, normalized: string, state: ConversationState, resolveFresh: (text: string) => Resolution): Resolution | undefined {
  if (!PERSON_PRONOUN.test(normalized) || namesSomeone(ctx, normalized)) return undefined;
  const passage = passageById(ctx, state.citedPassageId);
  if (!passage || passage.table) return undefined;
  const name = personOf(ctx, passage);
  if (!name) return undefined;
  // Later mentions of a person are by surname ("Banda told reporters"): the full name first, then its shorter forms.
  const words = name.toLowerCase().split(' ');
  const forms = [...new Set([words.join(' '), words.slice(1).join(' '), words[words.length - 1] ?? ''])];
  let first: { query: string; resolution: Resolution } | undefined;
  for (const form of forms) {
    const query = normalized.replace(new RegExp(PERSON_PRONOUN.source, 'g'), form);
    const resolution = resolveFresh(query);
    first ??= { query, resolution };
    if (resolution.draft.kind !== 'not_found') return withQuery(resolution, query);
  }
  return first && withQuery(first.resolution, first.query);
}

/** A question naming someone itself ("what did kabeya say about his government"): its pronoun is that one's. */
function namesSomeone(ctx: EngineContext, normalized: string): boolean {
  const words = contentWords(normalized, ctx.wordNet, ctx.index.vocabulary).filter((word) => !PERSON_PRONOUN.test(word));
  return words.some((word) => isPartyName(ctx, word) || !inDictionary(ctx.wordNet, word));
}

/**
 * The person a passage names: who speaks in it, as a full name of the passage or of its article ("Banda told
 * reporters" → "Mutale Banda"), else the passage's first full name; undefined when it names nobody that way
 * ("arguing that the Kolwezi mines…" has a place speak, never a person's full name).
 */
function personOf(ctx: EngineContext, passage: Passage): string | undefined {
  const local = fullNames(ctx, passage.text);
  const speaker = namedSpeakerOf(ctx, passage);
  if (speaker) {
    const ends = (name: string) => name === speaker || name.endsWith(` ${speaker}`) || name.includes(speaker);
    const named = local.find(ends) ?? articleNames(ctx, passage.docIndex).find(ends);
    if (named) return named;
  }
  return local[0];
}

/** Every full name of an article, remembered per engine. */
function articleNames(ctx: EngineContext, docIndex: number): string[] {
  let byDoc = namesMemo.get(ctx);
  if (!byDoc) namesMemo.set(ctx, (byDoc = new Map()));
  let names = byDoc.get(docIndex);
  if (!names) {
    const sections = ctx.documents[docIndex]?.sections ?? [];
    names = sections.flatMap((_, sectionIndex) => ctx.passagesOf(docIndex, sectionIndex).filter((passage) => !passage.table).flatMap((passage) => fullNames(ctx, passage.text)));
    byDoc.set(docIndex, names);
  }
  return names;
}

const namesMemo = new WeakMap<EngineContext, Map<number, string[]>>();
