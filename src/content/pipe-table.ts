/** Pipe tables (`a | b`, `---|---`), with or without leading and trailing pipes, as pasted or in Markdown. */
import { ContentParseError } from '../errors.js';

export const SEPARATOR_CELL = /^\s*:?-{2,}:?\s*$/;

/** Splits a table line into trimmed cells, honouring `\|` escapes and optional outer pipes. */
export function splitTableRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && line[i + 1] === '|') {
      current += '|';
      i++;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  const trimmed = cells.map((cell) => cell.trim());
  if (line.trim().startsWith('|')) trimmed.shift();
  if (line.trim().endsWith('|') && !line.trim().endsWith('\\|')) trimmed.pop();
  return trimmed;
}

/** True for a line that could be a row of a pipe table. */
export function looksLikeTableRow(line: string): boolean {
  return line.includes('|') && splitTableRow(line).length >= 2;
}

/**
 * A table's border drawn in ASCII (`+-------+-------+`, `+=====+`; a database console's `-------+-------`): under
 * the header it parts the header from the rows, like `---|---`; around and between rows it is no row.
 */
export const ASCII_BORDER = /^\s*\+?(?:[-=]{2,}\+)+[-=]*\s*$/;

/** True for a header separator line such as `---|---|`, `| :--- | ---: |` or `+-----+-----+`. */
export function isTableSeparator(line: string): boolean {
  if (ASCII_BORDER.test(line)) return true;
  if (!line.includes('-') || !line.includes('|')) return false;
  const cells = splitTableRow(line);
  return cells.length >= 2 && cells.every((cell) => SEPARATOR_CELL.test(cell) || cell === '');
}

export interface PipeTable {
  columns: string[];
  rows: string[][];
  /** The index of the table's last line. */
  end: number;
}

/**
 * Reads the pipe table whose header row is `lines[start]` (its separator under it), each cell through
 * `cellText`. Throws ContentParseError naming the file and line (`lineOffset`: the front matter's lines) when
 * the header has no names or a row has more cells than the header has columns.
 */
export function readPipeTable(fileName: string, lines: readonly string[], start: number, lineOffset: number, cellText: (text: string) => string): PipeTable {
  const columns = splitTableRow(lines[start] ?? '').map(cellText);
  if (columns.every((column) => column === '')) {
    throw new ContentParseError(fileName, start + 1 + lineOffset, 'table header row has no column names');
  }
  const rows: string[][] = [];
  let i = start + 2;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (ASCII_BORDER.test(line)) continue;
    if (!line.trim() || !line.includes('|')) break;
    const cells = splitTableRow(line).map(cellText);
    if (cells.length > columns.length && cells.slice(columns.length).some((cell) => cell !== '')) {
      throw new ContentParseError(fileName, i + 1 + lineOffset, `table row has ${cells.length} cells but the header has ${columns.length} columns: fix the row or the header`);
    }
    while (cells.length < columns.length) cells.push('');
    rows.push(cells.slice(0, columns.length));
  }
  return { columns, rows, end: i - 1 };
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const PIPE_TABLE_CODE: readonly unknown[] = [splitTableRow, looksLikeTableRow, isTableSeparator, readPipeTable, SEPARATOR_CELL, ASCII_BORDER];
