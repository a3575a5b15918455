import { bridgeUnknownWord } from './bridge-unknown-word.js';
import { holdsQuestionInContext } from './context-coverage.js';
import { ANSWER_TYPE_OPTIONS, askedSpeaker, expectedAnswerType, holdsCount, type AnswerType } from './answer-types.js';
import type { AnswerDraft } from './compose-answer.js';
import { answerTable, citationOf, excerptOf, moreAction, positionsAction, sectionRef } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import { answeringCell, partyGroups } from './party-checks.js';
import { RESOLVE_OPTIONS, type TermGroup } from './resolve-query-terms.js';
import { isByline, isEditorsNote, type Passage } from './passages.js';
import { RELATED_POSTING_BUDGET, type ScoredPassage } from './passage-index.js';
import { speakerTerms, speechMemo, speechPassage } from './speaker-checks.js';
import { holdsQuotation } from './quote-requests.js';
import { matchTable, type LocatedTable } from './table-match.js';
import { termSet } from './table-questions.js';
import { aboutAnotherTime, namedTimes } from './time-words.js';
import { answerNearQuestion, askedMeasureOf, asksWhenWill, countedTerms, holdsAnswerType, speaksOfFuture } from './type-checks.js';

/** Evidence thresholds live in evidence.ts; re-exported for the engine's other files and the ablation script. */
export { EVIDENCE } from './evidence.js';
/** The table questions live in table-questions.ts; re-exported for the engine's other files. */
export { answerPositions, answerTableRows, findMissingColumn, findTableQuestion } from './table-questions.js';
/** A party's name, for build-engine's follow-ups. */
export { isPartyName } from './party-checks.js';

/** What the engine focused on, for the thread's next turn. */
export interface Focus {
  docIndex?: number;
  sectionIndex?: number;
  shown: Passage[];
  table?: LocatedTable;
  rowIndexes?: number[];
  columnIndex?: number;
}

export interface Resolution {
  draft: AnswerDraft;
  focus: Focus;
}


/**
 * A section keyword (`oman`, `background`, `key points`): the section whose title holds every word. Longer
 * queries qualify only when they name a whole title (a title picked from the autocomplete, pasted, or typed out).
 */
export function answerSectionKeyword(ctx: EngineContext, words: string[], groups: TermGroup[], normalized = ''): Resolution | undefined {
  if (words.length === 0) return undefined;
  if (EVIDENCE.typedQuestionsAreNoKeywords && EVIDENCE.useAnswerTypes && KEYWORD_BLOCKING_TYPES.has(expectedAnswerType(normalized, undefined) ?? 'person')) return undefined;
  // "what did the mediators say" asks for what they said, not for the section on mediation.
  if (EVIDENCE.useSpeakerCheck && EVIDENCE.useAnswerTypes && askedSpeaker(normalized) !== undefined) return undefined;
  const wholeTitleOnly = words.length > EVIDENCE.maxKeywordWords;
  const candidates: Array<{ docIndex: number; sectionIndex: number; share: number }> = [];
  // Only sections whose title names every word qualify: look up those naming the rarest word, not every section.
  let sections: Array<[number, number]> | undefined;
  for (const group of groups) {
    const terms = group.alternatives.filter((alternative) => alternative.how !== 'lexicon' && alternative.how !== 'prefix').map((alternative) => alternative.term);
    const named = ctx.index.sectionsByTitle(terms, group.word.length >= RESOLVE_OPTIONS.titlePrefixMinLength ? group.word : undefined);
    if (!sections || named.length < sections.length) sections = named;
  }
  for (const [docIndex, sectionIndex] of sections ?? []) {
    const titleTerms = ctx.index.sectionTitleTerms.get(`${docIndex}:${sectionIndex}`) ?? new Set<string>();
    const titleWords = ctx.index.sectionTitleWords.get(`${docIndex}:${sectionIndex}`) ?? [];
    // Each word names the title: by its term, or as the start of a title word ("intro").
    const all = groups.every(
      (group) =>
        group.alternatives.some((alternative) => alternative.how !== 'lexicon' && alternative.how !== 'prefix' && titleTerms.has(alternative.term)) ||
        (group.word.length >= RESOLVE_OPTIONS.titlePrefixMinLength && titleWords.some((word) => word.startsWith(group.word))),
    );
    if (all && titleTerms.size > 0 && (!wholeTitleOnly || groups.length >= titleTerms.size)) candidates.push({ docIndex, sectionIndex, share: groups.length / titleTerms.size });
  }
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.share - a.share || a.docIndex - b.docIndex || a.sectionIndex - b.sectionIndex);
  const [top, ...others] = candidates;
  if (!top) return undefined;
  return sectionAnswer(ctx, top.docIndex, top.sectionIndex, 0, termSet(groups), others.slice(0, 4).map((other) => sectionRef(ctx, other.docIndex, other.sectionIndex)));
}

