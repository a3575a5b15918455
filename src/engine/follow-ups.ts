/**
 * Follow-ups that lean on what the thread just showed: "and the other side?" after a table row, "who said
 * that" and "source?" after an excerpt, "and Y?" after "what did X say", "why?" after a table row.
 * Each has a switch in FOLLOW_UP_OPTIONS (eval/ablate.ts turns them off one at a time).
 */
import type { ConversationState } from '../conversation/conversation-state.js';
import { isCountryPhrase } from '../lexicon/country-names.js';
import { baseForms, inDictionary } from '../lexicon/expand-word.js';
import { foldText } from '../text/fold-text.js';
import { isStopWord, splitWords } from '../text/analyze-terms.js';
import { answerQuestion, answerTableRows, notFound, type Resolution } from './answer-query.js';
import { askedSpeaker } from './answer-types.js';
import { outcomeQuestion } from './outcome-questions.js';
import { answerSource, answerWhoSaid, asksSource, asksWhoSaid, citedAnswer } from './attribution.js';
import type { EngineContext } from './engine-context.js';
import { isPartyName } from './party-checks.js';
import type { Passage } from './passages.js';
import { parseGrammar } from './query-grammar.js';
import { contentWords, nounContextWords, resolveQueryTerms } from './resolve-query-terms.js';
import type { LocatedTable } from './table-match.js';

/** Switches (eval/ablate.ts): each follow-up below, on as shipped. */
export const FOLLOW_UP_OPTIONS = {
  /** "and the other side?" after a table row: the other party's cell of the same row (parties read from the header). */
  otherSide: true,
  /** "who said that": the attribution of the excerpt just shown; "source?": that excerpt's citation again. */
  attribution: true,
  /** "and Y?" after "what did X say" asks "what did Y say", not X's words again. */
  speakerSwap: true,
  /** "why?" after a table row looks for the reason in the prose, never the row again. */
  whyBeyondRow: true,
  /** "and on the fee?" after "what did they not agree on" keeps the question's outcome: not_found rather than the fee's passages. */
  keepOutcome: true,
  /** "what did he say", "who is she": the pronoun is the person the excerpt just quoted names (person-pronouns.ts). */
  personPronouns: true,
  /** "no, I meant Iran" is the follow-up "and Iran?" (corrections.ts), not a question about "no" and "meant". */
  corrections: true,
  /** After "and Y?" made "what did X say" into "what did Y say", the thread's question is Y's ("when?" asks when Y said it). */
  swappedSpeakerStays: true,
  /** "when?", "where?": the passage the last answer quoted first is looked in before the others shown in its section. */
  whInLastAnswerFirst: true,
};

const OTHER_SIDE =
  /^(?:(?:and|but|so|ok|okay) )?(?:(?:what|how) about |what of |for |what (?:does|do|did|is|was) |what'?s )?(?:the )?other (?:side|party|one|camp|delegation|government|country|team)(?:'s)?(?: (?:position|stance|view|take|line|say|said|want|wants|think|thinks|on (?:that|this|it)))?[?!. ]*$/;
const WHY = /^(?:(?:and|but|so|ok|okay) )?(?:why|how come)(?: (?:is that|was that|is it|was it|so|not|then|though|exactly))?[?!. ]*$/;
/** Words a positions table's header adds to a party's name ("US Position", "Iran's stance"). */
const STANCE_WORDS = new Set(['position', 'positions', 'stance', 'stances', 'view', 'views', 'side', 'demand', 'demands', 'line']);
/** "and on billing?", "and for the fund?": a topic, never a speaker. */
const TOPIC_PREFIX = /^(?:and on|and for|same for|(?:what|how) about (?:on|for))\b|^(?:on|about|over|for|regarding)\b/;

/**
 * A follow-up of the kinds above, or undefined for the engine's other follow-ups. `resolveFresh` answers a
 * rewritten question as if it had been asked afresh.
 */
export function resolveThreadFollowUp(ctx: EngineContext, normalized: string, state: ConversationState, resolveFresh: (text: string) => Resolution): Resolution | undefined {
  const docIndex = ctx.documents.findIndex((document) => document.documentId === state.documentId);
  const table = ctx.tables.find((candidate) => candidate.block.tableId === state.tableId && candidate.docIndex === docIndex);
  if (FOLLOW_UP_OPTIONS.otherSide && OTHER_SIDE.test(normalized)) return answerOtherSide(ctx, state, table);
  if (FOLLOW_UP_OPTIONS.attribution && asksWhoSaid(normalized)) return answerWhoSaid(ctx, state);
  if (FOLLOW_UP_OPTIONS.attribution && asksSource(normalized)) return answerSource(ctx, state, table);
  if (FOLLOW_UP_OPTIONS.whyBeyondRow && table && state.rowIndexes.length > 0 && WHY.test(normalized)) return answerWhyBeyondRow(ctx, state, table);
  if (FOLLOW_UP_OPTIONS.speakerSwap) return swapSpeaker(ctx, normalized, state, resolveFresh);
  return undefined;
}

