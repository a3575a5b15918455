/** Pipe tables (`a | b`, `---|---`), with or without leading and trailing pipes, as pasted or in Markdown. */

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