/** A section from passage `from` on: its opening passages first, with a button for the rest. */
export function sectionAnswer(ctx: EngineContext, docIndex: number, sectionIndex: number, from: number, terms: Set<string>, related: AnswerDraft['related'] = []): Resolution {
  const all = ctx.passagesOf(docIndex, sectionIndex);
  // A byline or a time stamp opening the section is no part of what it says: start after them (they count as read).
  const skipped: Passage[] = [];
  while (from === skipped.length && from < all.length - 1 && (isByline((all[from] as Passage).text) || isEditorsNote((all[from] as Passage).text))) skipped.push(all[from++] as Passage);
  const passages = all.slice(from, from + EVIDENCE.maxPassages);
  const table = ctx.tables.find((candidate) => candidate.docIndex === docIndex && candidate.sectionIndex === sectionIndex);
  const citations = dedupeByExcerpt(passages.map((passage) => citationOf(ctx, passage, terms)));
  const actions = [moreAction(ctx, docIndex, sectionIndex, from + passages.length), positionsAction(ctx, table)].filter((action) => action !== undefined);
  return {
    draft: { kind: 'section', citations, related: related ?? [], actions, ...(table ? { table: answerTable(ctx, table) } : {}) },
    focus: { docIndex, sectionIndex, shown: [...skipped, ...withListSiblings(ctx, passages)] },
  };
}

/**
 * The passages shown, with the rest of any short list one of them quoted whole (its lead-in and items): a
 * follow-up goes on after the list instead of quoting it again.
 */
function withListSiblings(ctx: EngineContext, passages: Passage[]): Passage[] {
  const out = new Map(passages.map((passage) => [passage.id, passage]));
  for (const passage of passages) {
    if (!passage.list || excerptOf(passage) === passage.text) continue;
    for (const sibling of ctx.passagesOf(passage.docIndex, passage.sectionIndex)) if (sibling.list === passage.list || sibling.list?.items === passage.list.items) out.set(sibling.id, sibling);
  }
  return [...out.values()];
}

function dedupeByExcerpt<T extends { excerpt: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.excerpt) ? false : (seen.add(item.excerpt), true)));
}

/** One passage as the answer, cited, with its section's More button: a follow-up answered from what was just shown. */
export function passageAnswer(ctx: EngineContext, passage: Passage): Resolution {
  const actions = [moreAction(ctx, passage.docIndex, passage.sectionIndex, 0)].filter((action) => action !== undefined);
  return { draft: { kind: 'answer', citations: [citationOf(ctx, passage, new Set())], actions }, focus: { docIndex: passage.docIndex, sectionIndex: passage.sectionIndex, shown: withListSiblings(ctx, [passage]) } };
}

/** Not found, with the two nearest sections as "possibly related". */
export function notFound(ctx: EngineContext, groups: TermGroup[], reason: string, ranked: ScoredPassage[] = ctx.index.rank(groups, undefined, RELATED_POSTING_BUDGET)): Resolution {
  const related: AnswerDraft['related'] = [];
  const seen = new Set<string>();
  for (const scored of ranked) {
    const key = `${scored.passage.docIndex}:${scored.passage.sectionIndex}`;
    if (seen.has(key)) continue;
    seen.add(key);
    related.push(sectionRef(ctx, scored.passage.docIndex, scored.passage.sectionIndex));
    if (related.length === 2) break;
  }
  return { draft: { kind: 'not_found', citations: [], related, notices: [reason] }, focus: { shown: [] } };
}

