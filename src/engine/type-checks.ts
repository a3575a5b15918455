/** Whether a passage can answer the kind of fact a question asks for: who (a name, a role's holder, a party), how many (a count of the noun). */
import { isCountryPhrase } from '../lexicon/country-names.js';
import { isLeadingVerb, leaderNouns } from '../lexicon/leading-verbs.js';
import { irregularFormsOf, rootOf } from '../lexicon/word-roots.js';
import { analyzeText, splitWords, termsOfWord } from '../text/analyze-terms.js';
import { answerSpans, countedNoun, entityNames, holdsCount, MONTH_LIST, namesRoleHolder, passiveAgentRoles, yearsOf, type AnswerType } from './answer-types.js';
import { excerptOf } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import { askedMeasure, figureAfterNoun, measureSpans, shareSpans, type AskedMeasure } from './measure-questions.js';
import { ownerMemo } from './owner-memo.js';
import { answeringCell, isPartyName, namingTerms } from './party-checks.js';
import type { ScoredPassage } from './passage-index.js';
import type { Passage } from './passages.js';
import type { TermGroup } from './resolve-query-terms.js';

/**
 * Whether a passage can answer the question's type. "Who" accepts a person's name, or a place or
 * organisation acting in the passage that the question does not itself name ("who is hosting" → Oman).
 */
export function holdsAnswerType(ctx: EngineContext, scored: ScoredPassage, wanted: AnswerType, groups: TermGroup[], normalized = ''): boolean {
  const { passage } = scored;
  // "who leads zambia's delegation" is "who is the leader of zambia's delegation": a name, with what is led named in the passage or the sentence before (before any role the question's words may name: "the croatian delegation").
  const led = wanted === 'person' && EVIDENCE.leadersArePeople ? (ledTermsMemo(ctx, normalized, () => ledTerms(ctx, groups, normalized) ?? null) ?? undefined) : undefined;
  if (led) return ctx.holdsAnswerType(passage, 'person') && mentionsInContext(ctx, passage, led);
  // "who is guyana's president": a role asked for is answered by its holder's name, next to it.
  const roles = wanted === 'person' && EVIDENCE.roleHolderNamed && asksWhoIs(normalized) ? roleTerms(ctx, groups) : undefined;
  if (roles) {
    // The roles and parties follow from the question's words: the question and the switches key the memo.
    const key = `${passage.id}|${normalized}|${EVIDENCE.roleOfNamedParty}|${EVIDENCE.roleRanks}|${EVIDENCE.roleByRelative}|${EVIDENCE.possessiveRoleParty}`;
    return roleHolderMemo(ctx, key, () =>
      namesRoleHolder(passage.text, roles, ctx.wordNet, EVIDENCE.roleOfNamedParty ? roleParties(ctx, groups) : [], EVIDENCE.roleRanks ? new Set(splitWords(normalized)) : undefined, EVIDENCE.possessiveRoleParty ? previousPassage(ctx, passage)?.text : undefined),
    );
  }
  // "what percentage", "how far from shore", "how much water": a figure of that measure, not any number.
  const measure = askedMeasureOf(ctx, normalized, wanted);
  if (measure?.strict) return holdsMeasure(ctx, passage, measure, groups);
  if (ctx.holdsAnswerType(passage, wanted)) return true;
  if (wanted !== 'person') return false;
  // A positions table answers "who wants X" by the column whose cell says X (its header names the party).
  if (passage.table && EVIDENCE.cellNamesColumn) {
    // The cell must say most of what is asked ("a cap … passengers"), not share one word with it ("regional").
    const column = answeringCell(passage, groups, EVIDENCE.answeringCellShare);
    const header = column === undefined ? undefined : passage.table.block.columns[column];
    if (header && entityNames(header).length > 0) return true;
  }
  if (scored.coverage < 1) return false;
  // The place or organisation must be doing what the question asks, in the question's own words (or a typo
  // of them): "who is hosting the talks" → "…impartial hosting…", not a looser relative of "led".
  const passageTerms = new Set(analyzeText(passage.text));
  const own = groups.filter((group) => group.alternatives.some((alternative) => alternative.how !== 'lexicon' && passageTerms.has(alternative.term))).length;
  const ownWords = own >= Math.ceil(groups.length * EVIDENCE.entityOwnWordsShare);
  const queryWords = new Set(groups.flatMap((group) => group.word.split('_')));
  if (ownWords && entityNamesMemo(ctx, passage.id, () => entityNames(passage.text)).some((name) => splitWords(name).every((word) => !queryWords.has(word)))) return true;
  // Or a role doing it: "who came up with the release figure" → "…was brokered by the envoy's team".
  return ownWords && EVIDENCE.whoByAgentRole && agentRolesOf(ctx, passage).some((role) => !queryWords.has(role));
}

