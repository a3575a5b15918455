/** Table questions: the whole positions table, a row (the asked cell first), a column the table does not have. */
import { expectedAnswerType, holdsType, type AnswerType } from './answer-types.js';
import type { Resolution } from './answer-query.js';
import { answerTable, citationOf, positionsAction, sectionRef } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import { isPartyName, mayNameParty } from './party-checks.js';
import type { Passage } from './passages.js';
import { POSITIONS_WORDS } from './query-grammar.js';
import { contentWords, resolveQueryTerms, type TermGroup } from './resolve-query-terms.js';
import { matchTable, type LocatedTable, type TableMatch } from './table-match.js';
import { asksWhoLeads } from './type-checks.js';
import { isStanceVerb } from '../lexicon/stance-verbs.js';
import type { WordNet } from '../lexicon/wordnet.js';

/** Every index term a question's groups may match. */
export const termSet = (groups: TermGroup[]) => new Set(groups.flatMap((group) => group.alternatives.map((alternative) => alternative.term)));

/** Answers the `positions` intent: the whole positions table of the best-matching document. */
export function answerPositions(ctx: EngineContext, rest: string, tableNumber?: number): Resolution | undefined {
  if (ctx.tables.length === 0) return undefined;
  const words = contentWords(rest, ctx.wordNet, ctx.index.vocabulary).filter((word) => !POSITIONS_WORDS.has(word));
  const groups = resolveQueryTerms(words, ctx.index.vocabulary, ctx.wordNet);
  const docScores = new Map<number, number>();
  for (const scored of ctx.index.rank(groups).slice(0, 20)) docScores.set(scored.passage.docIndex, (docScores.get(scored.passage.docIndex) ?? 0) + scored.score);
  const ranked = [...ctx.tables].sort((a, b) => {
    const byDoc = (docScores.get(b.docIndex) ?? 0) - (docScores.get(a.docIndex) ?? 0);
    if (byDoc !== 0) return byDoc;
    const positional = (table: LocatedTable) => (table.headerTerms.has('posit') || table.headerTerms.has('stanc') ? 1 : 0);
    if (positional(b) !== positional(a)) return positional(b) - positional(a);
    const byDate = (ctx.documents[b.docIndex]?.asOf ?? '').localeCompare(ctx.documents[a.docIndex]?.asOf ?? '');
    return byDate !== 0 ? byDate : a.docIndex - b.docIndex;
  });
  let table = ranked[0];
  const notices: string[] = [];
  if (tableNumber !== undefined && table) {
    const ofDoc = ctx.tables.filter((candidate) => candidate.docIndex === table?.docIndex);
    const numbered = ofDoc[tableNumber - 1];
    if (!numbered) notices.push(`“${ctx.documents[table.docIndex]?.title ?? ''}” has ${ofDoc.length === 1 ? 'one table' : `${ofDoc.length} tables`}, not ${tableNumber}: here is its first.`);
    table = numbered ?? table;
  }
  if (!table) return undefined;
  const others = ctx.tables.filter((other) => other !== table).map((other) => sectionRef(ctx, other.docIndex, other.sectionIndex));
  return {
    draft: { kind: 'positions', citations: table.block.rows.map((_, rowIndex) => citationOf(ctx, tablePassage(ctx, table, rowIndex), new Set())), table: answerTable(ctx, table), related: others.slice(0, 4), notices },
    focus: { docIndex: table.docIndex, sectionIndex: table.sectionIndex, shown: [], table },
  };
}

function tablePassage(ctx: EngineContext, table: LocatedTable, rowIndex: number): Passage {
  const passage = ctx.passagesOf(table.docIndex, table.sectionIndex).find((candidate) => candidate.table?.block === table.block && candidate.table.rowIndex === rowIndex);
  if (!passage) throw new Error(`table ${table.block.tableId} row ${rowIndex} has no passage`);
  return passage;
}

/** Table rows answer, asked-about cell first. */
export function answerTableRows(ctx: EngineContext, table: LocatedTable, rowIndexes: number[], columnIndex: number | undefined, groups: TermGroup[]): Resolution {
  const terms = termSet(groups);
  const passages = rowIndexes.map((rowIndex) => tablePassage(ctx, table, rowIndex));
  return {
    draft: {
      kind: 'answer',
      citations: passages.map((passage) => citationOf(ctx, passage, terms, columnIndex)),
      table: answerTable(ctx, table),
      actions: [positionsAction(ctx, table)].filter((action) => action !== undefined),
    },
    focus: { docIndex: table.docIndex, sectionIndex: table.sectionIndex, shown: passages, table, rowIndexes, ...(columnIndex !== undefined ? { columnIndex } : {}) },
  };
}

/**
 * A table question naming a column the table does not have ("Israel's position on security guarantees"
 * when the columns are two other parties'): the words the query adds beyond the row and the headers, when
 * they can name a party (a place, group or person, or a name no dictionary knows). Other words ("when did
 * the fuel ban take effect") make it a question for the prose.
 */