/** A free question: the best 1–3 passages, or not_found when the evidence is weak or of the wrong type. */
export function answerQuestion(ctx: EngineContext, normalized: string, asked: TermGroup[], exclude: Set<string> = new Set(), mustHold?: (passage: Passage) => boolean): Resolution {
  if (asked.length === 0) return notFound(ctx, asked, "The articles don't cover that: ask about something they mention (try `help`).");
  const groups = repairRealWordTypos(ctx, asked) ?? bridgeUnknownWord(ctx, asked) ?? asked;
  const unknown = groups.filter((group) => group.alternatives.length === 0).map((group) => group.word);
  if (unknown.length > 0) return notFound(ctx, groups, `The articles don't cover that: they never mention ${unknown.map((word) => `“${word.replace(/_/g, ' ')}”`).join(', ')}.`);
  const wanted = EVIDENCE.useAnswerTypes ? expectedAnswerType(normalized, ctx.wordNet) : undefined;
  const ranked = ctx.index.rank(groups).filter((scored) => !exclude.has(scored.passage.id));
  const sectionCoverage = sectionCoverages(ranked, groups.length);
  // Per section, not per passage: at archive scale a question ranks thousands of passages in a few hundred sections.
  const titleCoverages = new Map<string, number>();
  const titleCoverage = (key: string) => {
    let coverage = titleCoverages.get(key);
    if (coverage === undefined) {
      const titleTerms = ctx.index.sectionTitleTerms.get(key) ?? new Set<string>();
      coverage = groups.filter((group) => group.alternatives.some((alternative) => alternative.how !== 'lexicon' && titleTerms.has(alternative.term))).length / groups.length;
      titleCoverages.set(key, coverage);
    }
    return coverage;
  };
  const parties = EVIDENCE.rowsSpeakForTheirColumns ? partyGroups(ctx, groups) : [];
  // "how long did tuesday's session last": a passage about Monday's session is about another time.
  const times = EVIDENCE.otherDayOrMonth ? namedTimes(normalized) : undefined;
  let candidates: Array<{ scored: ScoredPassage; final: number }> = [];
  for (const scored of ranked) {
    if (scored.coverage < EVIDENCE.minPassageCoverage || (mustHold && !mustHold(scored.passage))) continue;
    // A table row speaks for its columns' parties: "russia's position on fuel oil" is no column's cell.
    if (scored.passage.table && parties.some((index) => !scored.groups.has(index))) continue;
    if (times && aboutAnotherTime(times, scored.passage.text)) continue;
    const key = sectionKey(scored.passage);
    const coverage = sectionCoverage.get(key) ?? 0;
    if (coverage < EVIDENCE.minSectionCoverage) continue;
    candidates.push({ scored, final: scored.score * (0.3 + 0.7 * scored.strength) * (0.5 + 0.5 * coverage) * (1 + EVIDENCE.titleBoost * titleCoverage(key)) });
  }
  // Several articles on the same talks: the newest one's passage first when it is about as good (its figures are the latest).
  if (EVIDENCE.olderArticleFactor < 1 && ctx.documents.length > 1) {
    const newest = candidates.reduce((latest, { scored }) => ((ctx.documents[scored.passage.docIndex]?.asOf ?? '') > latest ? (ctx.documents[scored.passage.docIndex]?.asOf ?? '') : latest), '');
    for (const candidate of candidates) if ((ctx.documents[candidate.scored.passage.docIndex]?.asOf ?? '') < newest) candidate.final *= EVIDENCE.olderArticleFactor;
  }
  // Ties in reading order (document, section, passage): what comparing the ids `d:s:n` numerically gave.
  candidates.sort((a, b) => b.final - a.final || readingOrder(a.scored.passage, b.scored.passage));
  if (candidates.length === 0) return notFound(ctx, groups, "The articles don't cover that: nothing in them matches enough of the question.", ranked);
  if (wanted) {
    const counted = wanted === 'number' && EVIDENCE.countTheNoun ? countedTerms(normalized, groups) : undefined;
    // "when will the ban be agreed": a date something is due on, not the date something already happened.
    const future = wanted === 'date' && EVIDENCE.futureWhen && asksWhenWill(normalized);
    // "when did construction begin": the passage (or the sentence before it) must be about construction, not any beginning.
    const heldBy = groupsById(ranked);
    const inContext = EVIDENCE.typedNounsInContext && wanted !== 'person' && wanted !== 'place' ? (scored: ScoredPassage) => holdsQuestionInContext(ctx, scored, heldBy, groups, normalized) : undefined;
    candidates = candidates
      .slice(0, EVIDENCE.typeCheckDepth)
      .filter(({ scored }) => (!inContext || inContext(scored)) && holdsAnswerType(ctx, scored, wanted, groups, normalized) && (!counted || holdsCount(excerptOf(scored.passage), counted)) && (!future || speaksOfFuture(scored.passage.text, ctx.documents[scored.passage.docIndex]?.asOf ?? '')));
    if (candidates.length === 0) return notFound(ctx, groups, `The articles don't say: no passage gives ${ANSWER_TYPE_WORDS[wanted]} for that.`, ranked);
    if (EVIDENCE.farTypedAnswerFactor < 1) {
      const terms = termSet(groups);
      candidates = candidates
        .map((candidate) => (answerNearQuestion(candidate.scored.passage.text, wanted, terms, askedMeasureOf(ctx, normalized, wanted)) === false ? { ...candidate, final: candidate.final * EVIDENCE.farTypedAnswerFactor } : candidate))
        .sort((a, b) => b.final - a.final || readingOrder(a.scored.passage, b.scored.passage));
    }
  }
  const speaker = EVIDENCE.useSpeakerCheck && EVIDENCE.useAnswerTypes && ctx.wordNet ? speakerTerms(ctx, normalized, groups) : undefined;
  if (speaker && ctx.wordNet) {
    const wordNet = ctx.wordNet;
    // The switches that change who speaks are part of the key (the memo outlives a switch flipped in a test or an ablation).
    const key = `${[...speaker].sort().join(' ')}|${ANSWER_TYPE_OPTIONS.speakerAcrossInsertion}|${ANSWER_TYPE_OPTIONS.sayingVerbsOnly}`;
    const seenQuotes = new Set<string>();
    candidates = candidates.slice(0, EVIDENCE.typeCheckDepth).flatMap((candidate) => {
      const quoted = speechMemo(ctx, `${candidate.scored.passage.id}|${key}`, () => speechPassage(ctx, candidate.scored.passage, speaker, wordNet) ?? null);
      if (!quoted || seenQuotes.has(quoted.id)) return [];
      seenQuotes.add(quoted.id);
      return quoted === candidate.scored.passage ? [candidate] : [{ ...candidate, scored: { ...candidate.scored, passage: quoted } }];
    });
    if (candidates.length === 0) return notFound(ctx, groups, "The articles don't say: no passage quotes or reports what was said.", ranked);
    // The party's own words in quotation marks before what it is reported to have done ("Guyana and Suriname agreed on Tuesday…").
    if (EVIDENCE.quotesFirst) {
      const quoted = new Set(candidates.filter(({ scored }) => holdsQuotation(scored.passage.text)));
      candidates = [...quoted, ...candidates.filter((candidate) => !quoted.has(candidate))];
    }
  }
  const best = candidates[0]?.final ?? 0;
  const followers = candidates.filter(({ final }) => final >= best * EVIDENCE.followerScoreRatio).map(({ scored }) => scored.passage);
  // Several articles answer about as well ("when did the talks end" with three talks filed): the best passage of
  // each other one is quoted too, and the answer says so, rather than one article's being picked in silence.
  const others = otherArticlesAnswering(candidates, best * EVIDENCE.otherArticleRatio);
  const chosen = [...new Set([followers[0] as Passage, ...others, ...followers])].slice(0, EVIDENCE.maxPassages);
  const notices = others.length > 0 ? [`Other articles answer this too: ${[...new Set(others.map((passage) => `“${ctx.documents[passage.docIndex]?.title ?? ''}”`))].join(', ')}.`] : [];
  const terms = termSet(groups);
  const first = chosen[0] as Passage;
  const table = ctx.tables.find((candidate) => candidate.docIndex === first.docIndex && candidate.sectionIndex === first.sectionIndex);
  const citations = dedupeByExcerpt(chosen.map((passage) => citationOf(ctx, passage, terms, askedColumn(ctx, passage, groups))));
  const actions = [moreAction(ctx, first.docIndex, first.sectionIndex, 0), positionsAction(ctx, first.table ? table : undefined)].filter((action) => action !== undefined);
  return { draft: { kind: 'answer', citations, actions, notices }, focus: { docIndex: first.docIndex, sectionIndex: first.sectionIndex, shown: withListSiblings(ctx, chosen) } };
}