/** "who leads", "who is heading", "who chaired": the question's verb, when it is one of leading (leading-verbs.ts). */
function leadingVerbOf(ctx: EngineContext, normalized: string): string | undefined {
  const verb = /^who\s+(?:(?:is|was|are|were|will|would|has|had)\s+)?(?:(?:currently|now|still)\s+)?([a-z]+)\b/.exec(normalized)?.[1];
  return verb !== undefined && ctx.wordNet !== undefined && isLeadingVerb(ctx.wordNet, verb) ? verb : undefined;
}

/** Whether a "who" question's verb is one of leading: a question for a person's name, never a party's column. */
export function asksWhoLeads(ctx: EngineContext, normalized: string): boolean {
  return leadingVerbOf(ctx, normalized) !== undefined;
}

/** Whether the passage, or the sentence before it in its section, uses one of the terms ("The two delegations: …" before "Zambia sent its minister…"). */
function mentionsInContext(ctx: EngineContext, passage: Passage, terms: ReadonlySet<string>): boolean {
  return [passage, previousPassage(ctx, passage)].some((candidate) => candidate !== undefined && analyzeText(candidate.text).some((term) => terms.has(term)));
}

/** The passage before this one in its section (the sentence before, in prose). */
function previousPassage(ctx: EngineContext, passage: Passage): Passage | undefined {
  return passage.order > 0 ? ctx.passagesOf(passage.docIndex, passage.sectionIndex)[passage.order - 1] : undefined;
}

