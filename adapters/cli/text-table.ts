import { flattenWhitespace, padToWidth, textWidth, wrapText } from './text-width.js';

/** Columns are separated by this gap; the header is underlined with `-` per column. */
const COLUMN_GAP = '  ';
/** A column is never squeezed narrower than this when the table must fit a terminal width. */
const MIN_COLUMN_WIDTH = 8;

export interface TextTableOptions {
  /** Terminal width to fit; wide columns are word-wrapped to fit. Omit for no limit. */
  maxWidth?: number;
}

/**
 * Lays out a table as aligned monospace text: a header row, a rule, then the rows. Widths are measured
 * in terminal columns (wide characters count two), rows shorter or longer than the header are padded.
 *
 * @example
 * renderTextTable(['Side', 'Wants'], [['A', 'Talks'], ['B', 'Guarantees']]).join('\n');
 */
export function renderTextTable(columns: readonly string[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string[] {
  const columnCount = Math.max(columns.length, ...rows.map((row) => row.length), 0);
  if (columnCount === 0) return [];
  const cell = (row: readonly string[], index: number): string => flattenWhitespace(row[index] ?? '');
  const header = Array.from({ length: columnCount }, (_, index) => cell(columns, index));
  const body = rows.map((row) => Array.from({ length: columnCount }, (_, index) => cell(row, index)));
  const widths = header.map((_, index) => Math.max(1, textWidth(header[index] ?? ''), ...body.map((row) => textWidth(row[index] ?? ''))));
  if (options.maxWidth !== undefined) fitWidths(widths, options.maxWidth);

  const renderRow = (cells: string[]): string[] => {
    const wrapped = cells.map((text, index) => wrapText(text, widths[index] ?? 1));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    const lines: string[] = [];
    for (let lineIndex = 0; lineIndex < height; lineIndex++) {
      const parts = wrapped.map((cellLines, index) => padToWidth(cellLines[lineIndex] ?? '', widths[index] ?? 1));
      lines.push(parts.join(COLUMN_GAP).trimEnd());
    }
    return lines;
  };

  return [...renderRow(header), widths.map((width) => '-'.repeat(width)).join(COLUMN_GAP), ...body.flatMap(renderRow)];
}

/** Narrows the widest columns, one column at a time, until the table fits `maxWidth` or every column is at its minimum. */
function fitWidths(widths: number[], maxWidth: number): void {
  const total = (): number => widths.reduce((sum, width) => sum + width, 0) + COLUMN_GAP.length * (widths.length - 1);
  while (total() > maxWidth) {
    let widest = 0;
    for (let index = 1; index < widths.length; index++) if ((widths[index] ?? 0) > (widths[widest] ?? 0)) widest = index;
    const current = widths[widest] ?? 0;
    if (current <= MIN_COLUMN_WIDTH) return;
    widths[widest] = current - 1;
  }
}