/** The best passage of each article other than the first's holding every word of the question and scoring at least `min`, best first (two at most). */
function otherArticlesAnswering(candidates: Array<{ scored: ScoredPassage; final: number }>, min: number): Passage[] {
  const firstDoc = candidates[0]?.scored.passage.docIndex;
  const seen = new Set<number>();
  const out: Passage[] = [];
  for (const { scored, final } of candidates) {
    if (final < min || out.length === 2) break;
    const docIndex = scored.passage.docIndex;
    // It must hold every word of the question, as the first answer does, not just score well.
    if (docIndex === firstDoc || seen.has(docIndex) || scored.coverage < 1) continue;
    seen.add(docIndex);
    out.push(scored.passage);
  }
  return out;
}

/**
 * The column a question names when the passage quoted is a table row ("army position on aid" → the Army
 * column's cell first), as a table question puts it; undefined for prose or when no column is named.
 */
function askedColumn(ctx: EngineContext, passage: Passage, groups: TermGroup[]): number | undefined {
  if (!passage.table) return undefined;
  const block = passage.table.block;
  const located = ctx.tables.find((candidate) => candidate.block === block);
  return (located ? matchTable(located, groups).columnIndex : undefined) ?? (EVIDENCE.cellNamesColumn ? answeringCell(passage, groups) : undefined);
}