/** What a "who leads X" question asks the leader of: the article's own terms of its words but the verb and the parties ("zambia's"). */
function ledTerms(ctx: EngineContext, groups: TermGroup[], normalized: string): Set<string> | undefined {
  const verb = leadingVerbOf(ctx, normalized);
  if (verb === undefined) return undefined;
  const terms = groups
    .filter((group) => group.word !== verb && !isPartyName(ctx, group.word.replace(/'s$/, '')))
    .flatMap((group) => group.alternatives.filter((alternative) => alternative.how !== 'lexicon').map((alternative) => alternative.term));
  if (terms.length === 0 || !ctx.wordNet) return undefined;
  // …or a word of leading named there instead: the verb in any form ("led by"), a leader it derives ("the commission's chair").
  const root = rootOf(verb).root;
  const leading = [verb, root, ...irregularFormsOf(root), ...leaderNouns(ctx.wordNet, verb).flatMap((noun) => noun.split('_'))];
  return new Set([...terms, ...leading.flatMap((word) => termsOfWord(word))]);
}

/** "who is guyana's president", "who was the mediator": a question for the holder of a role (not "who wants X"). */
function asksWhoIs(normalized: string): boolean {
  return /^who(?:'s| is| was| are| were)\b/.test(normalized);
}

/** The article terms of the roles a "who" question names (president, envoy: WordNet person nouns), or undefined. */
function roleTerms(ctx: EngineContext, groups: TermGroup[]): Set<string> | undefined {
  const wordNet = ctx.wordNet;
  if (!wordNet) return undefined;
  // A person noun, even one WordNet also capitalises (President), but not a country ("guyana's").
  // As written or as a plural: "hosting" is no host.
  const nounForms = (word: string) => [word, word.replace(/'s$/, ''), word.replace(/e?s$/, '')];
  const roles = groups.filter((group) => !isCountryPhrase(group.word.replace(/'s$/, '')) && nounForms(group.word).some((form) => wordNet.isPersonNoun(form)));
  // A role the articles name only by a relative ("president" → chair) is still a role: its holder is named next to the relative.
  const termsOf = (group: TermGroup) => {
    const own = group.alternatives.filter((alternative) => alternative.how !== 'lexicon');
    return (own.length > 0 || !EVIDENCE.roleByRelative ? own : group.alternatives).map((alternative) => alternative.term);
  };
  const terms = roles.flatMap(termsOf);
  return terms.length > 0 ? new Set(terms) : undefined;
}

/**
 * The parties a "who is <role>" question names ("japan's", "the japanese", "of papua new guinea"): each one's
 * article terms (its own words, or a name standing for it: japanese → japan), for the role's holder to be theirs.
 */
function roleParties(ctx: EngineContext, groups: TermGroup[]): Array<Set<string>> {
  return groups
    .filter((group) => isPartyName(ctx, group.word.replace(/'s$/, '')))
    .map((group) => new Set(namingTerms(ctx, group)))
    .filter((terms) => terms.size > 0);
}

/** What a "who leads X" question asks the leader of, once per question rather than per candidate passage (the question's words key it). */
const ledTermsMemo = ownerMemo<Set<string> | null>(2_000);

/** Tagging a passage's places and organisations, and looking for a role's holder, remembered per engine (compromise is the costly part). */
const entityNamesMemo = ownerMemo<string[]>(20_000);
const roleHolderMemo = ownerMemo<boolean>(20_000);

/** A passage's passive agent roles, remembered per engine (tokenising and WordNet look-ups, once per passage). */
const agentRoleMemo = ownerMemo<string[]>(20_000);

function agentRolesOf(ctx: EngineContext, passage: Passage): string[] {
  const wordNet = ctx.wordNet;
  return wordNet ? agentRoleMemo(ctx, passage.id, () => passiveAgentRoles(passage.text, wordNet)) : [];
}

/** The article terms of the noun a "how many" question counts (its group's alternatives), or undefined. */
export function countedTerms(normalized: string, groups: TermGroup[]): Set<string> | undefined {
  return nounTerms(countedNoun(normalized), groups);
}

/** The article terms of a noun of the question (its group's own words and close synonyms), or undefined. */
function nounTerms(noun: string | undefined, groups: TermGroup[]): Set<string> | undefined {
  const group = noun === undefined ? undefined : groups.find((candidate) => candidate.word === noun || candidate.word.split('_').includes(noun));
  // Its own words or close synonyms (choppers → helicopters), not looser relatives ("countries" → the "States" of a name).
  const terms = group?.alternatives.filter((alternative) => alternative.how !== 'lexicon' || alternative.weight >= EVIDENCE.countedSynonymWeight).map((alternative) => alternative.term) ?? [];
  // A noun the articles name only by a looser relative ("journalists" → correspondent) is counted by it, never waived (any number).
  if (terms.length === 0 && EVIDENCE.countRelatives && group && group.alternatives.length > 0) return new Set(group.alternatives.map((alternative) => alternative.term));
  return terms.length > 0 ? new Set(terms) : undefined;
}

/** "when will the ban be agreed", "when is the survey going to start": a question about a date still to come. */
export function asksWhenWill(normalized: string): boolean {
  return /\bwhen (will|would|shall)\b|\bwhen\b.*\b(going to|due to|expected to|set to)\b/.test(normalized);
}

/**
 * A passage speaking of something still to come: a future or modal verb, "due", "expected", "next", "planned",
 * "from <date>", or a year after the article's own ("Ministers meet in Iqaluit in late April 2027", filed in 2026).
 */
const FUTURE = new RegExp(`\\b(will|would|shall|should|due|expected|expects|plans?|planned|scheduled|set to|next|upcoming|later|aims?|hopes?)\\b|['’]ll\\b|\\bfrom (\\d{1,2} )?(${MONTH_LIST}|\\d{4})\\b`, 'i');

export function speaksOfFuture(text: string, asOf: string): boolean {
  if (FUTURE.test(text)) return true;
  const year = Number(asOf.slice(0, 4));
  return yearsOf(text).some((named) => named > year);
}

/**
 * Whether a passage gives its answer of the asked type next to the question's own words: "took effect in July
 * 2024" for "when did the ban take effect", not a lede's "on Friday" twenty words from "ban"; "a fund of $240
 * million" for "how big is the fund", not another sentence of the fund's section. With a measure asked ("how fast"),
 * its figures are the answers ("a 10‑knot speed limit"). Undefined when the type is found by a tagger only (who,
 * where) or the passage gives no such answer.
 */
export function answerNearQuestion(text: string, wanted: AnswerType, terms: ReadonlySet<string>, measure?: AskedMeasure, window = EVIDENCE.typedAnswerWindow): boolean | undefined {
  const spans = measure ? measureAnswerSpans(text, measure) : answerSpans(text, wanted);
  // A "where" answer is a place after "in", "at", "near"…: a passage naming places only otherwise ("held by Guyana") is as good as far.
  if (!spans || spans.length === 0) return wanted === 'place' && spans ? false : undefined;
  return spansNearTerms(text, spans, terms, window);
}

/** Whether one of the spans is within `window` words of a word of one of `terms`. */
function spansNearTerms(text: string, spans: Array<[number, number]>, terms: ReadonlySet<string>, window: number, afterOnly = false): boolean {
  const tokens = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length, word: match[0] }));
  const answering = tokens.flatMap((token, index) => (spans.some(([start, end]) => start < token.end && end > token.start) ? [index] : []));
  const asked = tokens.flatMap((token, index) => (splitWords(token.word).some((word) => termsOfWord(word).some((term) => terms.has(term))) ? [index] : []));
  return answering.some((a) => asked.some((q) => q !== a && (afterOnly ? q > a && q - a <= window : Math.abs(q - a) <= window)));
}

/** A figure written as a modifier of the noun after it: "300‑kilometre", "40-metre", "12‑knot". */
const MODIFIER_FIGURE = /\d[\u2010-\u2015-]\p{L}/u;

/** The measure a question for a number asks for ("what percentage" → a share), remembered per engine and question. */
export function askedMeasureOf(ctx: EngineContext, normalized: string, wanted: AnswerType): AskedMeasure | undefined {
  if (wanted !== 'number' || normalized === '') return undefined;
  return askedMeasureMemo(ctx, normalized, () => askedMeasure(normalized, ctx.wordNet) ?? null) ?? undefined;
}

const askedMeasureMemo = ownerMemo<AskedMeasure | null>(2_000);
const measureMemo = ownerMemo<boolean>(20_000);

/**
 * Whether a passage gives a figure of the asked measure: a share, a change, a distance, a speed, an amount with its
 * unit (or a share next to the amount's noun), a number of units of time; for "how much notice", a figure next to
 * the noun ("24 hours' notice", "notice of 24 hours"), as "how many" needs ("11 Guyanese fishing boats" is no notice).
 */
function holdsMeasure(ctx: EngineContext, passage: Passage, measure: AskedMeasure, groups: TermGroup[]): boolean {
  if (measure.kind === 'thing') {
    const terms = nounTerms(measure.noun, groups);
    if (!terms) return ctx.holdsAnswerType(passage, 'number');
    const excerpt = excerptOf(passage);
    return holdsCount(excerpt, terms) || figureAfterNoun(excerpt, terms);
  }
  if (measure.ofThing && EVIDENCE.measuredThingWindow > 0) {
    // "how deep is the caspian sea": a figure written as a modifier measures the noun after it ("a 300‑kilometre gas
    // pipeline under the Caspian Sea" is the pipeline's length), which must be the thing asked about ("a 40‑metre
    // wall"); a figure standing alone ("the wall … runs for 2.4 kilometres") measures the passage's subject.
    const terms = new Set(groups.flatMap((group) => group.alternatives.filter((alternative) => alternative.how !== 'lexicon').map((alternative) => alternative.term)));
    const spans = measureSpans(passage.text, measure);
    const ownThing = ([start, end]: [number, number]) => !MODIFIER_FIGURE.test(passage.text.slice(start, end)) || spansNearTerms(passage.text, [[start, end]], terms, EVIDENCE.measuredThingWindow, true);
    return spans.some(ownThing);
  }
  if (measureMemo(ctx, `${measure.kind}|${measure.unit ?? ''}|${measure.ofThing ? 1 : 0}${measure.extent ? 1 : 0}|${passage.id}`, () => measureSpans(passage.text, measure).length > 0)) return true;
  // "how much water does egypt get from the nile": a share of the water ("97%: the share of Egypt's fresh water").
  const terms = measure.kind === 'amount' ? nounTerms(measure.noun, groups) : undefined;
  return terms !== undefined && spansNearTerms(passage.text, shareSpans(passage.text), terms, EVIDENCE.typedAnswerWindow);
}

/** Where a text gives a figure of the measure, to find whether it sits by the question's words. */
function measureAnswerSpans(text: string, measure: AskedMeasure): Array<[number, number]> {
  if (measure.kind === 'thing') return [...(answerSpans(text, 'number') ?? []), ...(answerSpans(text, 'duration') ?? [])];
  return measure.kind === 'amount' ? [...measureSpans(text, measure), ...shareSpans(text)] : measureSpans(text, measure);
}
