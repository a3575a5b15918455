import type { TableBlock } from '../content/document-model.js';
import { splitWords, termsOfWord } from '../text/analyze-terms.js';
import type { TermGroup } from './resolve-query-terms.js';

/** A table of some document, with where it sits. */
export interface LocatedTable {
  docIndex: number;
  sectionIndex: number;
  block: TableBlock;
  /** Index terms of each column header that no other header shares (e.g. `iran` of "Iran Position"). */
  columnTerms: Set<string>[];
  /** Index terms of every header (e.g. `posit`). */
  headerTerms: Set<string>;
  /** Index terms of each row's label (its first cell). */
  rowTerms: Set<string>[];
}

/** Switches (eval/ablate.ts). */
export const TABLE_MATCH_OPTIONS = {
  /** With a column named, a row is also named by one word of its label no other row has ("japan on the fee"). */
  partialRowLabels: true,
};

const termsOf = (text: string) => new Set(splitWords(text).flatMap(termsOfWord));

export function locateTable(docIndex: number, sectionIndex: number, block: TableBlock): LocatedTable {
  const headerSets = block.columns.map(termsOf);
  const columnTerms = headerSets.map((set, index) => new Set([...set].filter((term) => headerSets.every((other, j) => j === index || !other.has(term)))));
  return {
    docIndex,
    sectionIndex,
    block,
    columnTerms,
    headerTerms: new Set(headerSets.flatMap((set) => [...set])),
    rowTerms: block.rows.map((row) => termsOf(row[0] ?? '')),
  };
}

export interface TableMatch {
  table: LocatedTable;
  rowIndexes: number[];
  /** The column asked about (never the label column), if any. */
  columnIndex?: number;
  /** Query groups the match explains (row label, column, or header words). */
  explained: Set<number>;
  /** Query groups that only name header words shared by every column (e.g. "position"). */
  headerGroups: Set<number>;
  /** True when the column was reached only through the lexicon (American → US), not the header's own word. */
  columnByLexicon: boolean;
  /** Query groups naming the column. */
  columnGroups: number[];
  /** True when the rows were named by one word of their labels only (TABLE_MATCH_OPTIONS.partialRowLabels). */
  partialRows: boolean;
}

const groupHas = (group: TermGroup, terms: Set<string>) => group.alternatives.some((alternative) => alternative.how !== 'prefix' && terms.has(alternative.term));
/**
 * The rows a query word names by a word of their label that no other row's label has, in the question's own words
 * ("fee" of "Vessel‑day fee", "cameras" of "Cameras on longliners").
 */
export function rowsByOwnLabelWord(table: LocatedTable, group: TermGroup): number[] {
  return table.rowTerms.flatMap((terms, rowIndex) =>
    [...terms].some((term) => groupHasOwn(group, new Set([term])) && table.rowTerms.every((other, r) => r === rowIndex || !other.has(term))) ? [rowIndex] : [],
  );
}

const groupHasOwn = (group: TermGroup, terms: Set<string>) => group.alternatives.some((alternative) => (alternative.how === 'exact' || alternative.how === 'fuzzy') && terms.has(alternative.term));

/**
 * Matches a query against a table's structure: rows whose whole label the query names, and the column
 * whose own header words it names. Columns are read from the header, never assumed.
 */
export function matchTable(table: LocatedTable, groups: TermGroup[]): TableMatch {
  // The same query's groups are matched against the same tables twice (findMissingColumn, then
  // findTableQuestion): remembered per groups array, handed out as copies (callers may set rowIndexes).
  let byTable = matchesByGroups.get(groups);
  if (!byTable) {
    byTable = new Map();
    matchesByGroups.set(groups, byTable);
  }
  let match = byTable.get(table);
  if (!match) {
    match = computeTableMatch(table, groups);
    byTable.set(table, match);
  }
  return { ...match };
}

const matchesByGroups = new WeakMap<TermGroup[], Map<LocatedTable, TableMatch>>();

function computeTableMatch(table: LocatedTable, groups: TermGroup[]): TableMatch {
  const explained = new Set<number>();
  const rowIndexes: number[] = [];
  // Every term the query's alternatives name: a row matches when its label's terms are all among them.
  const named = new Set<string>();
  const ownNamed = new Set<string>();
  for (const group of groups) {
    for (const alternative of group.alternatives) {
      named.add(alternative.term);
      if (alternative.how !== 'lexicon') ownNamed.add(alternative.term);
    }
  }
  const matching = (terms: Set<string>, by: Set<string>) => terms.size > 0 && [...terms].every((term) => by.has(term));
  // A row the question names in its own words outranks one reached only through a dictionary relative
  // ("greek cypriot position on security": Security, not Model through position → model).
  const own = table.rowTerms.some((terms) => matching(terms, ownNamed));
  table.rowTerms.forEach((terms, rowIndex) => {
    if (!matching(terms, own ? ownNamed : named)) return;
    rowIndexes.push(rowIndex);
    groups.forEach((group, index) => {
      if (groupHas(group, terms)) explained.add(index);
    });
  });
  let columnIndex: number | undefined;
  let columnByLexicon = false;
  let columnGroups: number[] = [];
  table.columnTerms.forEach((terms, index) => {
    if (index === 0 || terms.size === 0 || columnIndex !== undefined) return;
    // A word naming the row ("aid" of "Aid access") names no column through a dictionary relative (aid → support
    // of "Rapid Support Forces"); by the header's own word it still may.
    const names = (group: TermGroup, g: number) => (explained.has(g) ? groupHasOwn(group, terms) : groupHas(group, terms));
    const hits = groups.map((group, g) => (names(group, g) ? g : -1)).filter((g) => g >= 0);
    if (hits.length > 0) {
      columnIndex = index;
      columnGroups = hits;
      hits.forEach((g) => explained.add(g));
      columnByLexicon = hits.every((g) => !groups[g]?.alternatives.some((alternative) => alternative.how !== 'lexicon' && terms.has(alternative.term)));
    }
  });
  // "japan on the fee", "korea on transshipment": with a column named, a row may be named by a word of its label
  // that no other row's label has ("fee" of "Vessel‑day fee"), in the question's own words.
  let partialRows = false;
  if (TABLE_MATCH_OPTIONS.partialRowLabels && rowIndexes.length === 0 && columnIndex !== undefined) {
    groups.forEach((group, g) => {
      if (explained.has(g)) return;
      for (const rowIndex of rowsByOwnLabelWord(table, group)) {
        if (!rowIndexes.includes(rowIndex)) rowIndexes.push(rowIndex);
        explained.add(g);
      }
    });
    rowIndexes.sort((a, b) => a - b);
    partialRows = rowIndexes.length > 0;
  }
  const headerGroups = new Set<number>();
  groups.forEach((group, index) => {
    if (!explained.has(index) && groupHas(group, table.headerTerms)) {
      explained.add(index);
      headerGroups.add(index);
    }
  });
  return { table, rowIndexes, ...(columnIndex !== undefined ? { columnIndex } : {}), explained, headerGroups, columnByLexicon, columnGroups, partialRows };
}