/**
 * A real word the articles never use may still be a typo of one they do ("oman's roll", "a slow pace" for
 * peace): short real words are not taken for typos on their own (too many would be), but when a one-edit
 * article word makes a passage hold every word of the question, the context settles it. Names are never
 * repaired ("iraq" is not "iran").
 */
function repairRealWordTypos(ctx: EngineContext, groups: TermGroup[]): TermGroup[] | undefined {
  if (!EVIDENCE.contextTypos) return undefined;
  const unknown = groups.filter((group) => group.alternatives.length === 0);
  if (unknown.length !== 1 || groups.length < 2) return undefined;
  const word = (unknown[0] as TermGroup).word;
  if (word.length < RESOLVE_OPTIONS.fuzzyMinLength || /[\d_]/.test(word) || ctx.wordNet?.isEntityWord(word)) return undefined;
  const alternatives = ctx.index.vocabulary.fuzzyWords(word, 1).flatMap((hit) => hit.terms.map((term) => ({ term, weight: RESOLVE_OPTIONS.fuzzyWeight, how: 'fuzzy' as const })));
  if (alternatives.length === 0) return undefined;
  const repaired = groups.map((group) => (group.word === word ? { word, alternatives } : group));
  return ctx.index.rank(repaired).slice(0, EVIDENCE.typeCheckDepth).some((scored) => scored.coverage === 1) ? repaired : undefined;
}

/** Answer types no section title can stand for (a person or a place may be the section's subject). */
const KEYWORD_BLOCKING_TYPES = new Set<AnswerType>(['number', 'money', 'date', 'duration']);

const ANSWER_TYPE_WORDS = { person: 'a name', date: 'a date', number: 'a number', money: 'an amount of money', duration: 'a duration', place: 'a place' } as const;

const sectionKey = (passage: Passage) => `${passage.docIndex}:${passage.sectionIndex}`;

const readingOrder = (a: Passage, b: Passage) => a.docIndex - b.docIndex || a.sectionIndex - b.sectionIndex || a.order - b.order;

/** Share of the query's term groups found anywhere in each section (title or any passage). */
function sectionCoverages(ranked: ScoredPassage[], groupCount: number): Map<string, number> {
  const found = new Map<string, Set<number>>();
  for (const scored of ranked) {
    const key = sectionKey(scored.passage);
    const set = found.get(key) ?? new Set<number>();
    for (const group of scored.groups) set.add(group);
    found.set(key, set);
  }
  return new Map([...found.entries()].map(([key, set]) => [key, groupCount === 0 ? 0 : set.size / groupCount]));
}

/** Looks up a ranked passage's matched groups by its id (the map built on first use). */
function groupsById(ranked: ScoredPassage[]): (passageId: string) => ReadonlySet<number> | undefined {
  let byId: Map<string, ReadonlySet<number>> | undefined;
  return (passageId) => (byId ??= new Map(ranked.map((scored) => [scored.passage.id, scored.groups]))).get(passageId);
}
