/**
 * HTML tables in Markdown (`<table>` … `</table>`, as CMS exports and web copies carry them): read as tables
 * with the first row's cells as column names, each cell's inline markup removed by `cellText`.
 */

const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const CELL = /<t([hd])\b[^>]*>([\s\S]*?)<\/t\1>/gi;

export interface HtmlTable {
  columns: string[];
  rows: string[][];
  /** Index of the line holding `</table>`. */
  end: number;
}

/** The HTML table opening at `lines[start]`, if one does and closes; rows padded or cut to the header's cells. */
export function readHtmlTable(lines: readonly string[], start: number, cellText: (html: string) => string): HtmlTable | undefined {
  if (!/^\s*<table\b/i.test(lines[start] ?? '')) return undefined;
  let end = start;
  while (end < lines.length && !/<\/table>/i.test(lines[end] ?? '')) end += 1;
  if (end >= lines.length) return undefined;
  const html = lines.slice(start, end + 1).join('\n');
  const [header, ...rows] = [...html.matchAll(ROW)].map((row) => [...(row[1] ?? '').matchAll(CELL)].map((cell) => cellText(cell[2] ?? '')));
  if (!header || header.length < 2 || !header.some(Boolean)) return undefined;
  return { columns: header, rows: rows.filter((row) => row.some(Boolean)).map((row) => header.map((_, index) => row[index] ?? '')), end };
}

/** The function and patterns above, for the parser's code fingerprint. */
export const HTML_TABLE_CODE: readonly unknown[] = [readHtmlTable, ROW, CELL];
