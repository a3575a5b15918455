/**
 * A thread going along a table's rows: the thread stays on its table while the follow-up can be read on it.
 * - "and south korea?" names a column of the thread's table even when another table names South Korea too
 *   (a row of fleets): the thread's table comes first.
 * - "and on cameras?" names a row by one word of its label no other row has ("Cameras on longliners"), the
 *   column being the thread's, as "japan on cameras" would with the column named.
 * - An answer whose first citation is a table row, found by ranking rather than as a table question ("what
 *   does guyana want on troops" → the "Troops in the area" row, Guyana's cell first), puts the thread on
 *   that row and column, so "and suriname?" goes along it.
 */
import type { Focus, Resolution } from './answer-query.js';
import { excerptOf } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import type { Passage } from './passages.js';
import { POSITIONS_WORDS } from './query-grammar.js';
import type { TermGroup } from './resolve-query-terms.js';
import { matchTable, rowsByOwnLabelWord, type LocatedTable } from './table-match.js';

/** Switches (eval/ablate.ts). */
export const THREAD_TABLE_OPTIONS = {
  /** "and X?" is read on the thread's table first, whatever other table also names X. */
  threadTableFirst: true,
  /** "and on <a word of one row's label>?" is that row, in the thread's column. */
  rowByLabelWord: true,
  /** An answer citing a table row first puts the thread on that row (and the column shown first). */
  rowFocusFromCitation: true,
};

/**
 * The column of the thread's table "and X?" names, X explained whole by the table (its column and header
 * words), when another table matched the question better; undefined otherwise.
 */
export function threadTableColumn(table: LocatedTable, groups: TermGroup[]): number | undefined {
  if (!THREAD_TABLE_OPTIONS.threadTableFirst) return undefined;
  const match = matchTable(table, groups);
  return match.columnIndex !== undefined && match.rowIndexes.length === 0 && match.explained.size === groups.length ? match.columnIndex : undefined;
}

/**
 * The rows of the thread's table that "and on X?" names by a word of their label no other row's label has,
 * every word of X being such a word or a word for a position; undefined when X is anything else.
 */
export function rowsByLabelWord(table: LocatedTable, groups: TermGroup[]): number[] | undefined {
  if (!THREAD_TABLE_OPTIONS.rowByLabelWord || groups.length === 0) return undefined;
  const rows = new Set<number>();
  for (const group of groups) {
    if (POSITIONS_WORDS.has(group.word)) continue;
    const named = rowsByOwnLabelWord(table, group);
    if (named.length !== 1) return undefined;
    rows.add(named[0] as number);
  }
  return rows.size > 0 ? [...rows].sort((a, b) => a - b) : undefined;
}

/**
 * The focus of an answer whose first citation is a row of a table it was not asked as a table question:
 * the row, its table, and the column its excerpt shows first; the focus unchanged otherwise.
 */
export function focusOnCitedRow(ctx: EngineContext, resolution: Resolution): Focus {
  const focus = resolution.focus;
  const excerpt = resolution.draft.citations[0]?.excerpt;
  if (!THREAD_TABLE_OPTIONS.rowFocusFromCitation || focus.table || excerpt === undefined) return focus;
  const passage = focus.shown.find((candidate) => candidate.table && rowExcerpts(candidate).includes(excerpt));
  const table = passage?.table && ctx.tables.find((candidate) => candidate.block === passage.table?.block);
  if (!passage?.table || !table) return focus;
  const column = rowExcerpts(passage).indexOf(excerpt);
  return { ...focus, table, rowIndexes: [passage.table.rowIndex], ...(column > 0 ? { columnIndex: column } : {}) };
}

/** A row's excerpt with each column first (index 0: the label first). */
const rowExcerpts = (passage: Passage) => (passage.table?.block.columns ?? []).map((_, column) => (column === 0 ? excerptOf(passage) : excerptOf(passage, column)));
