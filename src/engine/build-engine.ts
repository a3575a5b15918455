import type { ParsedDocument } from '../content/document-model.js';
import { createConversationState, type ConversationState } from '../conversation/conversation-state.js';
import { loadWordNet, type WordNet } from '../lexicon/wordnet.js';
import { foldText } from '../text/fold-text.js';
import {
  answerPositions,
  answerQuestion,
  answerSectionKeyword,
  answerTableRows,
  EVIDENCE,
  findMissingColumn,
  findTableQuestion,
  isPartyName,
  notFound,
  passageAnswer,
  sectionAnswer,
  type Focus,
  type Resolution,
} from './answer-query.js';
import { matchTable } from './table-match.js';
import { finishAnswer } from './compose-answer.js';
import { articleBodyTexts } from './article-texts.js';
import { EngineContext } from './engine-context.js';
import { RELATED_POSTING_BUDGET } from './passage-index.js';
import type { DocumentInfo, Engine, Turn } from './engine-types.js';
import { buildHelp, buildOutlines } from './help-and-outlines.js';
import { normalizeQuery, parseGrammar } from './query-grammar.js';
import { answerSummary } from './answer-summary.js';
import { answerQuotes } from './answer-quotes.js';
import { quoteRequest } from './quote-requests.js';
import { askedSpeaker, expectedAnswerType } from './answer-types.js';
import { contentWords, dropUnknownModifiers, nounContextWords, resolveQueryTerms, RESOLVE_OPTIONS } from './resolve-query-terms.js';
import { withQuestionWordCorrected } from './question-word-typos.js';
import { suggestQueries } from './suggest.js';
import { answerOutcomeQuestion } from './outcome-questions.js';
import { citedPassageId } from './attribution.js';
import { asksAboutLastAnswer, FOLLOW_UP_OPTIONS, keepsOutcome, lastAnswerFirst, resolveThreadFollowUp, threadQueryAfter } from './follow-ups.js';
import { resolvePersonPronoun } from './person-pronouns.js';
import { correctionAsFollowUp } from './corrections.js';
import { focusOnCitedRow, rowsByLabelWord, threadTableColumn } from './thread-tables.js';

export interface EngineOptions {
  /** Longest query answered; longer ones are cut at a word boundary and the answer says so. */
  maxQueryChars?: number;
  /** Query expansion through WordNet (on by default; off measures what it buys). */
  useLexicon?: boolean;
  /** The clock for conversation state timestamps (tests pin it). */
  now?: () => number;
}

export const DEFAULT_MAX_QUERY_CHARS = 500;

/** The refusal for a party the table has no column for (a fresh question or a follow-up along a row). */
const noColumnFor = (words: string[]) => `The articles don't cover that: their table has no column for ${words.map((word) => `“${word.replace(/_/g, ' ')}”`).join(', ')}.`;

/** A follow-up that is only a question word: "where?", "and when?", "how much?". */
const BARE_WH = /^(?:and |so |ok |okay )?(where|when|who|why|how much|how many|how long|how)(?: (?:then|exactly|again|is that|was that|is it|was it))?[?!. ]*$/;

/** How many of the passages holding a term tell whether the articles use it only as a name. */
const NAME_SAMPLE_PASSAGES = 50;

/**
 * Builds the engine over parsed documents: passages, the MiniSearch index, tables. Build once per
 * content version and swap the whole engine in; answering never re-indexes.
 *
 * @example
 * const { documents } = await loadContent('content');
 * const engine = buildEngine(documents);
 * const { answer, state } = engine.answer('what did oman do');
 * const followUp = engine.answer('tell me more', state);
 */