export function findMissingColumn(ctx: EngineContext, groups: TermGroup[]): string[] | undefined {
  for (const table of ctx.tablesFor(groups)) {
    const match = matchTable(table, groups);
    if (match.rowIndexes.length === 0 || match.columnIndex !== undefined) continue;
    if (match.headerGroups.size > 0) {
      const extra = groups.filter((_, index) => !match.explained.has(index)).map((group) => group.word);
      if (extra.length > 0 && extra.every((word) => mayNameParty(ctx, word))) return extra;
    } else if (EVIDENCE.partyWithoutColumn) {
      // "angola's position on train slots" with no Angola column: a party's proper name, besides the row and words for a position.
      const extra = groups.filter((group, index) => !match.explained.has(index) && !POSITIONS_WORDS.has(group.word)).map((group) => group.word);
      if (extra.length > 0 && extra.every((word) => isPartyName(ctx, word.replace(/'s$/, '')))) return extra.map((word) => word.replace(/'s$/, ''));
    }
  }
  return undefined;
}

/**
 * Finds the table question in a query: a row the query names whole, with or without a column. A question for
 * a figure or a date ("how many wagons does congo have") is one only when the asked cells give one.
 */
export function findTableQuestion(ctx: EngineContext, groups: TermGroup[], normalized = ''): TableMatch | undefined {
  let best: TableMatch | undefined;
  const wanted = EVIDENCE.typedCellsOnly && EVIDENCE.useAnswerTypes ? expectedAnswerType(normalized, ctx.wordNet) : undefined;
  // "who leads the kosovo regulator" is a question for a person's name, which a cell must then give itself (its column's party is no leader).
  const leader = wanted === 'person' && EVIDENCE.leadersArePeople && asksWhoLeads(ctx, normalized);
  const figure = wanted !== undefined && (FIGURE_TYPES.has(wanted) || leader) ? wanted : undefined;
  // "what does thailand want on the maps": a verb of holding a position only asks for the cell (stance-verbs.ts). Once per question, not per table.
  const stances = new Set(EVIDENCE.stanceVerbsAskForCells && ctx.wordNet ? groups.flatMap((group, index) => (isStanceVerb(ctx.wordNet as WordNet, group.word) ? [index] : [])) : []);
  for (const table of ctx.tablesFor(groups)) {
    const match = matchTable(table, groups);
    if (figure && match.rowIndexes.length > 0 && !match.rowIndexes.some((row) => cellsHold(table, row, match.columnIndex, figure, ctx))) continue;
    const unexplained = groups.filter((_, index) => !match.explained.has(index)).length;
    const rowAndColumn = match.rowIndexes.length > 0 && match.columnIndex !== undefined;
    const rowOnly = match.rowIndexes.length > 0 && unexplained === 0;
    // A column named through the dictionary only by a name standing for its party (USA, America → US), not any relative.
    // A word the articles use themselves ("american officials") is asked about as they use it, in the prose.
    const columnNamed =
      !match.columnByLexicon ||
      (EVIDENCE.partyNamesColumn && match.columnGroups.every((g) => isPartyName(ctx, groups[g]?.word ?? '') && !groups[g]?.alternatives.some((alternative) => alternative.how === 'exact')));
    // A row named by one word of its label is asked about only when every word of the question is the table's
    // or a word for a position ("zambia on slots", "eu position on the fee"), and the column is named by its party's name.
    const partyColumn = !match.columnByLexicon || match.columnGroups.every((g) => isPartyName(ctx, groups[g]?.word ?? ''));
    const unexplainedTopic = groups.filter((group, index) => !match.explained.has(index) && !POSITIONS_WORDS.has(group.word) && !stances.has(index)).length;
    if (match.partialRows && !(partyColumn && unexplainedTopic === 0)) continue;
    const columnOnly = match.rowIndexes.length === 0 && match.columnIndex !== undefined && columnNamed && unexplained === 0 && groups.length <= 3;
    if (!(rowAndColumn || rowOnly || columnOnly)) continue;
    if (!best || match.explained.size > best.explained.size) best = match;
  }
  if (best && best.rowIndexes.length === 0) best.rowIndexes = best.table.block.rows.map((_, index) => index);
  return best;
}

/** Answer types a table cell must itself give to answer ("how many", "when"): not a name, which its column header may be. */
const FIGURE_TYPES = new Set<AnswerType>(['number', 'money', 'date', 'duration']);

/** Whether the asked cell of a row (or, with no column asked, any of its cells) gives an answer of the type. */
function cellsHold(table: LocatedTable, rowIndex: number, columnIndex: number | undefined, type: AnswerType, ctx: EngineContext): boolean {
  const row = table.block.rows[rowIndex] ?? [];
  const cells = columnIndex === undefined ? row.slice(1) : [row[columnIndex] ?? ''];
  return cells.some((cell) => holdsType(cell, type, ctx.wordNet));
}

