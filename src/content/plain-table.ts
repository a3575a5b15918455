import { looksLikeTableRow, splitTableRow } from './pipe-table.js';
import { BULLET, WORD_SUB_BULLET } from './plain-text-lines.js';

/**
 * Tables pasted as plain text without a `---|---` line under the header: cells split by pipes all the same,
 * by tabs (a table copied out of a spreadsheet or a web page) or lined up in columns by runs of spaces (a
 * fixed-width table copied from a wire or a PDF). A header line and at least one row, every row with as many
 * cells as the header.
 */

/** Header cells end no sentence: `He left.  Then she spoke.` over another such line is prose, not a table. */
const SENTENCE_CELL = /[.!?…]["'”’)\]]*$/;
/** A cell of a rule drawn under a table's header: dashes or equals signs only. */
const HEADER_RULE_CELL = /^[-=─━]{2,}$/;
/** A run of two or more spaces, or a tab, between two cells of an aligned table. */
const ALIGNED_GAP = / {2,}|\t+/g;
/** Column names are short: a longer "cell" is a sentence with a double space in it. */
const MAX_HEADER_CELL_CHARS = 60;
/** How far a row's cell may start left of its column's header (a right-aligned figure sticks out a little). */
const ALIGN_SLACK = 2;

export interface PlainTable {
  columns: string[];
  rows: string[][];
  /** Index of the table's last line. */
  end: number;
}

/** The pipe-separated, tab-separated or space-aligned table starting at `lines[start]`, if one does. */
export function readPlainTable(lines: readonly string[], start: number): PlainTable | undefined {
  // A bullet and a tab ('•\tEnergy', as Word pastes a list) open a list item, not a row of two cells.
  if (BULLET.test(lines[start] ?? '') || WORD_SUB_BULLET.test(lines[start] ?? '')) return undefined;
  if (looksLikeTableRow(lines[start] ?? '')) return collectRows(lines, start, (line) => (looksLikeTableRow(line) ? splitTableRow(line) : undefined));
  return readTabTable(lines, start) ?? readAlignedTable(lines, start);
}

/**
 * Tab-separated cells; empty cells (two tabs in a row, a tab opening the header over its blank top-left corner)
 * count, unless only tabs used to line cells up fit.
 */
function readTabTable(lines: readonly string[], start: number): PlainTable | undefined {
  const cellText = (line: string) => line.replace(/^ +/, '').trimEnd();
  if (!cellText(lines[start] ?? '').includes('\t')) return undefined;
  const best = [/\t/, /\t+/]
    .map((separator) => collectRows(lines, start, (line) => (cellText(line).includes('\t') ? cellText(line).split(separator).map((cell) => cell.trim()) : undefined)))
    .sort((a, b) => (b?.rows.length ?? 0) - (a?.rows.length ?? 0))[0];
  return best;
}

/** Cells lined up under the header's by runs of two or more spaces. */
function readAlignedTable(lines: readonly string[], start: number): PlainTable | undefined {
  const header = alignedCells(lines[start] ?? '');
  if (header.length < 2) return undefined;
  // A header indented over the rows' first cells has a blank top-left corner: the first column names the rows.
  const firstRow = alignedCells(lines[start + 1] ?? '');
  const corner = firstRow[0];
  if (firstRow.length === header.length + 1 && corner && corner.at + corner.text.length < (header[0]?.at ?? 0)) header.unshift({ text: '', at: corner.at });
  const starts = header.map((cell) => cell.at);
  return collectRows(lines, start, (line, index) => {
    if (index === start) return header.map((cell) => cell.text);
    const cells = alignedCells(line);
    if (cells.length !== header.length) return undefined;
    const fits = cells.every((cell, index) => cell.at >= (starts[index] ?? 0) - ALIGN_SLACK && cell.at < (starts[index + 1] ?? Infinity));
    return fits ? cells.map((cell) => cell.text) : undefined;
  });
}

function alignedCells(line: string): Array<{ text: string; at: number }> {
  const trimmed = line.trimEnd();
  const cells: Array<{ text: string; at: number }> = [];
  let from = trimmed.length - trimmed.trimStart().length;
  for (const gap of trimmed.matchAll(ALIGNED_GAP)) {
    if ((gap.index ?? 0) > from) cells.push({ text: trimmed.slice(from, gap.index), at: from });
    from = (gap.index ?? 0) + gap[0].length;
  }
  if (from < trimmed.length) cells.push({ text: trimmed.slice(from), at: from });
  return cells;
}

/** The header at `start` and the rows under it that `cellsOf` reads with the header's number of cells. */
function collectRows(lines: readonly string[], start: number, cellsOf: (line: string, index: number) => string[] | undefined): PlainTable | undefined {
  const columns = cellsOf(lines[start] ?? '', start);
  if (!columns || columns.filter(Boolean).length < 2 || columns.some((cell) => cell.length > MAX_HEADER_CELL_CHARS || SENTENCE_CELL.test(cell))) return undefined;
  const rows: string[][] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const cells = cellsOf(lines[i] ?? '', i);
    // A rule under the header ('-------   --------') parts it from the rows: no row of its own.
    if (i === start + 1 && cells?.every((cell) => HEADER_RULE_CELL.test(cell))) continue;
    if (!cells || cells.length !== columns.length || cells.every((cell) => cell === '')) break;
    rows.push(cells);
  }
  return rows.length > 0 ? { columns, rows, end: i - 1 } : undefined;
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const PLAIN_TABLE_CODE: readonly unknown[] = [readPlainTable, looksLikeTableRow, splitTableRow, readTabTable, readAlignedTable, alignedCells, collectRows, SENTENCE_CELL, ALIGNED_GAP, ALIGN_SLACK, MAX_HEADER_CELL_CHARS, HEADER_RULE_CELL];
