import type { AnswerTable } from '../../src/index.js';
import type { SlackBlock } from './block-budget.js';
import {
  MAX_SECTION_FIELD_CHARS,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT_CHARS,
  MAX_TABLE_CELL_CHARS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
} from './limits.js';
import { escapeMrkdwn, escapeWithin } from './mrkdwn.js';

/** Slack refuses empty text, so an empty cell shows as a dash. */
const EMPTY_CELL = '—';

/** Whether the table fits Block Kit's table block: 20 columns, 100 rows with the header, cells we can send whole. */
export function fitsTableBlock(table: AnswerTable): boolean {
  const width = Math.max(table.columns.length, ...table.rows.map((row) => row.length));
  if (width === 0 || width > MAX_TABLE_COLUMNS) return false;
  if (table.rows.length + 1 > MAX_TABLE_ROWS) return false;
  return [table.columns, ...table.rows].every((row) => row.every((cell) => cell.length <= MAX_TABLE_CELL_CHARS));
}

/**
 * The table as one Block Kit table block: the header row first, every cell as `raw_text` (not parsed as
 * mrkdwn, so nothing in a cell can ping), columns wrapped so long cells stay readable on a phone.
 * https://docs.slack.dev/reference/block-kit/blocks/table-block
 */
export function renderTableBlock(table: AnswerTable): SlackBlock {
  const width = Math.max(table.columns.length, ...table.rows.map((row) => row.length));
  const toRow = (cells: readonly string[]) =>
    Array.from({ length: width }, (_, index) => ({ type: 'raw_text', text: cellText(cells[index]) }));
  return {
    type: 'table',
    column_settings: Array.from({ length: width }, () => ({ is_wrapped: true })),
    rows: [toRow(table.columns), ...table.rows.map(toRow)],
  };
}

/**
 * One row as section blocks: the row's first cell bold as the section text, the other cells as
 * `*Column*\nvalue` fields (two columns on desktop, stacked on a phone), 10 fields a section.
 * The fallback when a table does not fit the table block, or when the table block is turned off.
 * `shortened` is true when a cell was longer than a field can hold.
 */
export function renderRowAsFields(columns: readonly string[], row: readonly string[]): { blocks: SlackBlock[]; shortened: boolean } {
  const [first = '', ...rest] = row;
  const firstLabel = columns[0] ?? '';
  let shortened = false;
  const fit = (text: string, max: number) => {
    const escaped = escapeWithin(text, max);
    if (escaped !== escapeMrkdwn(text)) shortened = true;
    return escaped;
  };
  const fields = rest.map((cell, index) => {
    const label = columns[index + 1] ?? '';
    const head = label ? `*${fit(label, 200)}*\n` : '';
    return { type: 'mrkdwn', text: head + fit(cellText(cell), MAX_SECTION_FIELD_CHARS - head.length) };
  });
  const prefix = firstLabel ? `${fit(firstLabel, 200)}: ` : '';
  const title = `${prefix}*${fit(cellText(first), MAX_SECTION_TEXT_CHARS - prefix.length - 2)}*`;
  const blocks: SlackBlock[] = [];
  for (let index = 0; index < Math.max(1, fields.length); index += MAX_SECTION_FIELDS) {
    const chunk = fields.slice(index, index + MAX_SECTION_FIELDS);
    const block: SlackBlock = { type: 'section', text: { type: 'mrkdwn', text: title } };
    if (chunk.length > 0) block.fields = chunk;
    blocks.push(block);
  }
  return { blocks, shortened };
}

/** The table as aligned plain text, for the message's `text` fallback (notifications, old clients). */
export function renderTablePlain(table: AnswerTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map((cell) => cell || EMPTY_CELL).join(' | '));
  return lines.join('\n');
}

function cellText(cell: string | undefined): string {
  const text = (cell ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? EMPTY_CELL : text;
}
