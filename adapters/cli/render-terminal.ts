import type { Answer, AnswerTable, Citation, DocumentOutline, SectionRef } from '../../src/index.js';
import { renderTextTable } from './text-table.js';
import { flattenWhitespace, stripControlCharacters, wrapText } from './text-width.js';

export interface RenderTerminalOptions {
  /** Terminal width in columns: excerpts and tables are wrapped to it. Omit (e.g. output to a pipe) for no wrapping. */
  width?: number;
}

/** Quoted excerpts are prefixed like e-mail quotes so they stand apart from the bot's own words. */
const QUOTE = '> ';
/** Citations and section references read `document › section`, as in the brief. */
const SEPARATOR = ' › ';
/** The line under a quote or table that says where it comes from (continuation lines are indented to match). */
const SOURCE = '  — ';
const SOURCE_CONTINUED = '    ';

/**
 * Renders an Answer as plain terminal text: excerpts quoted, each followed by its `document › section`
 * line, the positions table aligned in columns, "possibly related" sections for not_found, notices last.
 * Control characters are removed (nothing printed can drive the terminal). Pure: the same Answer and
 * options give the same text; shared by `talks ask` and the console chat.
 *
 * @example
 * process.stdout.write(renderTerminal(answer, { width: process.stdout.columns }) + '\n');
 */
export function renderTerminal(answer: Answer, options: RenderTerminalOptions = {}): string {
  const width = options.width !== undefined && options.width > 20 ? options.width : undefined;
  const lines: string[] = [];
  const resolved = answer.resolvedQuery?.trim();
  if (resolved && flattenWhitespace(resolved).toLowerCase() !== flattenWhitespace(answer.query).toLowerCase()) {
    lines.push(`(answering: ${flattenWhitespace(resolved)})`, '');
  }

  switch (answer.kind) {
    case 'positions':
      if (answer.table) lines.push(...renderTable(answer.table, width));
      else lines.push(...renderCitationsOrText(answer, width));
      break;
    case 'answer':
    case 'section':
      lines.push(...renderCitationsOrText(answer, width));
      if (answer.kind === 'section' && answer.related.length > 0) {
        lines.push('', 'Other sections it could mean:', ...renderRefs(answer.related));
      }
      break;
    case 'sections':
      lines.push(...(answer.outlines.length > 0 ? renderOutlines(answer.outlines) : textLines(answer.text, width)));
      break;
    case 'help':
      lines.push(...textLines(answer.text, width));
      lines.push(...renderMissingExamples(answer));
      break;
    case 'not_found':
    case 'rate_limited': {
      lines.push(...textLines(answer.text, width));
      // The core's text may already list them; add only what it does not say.
      const missing = answer.related.filter((ref) => !answer.text.includes(refText(ref)));
      if (missing.length > 0) lines.push('', 'Possibly related:', ...missing.map((ref) => `  - ${refText(ref)}`));
      break;
    }
  }

  // Notices the text above already carries (not_found's reason is both) are not repeated.
  const shown = lines.join('\n');
  const notices = answer.notices.filter((notice) => !shown.includes(notice.trim()));
  if (notices.length > 0) {
    lines.push('');
    for (const notice of notices) lines.push(...prefixWrapped('Note: ', flattenWhitespace(notice), width));
  }
  return stripControlCharacters(trimBlankEdges(lines).join('\n'));
}

function renderCitationsOrText(answer: Answer, width: number | undefined): string[] {
  if (answer.citations.length === 0) return textLines(answer.text, width);
  const lines: string[] = [];
  answer.citations.forEach((citation, index) => {
    const previous = answer.citations[index - 1];
    const next = answer.citations[index + 1];
    // Consecutive excerpts from the same section share one source line, separated by an empty quote line.
    if (previous) lines.push(sameSource(previous, citation) ? QUOTE.trimEnd() : '');
    lines.push(...renderExcerpt(citation.excerpt, width));
    if (!next || !sameSource(citation, next)) lines.push(...prefixWrapped(SOURCE, sourceLine(citation), width, SOURCE_CONTINUED));
  });
  return lines;
}

function sameSource(a: Citation, b: Citation): boolean {
  return a.documentId === b.documentId && a.sectionId === b.sectionId && a.url === b.url && a.asOf === b.asOf;
}

function renderExcerpt(excerpt: string, width: number | undefined): string[] {
  const lines: string[] = [];
  // An excerpt may hold several lines (a list); each is quoted on its own.
  for (const paragraph of excerpt.split(/\r?\n/u)) {
    if (paragraph.trim() === '') continue;
    lines.push(...prefixWrapped(QUOTE, flattenWhitespace(paragraph), width));
  }
  return lines.length > 0 ? lines : [QUOTE.trimEnd()];
}

function renderTable(table: AnswerTable, width: number | undefined): string[] {
  const body = renderTextTable(table.columns, table.rows, width === undefined ? {} : { maxWidth: width });
  return [...(body.length > 0 ? body : ['(the table is empty)']), '', ...prefixWrapped(SOURCE, sourceLine(table), width, SOURCE_CONTINUED)];
}

function sourceLine(source: SectionRef & { url?: string; asOf?: string }): string {
  const where = `${flattenWhitespace(source.documentTitle)}${SEPARATOR}${flattenWhitespace(source.sectionTitle)}`;
  const extras = [source.asOf ? `as of ${source.asOf.slice(0, 10)}` : '', source.url ?? ''].filter(Boolean);
  return extras.length > 0 ? `${where} (${extras.join(', ')})` : where;
}

function renderRefs(refs: readonly SectionRef[]): string[] {
  return refs.map((ref) => `  - ${refText(ref)}`);
}

function refText(ref: SectionRef): string {
  return `${flattenWhitespace(ref.documentTitle)}${SEPARATOR}${flattenWhitespace(ref.sectionTitle)}`;
}

function renderOutlines(outlines: readonly DocumentOutline[]): string[] {
  const lines: string[] = [];
  outlines.forEach((outline, index) => {
    if (index > 0) lines.push('');
    lines.push(flattenWhitespace(outline.documentTitle));
    outline.sections.forEach((section, sectionIndex) => lines.push(`  ${sectionIndex + 1}. ${flattenWhitespace(section.sectionTitle)}`));
    for (const table of outline.tables) {
      lines.push(`  table in ${flattenWhitespace(table.sectionTitle)}: ${table.columns.map(flattenWhitespace).join(' | ')}`);
    }
  });
  return lines;
}

/** Help examples the core's text does not already show, as a list. */
function renderMissingExamples(answer: Answer): string[] {
  const missing = answer.examples.filter((example) => !answer.text.includes(example));
  if (missing.length === 0) return [];
  return ['', 'For example:', ...missing.map((example) => `  ${flattenWhitespace(example)}`)];
}

function textLines(text: string, width: number | undefined): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (width === undefined || line.length === 0) lines.push(line.trimEnd());
    else lines.push(...prefixWrapped(line.match(/^\s*/u)?.[0] ?? '', line.trim(), width));
  }
  return lines;
}

function prefixWrapped(prefix: string, text: string, width: number | undefined, continued = prefix): string[] {
  if (width === undefined) return [`${prefix}${text}`];
  return wrapText(text, width - Math.max(prefix.length, continued.length)).map((line, index) => `${index === 0 ? prefix : continued}${line}`);
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === '') start++;
  while (end > start && lines[end - 1]?.trim() === '') end--;
  return lines.slice(start, end);
}
