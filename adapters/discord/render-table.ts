import type { AnswerTable } from '../../src/index.js';
import type { DiscordEmbed, DiscordEmbedField } from './discord-payload.js';
import { escapeMarkdown, truncateText } from './discord-text.js';
import { asOfFooter, citationTitle, EMBED_COLOR, packFields, safeUrl, splitField } from './render-embeds.js';
import { CODE_TABLE_WIDTH_MAX, EMBED_DESCRIPTION_MAX, EMBED_FIELD_NAME_MAX } from './limits.js';

/**
 * A table as embeds, every cell verbatim. Narrow tables become an aligned code block (reads as a grid on
 * desktop and phone alike); wider ones become one field per row — the row's first cell as the field name,
 * each other cell labelled with its column — because a code block wider than a phone wraps into noise and
 * inline "column" fields lose their row alignment once a phone stacks them.
 */
export function renderTableEmbeds(table: AnswerTable): DiscordEmbed[] {
  const title = citationTitle(table);
  const url = safeUrl(table.url);
  const extra: Partial<DiscordEmbed> = { ...(url ? { url } : {}) };
  const embeds = fitsCodeBlock(table) ? codeBlockEmbeds(table, title, extra) : fieldEmbeds(table, title, extra);
  const footer = asOfFooter(table.asOf);
  const last = embeds[embeds.length - 1];
  if (last && footer) last.footer = footer;
  return embeds;
}

function cellText(cell: string | undefined): string {
  return cell === undefined || cell.trim() === '' ? '' : cell;
}

function fitsCodeBlock(table: AnswerTable): boolean {
  const cells = [table.columns, ...table.rows].flat();
  if (cells.some((cell) => /[`\n\r]/.test(cell))) return false;
  return alignedLines(table).every((line) => line.length <= CODE_TABLE_WIDTH_MAX);
}

function alignedLines(table: AnswerTable): string[] {
  const count = Math.max(table.columns.length, ...table.rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, column) =>
    Math.max(1, ...[table.columns, ...table.rows].map((row) => cellText(row[column]).length)),
  );
  const line = (row: readonly string[]) =>
    widths
      .map((width, column) => cellText(row[column]).padEnd(width))
      .join(' | ')
      .trimEnd();
  return [line(table.columns), widths.map((width) => '-'.repeat(width)).join('-+-'), ...table.rows.map(line)];
}

function codeBlockEmbeds(table: AnswerTable, title: string, extra: Partial<DiscordEmbed>): DiscordEmbed[] {
  const [header, rule, ...rows] = alignedLines(table);
  const head = `${header}\n${rule}`;
  const embeds: DiscordEmbed[] = [];
  let current: string[] = [];
  const flush = () => {
    embeds.push({
      title: embeds.length === 0 ? title : `${title} (continued)`.slice(0, 256),
      ...extra,
      description: ['```', head, ...current, '```'].join('\n'),
      color: EMBED_COLOR,
    });
    current = [];
  };
  for (const row of rows) {
    const size = ['```', head, ...current, row, '```'].join('\n').length;
    if (current.length > 0 && size > EMBED_DESCRIPTION_MAX) flush();
    current.push(row);
  }
  flush();
  return embeds;
}

function fieldEmbeds(table: AnswerTable, title: string, extra: Partial<DiscordEmbed>): DiscordEmbed[] {
  const columns = table.columns.map((column) => escapeMarkdown(column));
  const fields: DiscordEmbedField[] = table.rows.flatMap((row, rowIndex) => {
    const first = escapeMarkdown(cellText(row[0]));
    // A first cell too long for a field name moves into the value, so no cell is ever cut.
    const labelFits = first !== '' && first.length <= EMBED_FIELD_NAME_MAX - 20;
    const label = labelFits ? first : `Row ${rowIndex + 1}`;
    const rest = labelFits ? row.slice(1) : row;
    const restColumns = labelFits ? columns.slice(1) : columns;
    if (rest.length === 0) return splitField(columns[0] ?? `Row ${rowIndex + 1}`, escapeMarkdown(cellText(row[0])));
    const value = rest
      .map((cell, index) => `**${restColumns[index] ?? `Column ${index + 1}`}:** ${escapeMarkdown(cellText(cell)) || '—'}`)
      .join('\n');
    return splitField(label, value);
  });
  const description = columns.length > 0 ? truncateText(columns.join(' · '), 300) : undefined;
  const embeds = packFields(title, fields, extra);
  if (embeds[0] && description) embeds[0].description = description;
  if (embeds.length === 0) embeds.push({ title, ...extra, description: description ?? '—', color: EMBED_COLOR });
  return embeds;
}