/**
 * Whether "and on X?" after an outcome question ("what did they not agree on", "what was agreed") keeps its
 * outcome even when no passage states it for X: the question rewritten is still one about the outcome.
 */
export function keepsOutcome(lastQuery: string, combined: string): boolean {
  return FOLLOW_UP_OPTIONS.keepOutcome && outcomeQuestion(lastQuery) !== undefined && outcomeQuestion(combined) !== undefined;
}

/**
 * The thread's question after a follow-up: the one before, as for every follow-up ("and on the fee?" goes on
 * from the question, not from its rewriting), except a speaker swapped in, which asks the question whole anew.
 */
export function threadQueryAfter(lastQuery: string | undefined, resolvedQuery: string | undefined): string | undefined {
  const swapped = FOLLOW_UP_OPTIONS.swappedSpeakerStays && lastQuery && resolvedQuery && askedSpeaker(lastQuery) && askedSpeaker(resolvedQuery);
  return swapped ? resolvedQuery : lastQuery;
}

/** The passages shown in the thread's section, the one the last answer quoted first (the thread's "that") first. */
export function lastAnswerFirst<T extends { id: string }>(shown: T[], state: ConversationState): T[] {
  if (!FOLLOW_UP_OPTIONS.whInLastAnswerFirst) return shown;
  return [...shown.filter((passage) => passage.id === state.citedPassageId), ...shown.filter((passage) => passage.id !== state.citedPassageId)];
}

/** "who said that", "source?": about the answer just given, so the thread's question stays the one before (for "and Y?"). */
export function asksAboutLastAnswer(normalized: string): boolean {
  return FOLLOW_UP_OPTIONS.attribution && (asksWhoSaid(normalized) || asksSource(normalized));
}

/**
 * The columns of a table whose header is a party's name, with or without a word of stance ("Serbia", "US
 * Position", "DR Congo"), never the label column nor a mediator's or status column ("EU proposal", "Where it
 * stands", "Longline boats"): every word left is a country, a proper name, or a capitalised name no
 * dictionary knows.
 */
export function partyColumns(ctx: EngineContext, table: LocatedTable): number[] {
  return table.block.columns.flatMap((header, index) => (index > 0 && partyOfHeader(ctx, header) !== undefined ? [index] : []));
}