export function buildEngine(documents: ParsedDocument[], options: EngineOptions = {}): Engine {
  const wordNet: WordNet | undefined = options.useLexicon === false ? undefined : loadWordNet();
  const ctx = new EngineContext(documents, wordNet);
  ctx.index.vocabulary.useNameTexts(() => articleBodyTexts(documents));
  // Whether a term is only ever a name is read from the passages that hold it most (the first NAME_SAMPLE_PASSAGES).
  ctx.index.vocabulary.useTermTexts((term) =>
    ctx.index
      .rank([{ word: term, alternatives: [{ term, weight: 1, how: 'exact' }] }], undefined, RELATED_POSTING_BUDGET)
      .slice(0, NAME_SAMPLE_PASSAGES)
      .map((scored) => scored.passage.text),
  );
  const maxQueryChars = options.maxQueryChars ?? DEFAULT_MAX_QUERY_CHARS;
  const now = options.now ?? Date.now;
  const documentInfos: DocumentInfo[] = documents.map((document) => ({
    documentId: document.documentId,
    title: document.title,
    asOf: document.asOf,
    ...(document.url ? { url: document.url } : {}),
    ...(document.source ? { source: document.source } : {}),
    sectionCount: document.sections.length,
  }));

  const resolveFresh = (normalized: string): Resolution => {
    const grammar = parseGrammar(normalized);
    if (grammar.type === 'help') return { draft: buildHelp(ctx), focus: { shown: [] } };
    // Thanks or an acknowledgement: a help answer without examples, which says "you're welcome" (render-text.ts).
    if (grammar.type === 'thanks') return { draft: { kind: 'help', citations: [], examples: [] }, focus: { shown: [] } };
    if (grammar.type === 'sections') return { draft: { kind: 'sections', citations: [], outlines: buildOutlines(ctx) }, focus: { shown: [] } };
    if (grammar.type === 'summary') {
      // A section the summary word itself names ("overview", "summary") comes first; else the lede.
      const named = resolveQueryTerms(contentWords(normalized, ctx.wordNet, ctx.index.vocabulary), ctx.index.vocabulary, ctx.wordNet);
      const summary =
        // …but "latest", "news", "updates" ask for what is newest, not for a section titled "New Dawn" (news → new).
        (grammar.rest || grammar.latest ? undefined : answerSectionKeyword(ctx, named.map((group) => group.word), named, normalized)) ??
        answerSummary(ctx, grammar.rest, grammar.rest ? resolveQueryTerms(contentWords(grammar.rest, ctx.wordNet, ctx.index.vocabulary), ctx.index.vocabulary, ctx.wordNet, nounContextWords(grammar.rest)) : [], grammar.latest);
      if (summary) return summary;
    }
    // "any quotes from sudan" is "what did sudan say"; "a quote on the speed limit" needs a quotation (quote-requests.ts).
    const quote = EVIDENCE.quoteRequests && grammar.type === 'query' ? quoteRequest(grammar.text) : undefined;
    const text = quote ? quote.text : grammar.type === 'query' ? grammar.text : grammar.type === 'and' ? grammar.rest : grammar.type === 'positions' || grammar.type === 'summary' ? grammar.rest : normalized;
    const resolved = resolveQueryTerms(contentWords(text, ctx.wordNet, ctx.index.vocabulary), ctx.index.vocabulary, ctx.wordNet, nounContextWords(text));
    const groups = dropUnknownModifiers(resolved, ctx.wordNet, text);
    const words = groups.map((group) => group.word);
    if (quote?.needsQuotation) return answerQuotes(ctx, text, groups);
    const missingColumn = findMissingColumn(ctx, groups);
    if (missingColumn) return notFound(ctx, groups, noColumnFor(missingColumn));
    const tableQuestion = findTableQuestion(ctx, groups, text);
    // "us vs iran", "compare the us and iran": parties only, no row, is the whole table (below), not one column.
    const allRows = tableQuestion?.rowIndexes.length === tableQuestion?.table.block.rows.length;
    const wholeColumns = grammar.type === 'positions' && allRows;
    // "what did canada say" asks for Canada's words (a quote), not its column of the table; "…say on speed limits" may be its cell.
    // "what did japan say" with Japan a row's label (a table of fleets) asks for Japan's words too: a row is what is
    // said of its label, and only a column is a party speaking (its cell, when a row is named as well).
    const quoteAsked = EVIDENCE.speakerBeforeColumn && (allRows || (EVIDENCE.rowIsNoSpeaker && tableQuestion?.columnIndex === undefined)) && askedSpeaker(text) !== undefined;
    if (tableQuestion && !wholeColumns && !quoteAsked) return answerTableRows(ctx, tableQuestion.table, tableQuestion.rowIndexes, tableQuestion.columnIndex, groups);
    if (grammar.type === 'positions') {
      const positions = answerPositions(ctx, grammar.rest, grammar.tableNumber);
      if (positions) return positions;
    }
    // "what did they not agree on", "what's still open", "what was agreed": from passages stating the outcome.
    const outcome = answerOutcomeQuestion(ctx, text, groups, () => answerSectionKeyword(ctx, words, groups, text));
    if (outcome) return outcome;
    return answerSectionKeyword(ctx, words, groups, text) ?? answerQuestion(ctx, text, groups);
  };

  const resolveFollowUp = (normalized: string, state: ConversationState): Resolution | undefined => {
    const grammar = parseGrammar(normalized);
    const docIndex = documents.findIndex((document) => document.documentId === state.documentId);
    const sectionIndex = documents[docIndex]?.sections.findIndex((section) => section.sectionId === state.sectionId) ?? -1;
    if (grammar.type === 'more') {
      if (docIndex < 0 || sectionIndex < 0) return undefined;
      const shown = new Set(state.shownPassageIds);
      const rest = ctx.passagesOf(docIndex, sectionIndex).filter((passage) => !shown.has(passage.id));
      if (rest.length > 0) {
        const first = ctx.passagesOf(docIndex, sectionIndex).indexOf(rest[0] as (typeof rest)[number]);
        const resolution = sectionAnswer(ctx, docIndex, sectionIndex, first, new Set());
        return { ...resolution, draft: { ...resolution.draft, kind: 'answer' } };
      }
      // After a summary the reader is reading the article: go on with its next section.
      const next = documents[docIndex]?.sections.findIndex((_, index) => index > sectionIndex && ctx.passagesOf(docIndex, index).length > 0) ?? -1;
      if (state.lastQuery && parseGrammar(state.lastQuery).type === 'summary' && next >= 0) return sectionAnswer(ctx, docIndex, next, 0, new Set());
      if (state.lastQuery) {
        const groups = resolveQueryTerms(contentWords(state.lastQuery, ctx.wordNet, ctx.index.vocabulary), ctx.index.vocabulary, ctx.wordNet, nounContextWords(state.lastQuery));
        const others = answerQuestion(ctx, state.lastQuery, groups, shown);
        if (others.draft.kind !== 'not_found') return others;
      }
      return notFound(ctx, [], `That's everything the articles say there.`);
    }
    // "and the other side?", "who said that", "source?", "why?" after a row, "and Y?" after "what did X say".
    const threadFollowUp = resolveThreadFollowUp(ctx, normalized, state, resolveFresh);
    if (threadFollowUp) return threadFollowUp;
    // "where?", "and when?", "how much?" after a question: the same question, asking for another kind of answer.
    const wh = EVIDENCE.bareWhFollowUps && state.lastQuery ? BARE_WH.exec(normalized)?.[1] : undefined;
    if (wh && state.lastQuery) {
      const combined = `${wh} ${contentWords(state.lastQuery, ctx.wordNet, ctx.index.vocabulary).join(' ')}`;
      // The answer just given may already hold it ("…will meet again in Paramaribo on June 16" → "where?").
      const wanted = expectedAnswerType(combined, ctx.wordNet);
      const shown = docIndex >= 0 && sectionIndex >= 0 ? lastAnswerFirst(ctx.passagesOf(docIndex, sectionIndex).filter((passage) => state.shownPassageIds.includes(passage.id)), state) : [];
      const holder = wanted ? shown.find((passage) => ctx.holdsAnswerType(passage, wanted)) : undefined;
      const resolution = holder ? passageAnswer(ctx, holder) : resolveFresh(combined);
      return { ...resolution, draft: { ...resolution.draft, resolvedQuery: combined } };
    }
    // "what did he say", "who is she": the person the excerpt just quoted names.
    if (FOLLOW_UP_OPTIONS.personPronouns && grammar.type === 'query') return resolvePersonPronoun(ctx, normalized, state, resolveFresh);
    if (grammar.type !== 'and') return undefined;
    const groups = resolveQueryTerms(contentWords(grammar.rest, ctx.wordNet, ctx.index.vocabulary), ctx.index.vocabulary, ctx.wordNet, nounContextWords(grammar.rest));
    const table = ctx.tables.find((candidate) => candidate.block.tableId === state.tableId && candidate.docIndex === docIndex);
    if (table && groups.length > 0) {
      const match = findTableQuestion(ctx, groups);
      if (match && match.table === table) {
        const askedRows = match.rowIndexes.length < table.block.rows.length ? match.rowIndexes : state.rowIndexes;
        const column = match.columnIndex ?? state.columnIndex;
        return answerTableRows(ctx, table, askedRows.length > 0 ? askedRows : match.rowIndexes, column, groups);
      }
      // "and south korea?" is the thread's table's column even when another table names South Korea too (thread-tables.ts).
      const ownColumn = match && state.rowIndexes.length > 0 ? threadTableColumn(table, groups) : undefined;
      if (ownColumn !== undefined) return answerTableRows(ctx, table, state.rowIndexes, ownColumn, groups);
      // Going through a table's rows, "and the us?" names a column even through another name of its party
      // (the article's own "US" for "United States"), and "and russia?" a party the table has no column for.
      const named = match ? undefined : matchTable(table, groups);
      if (named?.columnIndex !== undefined && state.rowIndexes.length > 0 && named.explained.size === groups.length) {
        return answerTableRows(ctx, table, state.rowIndexes, named.columnIndex, groups);
      }
      // "and on cameras?": the row whose label alone has that word ("Cameras on longliners"), in the thread's column.
      const labelRows = state.rowIndexes.length > 0 ? rowsByLabelWord(table, groups) : undefined;
      if (labelRows) return answerTableRows(ctx, table, labelRows, state.columnIndex, groups);
      if (EVIDENCE.followUpPartyNeedsColumn && !match && state.rowIndexes.length > 0 && groups.every((group) => isPartyName(ctx, group.word))) {
        return notFound(ctx, groups, noColumnFor(groups.map((group) => group.word)));
      }
    }
    // "and X?" after a prose answer: the previous question's topic, with X in place of its own subject.
    if (state.lastQuery && groups.every((group) => group.alternatives.length > 0)) {
      const previous = contentWords(state.lastQuery, ctx.wordNet, ctx.index.vocabulary);
      const combined = `${grammar.rest} ${previous.filter((word) => !isEntityWord(word)).join(' ')}`;
      const resolution = resolveFresh(combined);
      // An outcome asked ("what did they not agree on") is kept: no passage stating it is no licence to answer the bare topic.
      if (resolution.draft.kind !== 'not_found' || keepsOutcome(state.lastQuery, combined)) return { ...resolution, draft: { ...resolution.draft, resolvedQuery: combined } };
    }
    return undefined;
  };

  // The previous question's own subject (a country, group or person) gives way to the new one.
  const isEntityWord = (word: string) => ctx.wordNet?.isEntityWord(word) ?? false;

  const answer = (query: string, state?: ConversationState): Turn => {
    const notices: string[] = [];
    let text = typeof query === 'string' ? query : '';
    if (text.length > maxQueryChars) {
      const cut = text.slice(0, maxQueryChars);
      text = cut.slice(0, Math.max(cut.lastIndexOf(' '), maxQueryChars / 2));
      notices.push(`Your question was cut to its first ${text.length} characters.`);
    }
    const asked = RESOLVE_OPTIONS.questionWordTypos ? withQuestionWordCorrected(normalizeQuery(text), ctx.wordNet) : normalizeQuery(text);
    // "no, I meant Iran" in a thread is "and Iran?".
    const correction = FOLLOW_UP_OPTIONS.corrections && state && state.turns > 0 ? correctionAsFollowUp(asked) : undefined;
    const normalized = correction ?? asked;
    let resolution: Resolution;
    try {
      resolution = (state && state.turns > 0 ? resolveFollowUp(normalized, state) : undefined) ?? resolveFresh(normalized);
    } catch (error) {
      // Never throw at a platform: an internal failure is an honest not_found, with the reason kept for logs.
      resolution = notFound(ctx, [], `The articles don't cover that (internal error: ${(error as Error).message}).`);
    }
    const draft = { ...resolution.draft, notices: [...(resolution.draft.notices ?? []), ...notices] };
    // A table row cited first puts the thread on that row, however it was found ("and suriname?" goes along it).
    const focus = focusOnCitedRow(ctx, resolution);
    return { answer: finishAnswer(query, draft), state: nextState(state, normalized, draft.kind, focus, draft.resolvedQuery, citedPassageId(resolution)) };
  };

  const nextState = (previous: ConversationState | undefined, normalized: string, kind: string, focus: Focus, resolvedQuery?: string, cited?: string): ConversationState => {
    const base = previous ?? createConversationState(now());
    const sameSection = base.documentId === documents[focus.docIndex ?? -1]?.documentId && base.sectionId === documents[focus.docIndex ?? -1]?.sections[focus.sectionIndex ?? -1]?.sectionId;
    const shown = focus.shown.map((passage) => passage.id);
    const isFollowUp = ['more', 'and'].includes(parseGrammar(normalized).type) || asksAboutLastAnswer(normalized);
    if (kind === 'not_found' || focus.docIndex === undefined) {
      return { ...base, turns: base.turns + 1, updatedAt: now(), lastKind: kind };
    }
    const document = documents[focus.docIndex];
    return {
      version: 1,
      turns: base.turns + 1,
      lastQuery: isFollowUp ? threadQueryAfter(base.lastQuery, resolvedQuery) ?? resolvedQuery ?? normalized : resolvedQuery ?? normalized,
      lastKind: kind,
      ...(document ? { documentId: document.documentId } : {}),
      ...(document?.sections[focus.sectionIndex ?? -1] ? { sectionId: document.sections[focus.sectionIndex ?? -1]?.sectionId } : {}),
      shownPassageIds: sameSection && isFollowUp ? [...new Set([...base.shownPassageIds, ...shown])] : shown,
      ...(focus.table ? { tableId: focus.table.block.tableId } : {}),
      rowIndexes: focus.rowIndexes ?? [],
      ...(focus.columnIndex !== undefined ? { columnIndex: focus.columnIndex } : {}),
      ...(cited ? { citedPassageId: cited } : {}),
      updatedAt: now(),
    };
  };

  /** A button's action token as a resolution, with the follow-up a person would type for it ('more', 'positions'). */
  const resolveAction = (token: string): { query: string; resolution: Resolution } => {
    const [kind, hash, id, from] = String(token).split(':');
    const docIndex = ctx.docHashes.indexOf(hash ?? '');
    const document = documents[docIndex];
    if (kind === 'more' && document) {
      const sectionIndex = document.sections.findIndex((section) => section.sectionId === id);
      if (sectionIndex >= 0) {
        const start = Number(from) || 0;
        const resolution = sectionAnswer(ctx, docIndex, sectionIndex, start, new Set());
        // A More button goes on where the answer it is under stopped: the section's passages before `start` were shown.
        const shown = [...ctx.passagesOf(docIndex, sectionIndex).slice(0, start), ...resolution.focus.shown];
        return { query: 'more', resolution: { ...resolution, focus: { ...resolution.focus, shown } } };
      }
    }
    if (kind === 'pos' && document) {
      const table = ctx.tables.find((candidate) => candidate.docIndex === docIndex && candidate.block.tableId === id);
      const number = table ? ctx.tables.filter((candidate) => candidate.docIndex === docIndex).indexOf(table) + 1 : undefined;
      const resolution = answerPositions(ctx, foldText(document.title).toLowerCase(), number);
      if (resolution) return { query: 'positions', resolution };
    }
    return {
      query: String(token),
      resolution: notFound(ctx, [], "The articles don't cover that any more: the content changed since this button was made. Ask again."),
    };
  };

  const runActionTurn = (token: string, state?: ConversationState): Turn => {
    const { query, resolution } = resolveAction(token);
    // The thread goes on as if the follow-up had been typed: "tell me more" next continues after what the button showed.
    return { answer: finishAnswer(query, resolution.draft), state: nextState(state, query, resolution.draft.kind, resolution.focus, undefined, citedPassageId(resolution)) };
  };

  return {
    answer,
    runAction: (token) => runActionTurn(token).answer,
    runActionTurn,
    suggest: (prefix, limit = 25) => suggestQueries(ctx, prefix, limit),
    documents: documentInfos,
    stats: { documents: documents.length, sections: documents.reduce((n, d) => n + d.sections.length, 0), passages: ctx.passages.length, tables: ctx.tables.length },
  };
}