/** The party a column header names ("US Position" → "US"), or undefined when it names none. */
function partyOfHeader(ctx: EngineContext, header: string): string | undefined {
  const tokens = header.split(/\s+/).filter((token) => splitWords(token).length > 0);
  const lower = (token: string) => (splitWords(token).join('_') || '').replace(/['’]s$/, '');
  const kept = tokens.filter((token) => !STANCE_WORDS.has(lower(token)) && !isStopWord(lower(token)));
  if (kept.length === 0) return undefined;
  const named = (token: string) => isCountryPhrase(lower(token)) || (/^\p{Lu}/u.test(token) && (isPartyName(ctx, lower(token)) || !inDictionary(ctx.wordNet, lower(token))));
  const whole = kept.map(lower).join('_');
  return isPartyName(ctx, whole) || kept.every(named) ? kept.join(' ') : undefined;
}

const labelOf = (table: LocatedTable, rowIndex: number) => table.block.rows[rowIndex]?.[0] ?? '';
const asQueryText = (text: string) => foldText(text).toLowerCase();
/** A resolution with the question it answered as the thread will remember it. */
export const withQuery = (resolution: Resolution, resolvedQuery: string): Resolution => ({ ...resolution, draft: { ...resolution.draft, resolvedQuery } });

/** "and the other side?": the other of the table's two parties on the same rows; the whole row when there are more. */
function answerOtherSide(ctx: EngineContext, state: ConversationState, table: LocatedTable | undefined): Resolution {
  if (!table || state.rowIndexes.length === 0) return notFound(ctx, [], 'Which side? The last answer was no row of a positions table: ask about a party by name.');
  const parties = partyColumns(ctx, table);
  const rows = state.rowIndexes;
  const topic = rows.length < table.block.rows.length ? ` on ${rows.map((row) => labelOf(table, row)).join(' and ')}` : '';
  const names = parties.map((column) => partyOfHeader(ctx, table.block.columns[column] ?? '') ?? '');
  if (parties.length === 2 && state.columnIndex !== undefined && parties.includes(state.columnIndex)) {
    const other = parties.find((column) => column !== state.columnIndex) as number;
    return withQuery(answerTableRows(ctx, table, rows, other, []), asQueryText(`${names[parties.indexOf(other)]}${topic}`));
  }
  if (parties.length < 2) return notFound(ctx, [], `Which side? The table has no two parties to compare: its columns are ${table.block.columns.map((column) => `“${column}”`).join(', ')}.`);
  const resolution = answerTableRows(ctx, table, rows, undefined, []);
  const whole = rows.length > 1 ? 'the whole rows' : 'the whole row';
  const notice = parties.length === 2 ? `Which side? The table's two parties are ${listed(names)}: here is ${whole}.` : `The table has ${parties.length} parties (${listed(names)}): here is ${whole}.`;
  return withQuery({ ...resolution, draft: { ...resolution.draft, notices: [notice] } }, asQueryText(`${names.join(' and ')}${topic}`));
}

const listed = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/**
 * "why?" after a table row: the reason in the prose, looked for with the previous question's words and the
 * row's party, among passages that are no row of the table and were not just shown, and that give a reason
 * (a word of cause or purpose: because, since, so that, arguing…); else not_found.
 */
function answerWhyBeyondRow(ctx: EngineContext, state: ConversationState, table: LocatedTable): Resolution {
  const column = state.columnIndex;
  const party = column !== undefined && partyColumns(ctx, table).includes(column) ? partyOfHeader(ctx, table.block.columns[column] ?? '') : undefined;
  const rows = state.rowIndexes.length < table.block.rows.length ? state.rowIndexes.map((row) => labelOf(table, row)) : [];
  // The previous question's own party may be the other side's now ("and kosovo?" went on along the row).
  const previous = contentWords(state.lastQuery ?? '', ctx.wordNet, ctx.index.vocabulary).filter((word) => !isPartyName(ctx, word));
  const words = [...new Set(contentWords([party ?? '', ...rows].join(' '), ctx.wordNet, ctx.index.vocabulary).concat(previous))];
  const text = `why ${words.map((word) => word.replace(/_/g, ' ')).join(' ')}`;
  const groups = resolveQueryTerms(words, ctx.index.vocabulary, ctx.wordNet, nounContextWords(text));
  // A reason for the party's position names the party, or its people by a word made from its name ("the Congolese delegation").
  const partyStems = party ? splitWords(party).filter((word) => word.length >= PARTY_STEM_MIN_LENGTH) : [];
  const namesParty = (passage: Passage) => partyStems.length === 0 || splitWords(passage.text).some((word) => partyStems.some((stem) => word.startsWith(stem)));
  const rowIds = ctx.passagesOf(table.docIndex, table.sectionIndex).filter((passage) => passage.table?.block === table.block).map((passage) => passage.id);
  const exclude = new Set([...rowIds, ...state.shownPassageIds]);
  // The best answers in turn, a few at a time, until one gives a reason.
  for (let round = 0; round < WHY_ROUNDS; round++) {
    const resolution = answerQuestion(ctx, text, groups, exclude);
    if (resolution.draft.kind === 'not_found') break;
    const reason = resolution.focus.shown.find((passage) => !passage.table && REASON.test(passage.text) && namesParty(passage));
    if (reason) return withQuery(citedAnswer(ctx, reason, new Set(groups.flatMap((group) => group.alternatives.map((alternative) => alternative.term))), 'The reason, from the prose beside the table.'), text);
    for (const passage of resolution.focus.shown) exclude.add(passage.id);
  }
  return notFound(ctx, groups, "The articles don't say why: no passage besides the table's row gives a reason for it.");
}

/** A party's name this long or longer starts the words made from it (Zambia → Zambian, Congo → Congolese). */
const PARTY_STEM_MIN_LENGTH = 4;
/** Answers "why?" looks through (each up to EVIDENCE.maxPassages passages) for one giving a reason. */
const WHY_ROUNDS = 3;
/** A word of cause or purpose: the passage gives a reason ("since" before a year only dates). */
const REASON = /\b(?:because|since (?!\d)|so that|so as to|in order to|due to|owing to|as a result|thanks to|argu(?:e|es|ed|ing)|reasons?|why|given that|for fear|to (?:avoid|prevent|protect|keep|stop|ensure))\b/i;

/** "and kosovo?" after "what did ilic say": "what did kosovo say", when the new words can name a speaker. */
function swapSpeaker(ctx: EngineContext, normalized: string, state: ConversationState, resolveFresh: (text: string) => Resolution): Resolution | undefined {
  const grammar = parseGrammar(normalized);
  if (grammar.type !== 'and' || !state.lastQuery || TOPIC_PREFIX.test(normalized) || TOPIC_PREFIX.test(grammar.rest)) return undefined;
  const speaker = askedSpeaker(state.lastQuery);
  if (!speaker) return undefined;
  const words = contentWords(grammar.rest, ctx.wordNet, ctx.index.vocabulary);
  const wordNet = ctx.wordNet;
  const canSpeak = (word: string) => {
    const forms = [word, ...baseForms(word)];
    return isPartyName(ctx, word) || forms.some((form) => (wordNet?.isPersonNoun(form) ?? false) || (wordNet?.isGroupNoun(form) ?? false)) || !forms.some((form) => wordNet?.has(form) ?? false);
  };
  if (words.length === 0 || !words.every(canSpeak)) return undefined;
  const match = /\b(?:what|how)\s+(?:did|does|do|has|have|had|is|are|was|were)\s+/.exec(state.lastQuery);
  if (!match) return undefined;
  const at = match.index + match[0].length;
  const query = `${state.lastQuery.slice(0, at)}${grammar.rest}${state.lastQuery.slice(at + speaker.length)}`;
  return withQuery(resolveFresh(query), query);
}
