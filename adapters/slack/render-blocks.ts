import type { Answer, AnswerTable, Citation, SectionRef } from '../../src/index.js';
import { ACTION_CORE_PREFIX, ACTION_SHARE } from './action-ids.js';
import { BlockBudget, type SlackBlock } from './block-budget.js';
import {
  MAX_ACTIONS_ELEMENTS,
  MAX_BUTTON_TEXT_CHARS,
  MAX_BUTTON_VALUE_CHARS,
  MAX_CONTEXT_ELEMENTS,
  MAX_FALLBACK_TEXT_CHARS,
  MAX_HEADER_TEXT_CHARS,
  MAX_SECTION_TEXT_CHARS,
  MAX_TEXT_OBJECT_CHARS,
} from './limits.js';
import { escapeMrkdwn, formatLink, formatQuote } from './mrkdwn.js';
import { fitsTableBlock, renderRowAsFields, renderTableBlock, renderTablePlain } from './render-table.js';
import { splitToFit, truncateAtWord } from './text-split.js';

export type { SlackBlock } from './block-budget.js';

export interface RenderOptions {
  /** Adds a "Share in channel" button carrying this value (for answers only the asker sees). */
  shareValue?: string;
  /** Shows the question above the answer (slash command answers and shared answers). */
  echoQuery?: boolean;
  /** The Slack user id of whoever shared the answer to the channel. */
  sharedBy?: string;
  /** `table` uses Block Kit's table block when the table fits it; `fields` always uses sections with fields. */
  tableStyle?: 'table' | 'fields';
}

export interface RenderedMessage {
  blocks: SlackBlock[];
  /** The notification and accessibility fallback: plain text, escaped, within Slack's recommended length. */
  text: string;
  /** True when something did not fit and the message says so. */
  truncated: boolean;
}

/** Blocks kept for the end of a message: notices, the "not shown" line, the buttons. */
const RESERVED_BLOCKS = 3;
const RESERVED_CHARS = 2500;
const TITLE_CHARS = 300;
const DEFAULT_RATE_LIMITED = 'You are asking faster than I can answer. Please try again in a few seconds.';

/**
 * Renders an Answer as a Slack message: Block Kit blocks plus the plain `text` fallback. Pure: no Slack SDK,
 * no I/O. Excerpts are quoted verbatim with their citation; the positions table uses Block Kit's table block
 * (fields when it does not fit); every Slack limit in `limits.ts` holds, cutting only at passage or row
 * boundaries and saying so.
 *
 * @example
 * const { blocks, text } = renderSlackAnswer(answer, { echoQuery: true });
 * await client.chat.postMessage({ channel, thread_ts, blocks, text });
 */
export function renderSlackAnswer(answer: Answer, options: RenderOptions = {}): RenderedMessage {
  const budget = new BlockBudget(RESERVED_BLOCKS, RESERVED_CHARS);
  const cut: string[] = [];
  const head = renderHead(answer, options);
  if (head) budget.tryAdd(head);

  switch (answer.kind) {
    case 'positions':
      if (answer.table) renderTable(budget, answer.table, options, cut);
      else renderCitations(budget, answer.citations, cut);
      break;
    case 'answer':
    case 'section':
      renderCitations(budget, answer.citations, cut);
      if (answer.citations.length === 0) renderParagraphs(budget, answer.text, cut);
      renderRefs(budget, answer.kind === 'section' ? 'Did you mean' : 'Related', answer.related, cut);
      break;
    case 'sections':
      renderOutlines(budget, answer, cut);
      break;
    case 'help': {
      const intro = withoutListedLines(answer.text, answer.examples);
      renderParagraphs(budget, intro.text, cut);
      renderList(budget, intro.hadHeading ? '' : '*Try:*', answer.examples.map((example) => `/talks ${example}`), cut, 'examples');
      break;
    }
    case 'not_found': {
      const intro = withoutListedLines(answer.text, answer.related.map(refLabel));
      renderParagraphs(budget, intro.text, cut);
      renderRefs(budget, 'Possibly related', answer.related, cut);
      break;
    }
    case 'rate_limited':
      renderParagraphs(budget, answer.text.trim() || DEFAULT_RATE_LIMITED, cut);
      break;
  }

  // A notice the core's text already says (and we showed that text) is not repeated.
  const shownText = answer.kind === 'not_found' || answer.kind === 'help' || answer.kind === 'rate_limited' ? answer.text : '';
  const notices = answer.notices.filter((notice) => !shownText.includes(notice.trim())).map((notice) => `:information_source: ${escapeMrkdwn(notice)}`);
  if (notices.length > 0) budget.addReserved(contextBlock(notices));
  if (cut.length > 0) {
    budget.addReserved(contextBlock([`:scissors: Slack limits the length of a message, so this one is cut: ${cut.join('; ')}.`]));
  }
  const actions = renderActions(answer, options);
  if (actions) budget.addReserved(actions);

  return { blocks: budget.blocks, text: renderFallbackText(answer), truncated: cut.length > 0 };
}

function renderHead(answer: Answer, options: RenderOptions): SlackBlock | undefined {
  const parts: string[] = [];
  if (options.sharedBy && /^[UW][A-Z0-9]{2,}$/.test(options.sharedBy)) parts.push(`Shared by <@${options.sharedBy}>`);
  if (options.echoQuery && answer.query.trim() && answer.kind !== 'rate_limited') {
    parts.push(`:mag: ${escapeMrkdwn(truncateAtWord(answer.query.trim(), 500))}`);
  }
  if (answer.resolvedQuery && answer.resolvedQuery.trim() !== answer.query.trim()) {
    parts.push(`answering _${escapeMrkdwn(truncateAtWord(answer.resolvedQuery, 500))}_`);
  }
  return parts.length > 0 ? contextBlock([parts.join(' · ')]) : undefined;
}

/** The citation line under an excerpt: document › section, the article's link, the date it was filed. */
export function renderSourceLine(source: SectionRef & { url?: string; asOf?: string }): string {
  const parts = [`:page_facing_up: *${escapeMrkdwn(truncateAtWord(source.documentTitle, TITLE_CHARS))}* › ${escapeMrkdwn(truncateAtWord(source.sectionTitle, TITLE_CHARS))}`];
  const link = source.url ? formatLink(source.url, 'article') : undefined;
  if (link) parts.push(link);
  const date = source.asOf?.slice(0, 10);
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) parts.push(`as of ${date}`);
  return parts.join(' · ');
}

/** One excerpt as quote texts, each within a section's limit (split between sentences, never inside a word). */
function quotePieces(citation: Citation): string[] {
  const pieces = splitToFit(citation.excerpt.trim(), (piece) => formatQuote(piece, citation.matched).length <= MAX_SECTION_TEXT_CHARS);
  return pieces.map((piece) => formatQuote(piece, citation.matched));
}

/** Packs quotes into as few sections as fit; a blank line between excerpts makes Slack show separate quotes. */
function packQuotes(quotes: readonly string[]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let text = '';
  for (const quote of quotes) {
    if (text && text.length + 2 + quote.length <= MAX_SECTION_TEXT_CHARS) text += `\n\n${quote}`;
    else {
      if (text) blocks.push(sectionBlock(text));
      text = quote;
    }
  }
  if (text) blocks.push(sectionBlock(text));
  return blocks;
}

/**
 * The excerpts, best first. Consecutive excerpts from the same section share one citation line under them.
 * What does not fit is cut at an excerpt boundary (or, for a single huge excerpt, between its passages),
 * and the message says how much is missing.
 */
function renderCitations(budget: BlockBudget, citations: readonly Citation[], cut: string[]): void {
  const groups: Citation[][] = [];
  for (const citation of citations) {
    const last = groups[groups.length - 1];
    const previous = last?.[0];
    if (last && previous && sourceKey(previous) === sourceKey(citation)) last.push(citation);
    else groups.push([citation]);
  }
  let shown = 0;
  for (const group of groups) {
    const quotes = group.map(quotePieces);
    const context = contextBlock([renderSourceLine(group[0] as Citation)]);
    let fitted = 0;
    for (let count = group.length; count >= 1 && fitted === 0; count -= 1) {
      if (budget.tryAdd(...packQuotes(quotes.slice(0, count).flat()), context)) fitted = count;
    }
    shown += fitted;
    if (fitted === group.length) continue;
    if (fitted === 0) {
      // Keep as much of this excerpt as fits, passage by passage, with its citation.
      const pieces = quotes[0] ?? [];
      for (let kept = pieces.length - 1; kept > 0; kept -= 1) {
        if (budget.tryAdd(...packQuotes(pieces.slice(0, kept)), context)) {
          cut.push('the last excerpt is shortened');
          shown += 1;
          break;
        }
      }
    }
    break;
  }
  const left = citations.length - shown;
  if (left > 0) cut.push(`${left} more ${left === 1 ? 'excerpt' : 'excerpts'} not shown`);
}

function sourceKey(citation: Citation): string {
  return [citation.documentId, citation.sectionId, citation.url ?? '', citation.asOf ?? ''].join('\u0000');
}

function renderTable(budget: BlockBudget, table: AnswerTable, options: RenderOptions, cut: string[]): void {
  const title = [table.sectionTitle, table.documentTitle].filter(Boolean).join(' — ');
  // A bold mrkdwn line rather than a header block: header text is plain_text, which we cannot escape.
  budget.tryAdd(sectionBlock(`*${escapeMrkdwn(truncateAtWord(title || 'Positions', MAX_HEADER_TEXT_CHARS))}*`));
  const source = contextBlock([renderSourceLine(table)]);
  if (options.tableStyle !== 'fields' && fitsTableBlock(table) && budget.tryAdd(renderTableBlock(table), source)) return;
  let shown = 0;
  for (const row of table.rows) {
    if (!budget.tryAdd(...renderRowAsFields(table.columns, row))) break;
    shown += 1;
  }
  if (shown < table.rows.length) cut.push(`${table.rows.length - shown} of ${table.rows.length} table rows not shown`);
  budget.addReserved(source);
}

function renderOutlines(budget: BlockBudget, answer: Answer, cut: string[]): void {
  if (answer.outlines.length === 0) renderParagraphs(budget, answer.text, cut);
  for (let index = 0; index < answer.outlines.length; index += 1) {
    const outline = answer.outlines[index];
    if (!outline) continue;
    const items = outline.sections.map((section) => section.sectionTitle);
    for (const table of outline.tables) items.push(`Table in ${table.sectionTitle}: ${table.columns.join(' · ')}`);
    if (!renderList(budget, `:page_facing_up: *${escapeMrkdwn(truncateAtWord(outline.documentTitle, TITLE_CHARS))}*`, items, cut, `sections of ${outline.documentTitle}`)) {
      const left = answer.outlines.length - index - 1;
      if (left > 0) cut.push(`${left} more ${left === 1 ? 'document' : 'documents'} not listed`);
      return;
    }
  }
}

function renderRefs(budget: BlockBudget, label: string, refs: readonly SectionRef[], cut: string[]): void {
  if (refs.length === 0) return;
  renderList(budget, `*${label}:*`, refs.map(refLabel), cut, label.toLowerCase());
}

function refLabel(ref: SectionRef): string {
  return `${ref.documentTitle} › ${ref.sectionTitle}`;
}

/**
 * The core's plain text minus the bullet lines that repeat a list we render ourselves (examples, related
 * sections), and minus that list's heading line (`…:`) when it ends the remaining text.
 */
function withoutListedLines(text: string, items: readonly string[]): { text: string; hadHeading: boolean } {
  const listed = new Set(items.map((item) => item.trim()));
  const lines = text.split('\n').filter((line) => {
    const bullet = /^\s*(?:[•*-]|\d+[.)])\s+(.*)$/.exec(line);
    return !(bullet && listed.has((bullet[1] ?? '').trim()));
  });
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const last = (lines[lines.length - 1] ?? '').trim();
  const removed = lines.length < text.split('\n').length;
  if (removed && /^[^.!?]{0,40}:$/.test(last)) {
    lines.pop();
    return { text: lines.join('\n'), hadHeading: false };
  }
  return { text: lines.join('\n'), hadHeading: removed && last.endsWith(':') };
}

/** A titled bullet list split into sections at item boundaries. Returns false when it had to cut. */
function renderList(budget: BlockBudget, title: string, items: readonly string[], cut: string[], what: string): boolean {
  if (items.length === 0) return true;
  let text = title;
  let shown = 0;
  const blocks: SlackBlock[] = [];
  for (const item of items) {
    const line = `\n• ${escapeMrkdwn(truncateAtWord(item, TITLE_CHARS))}`;
    if (text.length + line.length > MAX_SECTION_TEXT_CHARS) {
      blocks.push(sectionBlock(text));
      text = line.slice(1);
    } else text = text ? text + line : line.slice(1);
    shown += 1;
  }
  blocks.push(sectionBlock(text));
  for (let kept = blocks.length; kept > 0; kept -= 1) {
    if (budget.tryAdd(...blocks.slice(0, kept))) {
      if (kept < blocks.length) {
        cut.push(`some ${what} not shown`);
        return false;
      }
      return shown === items.length;
    }
  }
  cut.push(`${what} not shown`);
  return false;
}

function renderParagraphs(budget: BlockBudget, text: string, cut: string[]): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const pieces = splitToFit(trimmed, (piece) => escapeMrkdwn(piece).length <= MAX_SECTION_TEXT_CHARS);
  for (const piece of pieces) {
    if (!budget.tryAdd(sectionBlock(escapeMrkdwn(piece)))) {
      cut.push('the rest of the text not shown');
      return;
    }
  }
}

function renderActions(answer: Answer, options: RenderOptions): SlackBlock | undefined {
  const elements: Record<string, unknown>[] = answer.actions.slice(0, MAX_ACTIONS_ELEMENTS - 1).map((action, index) => ({
    type: 'button',
    action_id: `${ACTION_CORE_PREFIX}${action.kind}_${index}`,
    text: { type: 'plain_text', text: truncateAtWord(action.label, MAX_BUTTON_TEXT_CHARS), emoji: false },
    value: action.token,
  }));
  if (options.shareValue && options.shareValue.length <= MAX_BUTTON_VALUE_CHARS && answer.kind !== 'rate_limited') {
    elements.push({
      type: 'button',
      action_id: ACTION_SHARE,
      style: 'primary',
      text: { type: 'plain_text', text: 'Share in channel', emoji: false },
      value: options.shareValue,
    });
  }
  return elements.length > 0 ? { type: 'actions', block_id: 'talks_actions', elements } : undefined;
}

/** The plain-text fallback: the core's own text rendering, escaped, cut at a word within Slack's recommended length. */
function renderFallbackText(answer: Answer): string {
  let text = answer.text.trim();
  if (!text && answer.table) text = renderTablePlain(answer.table);
  if (!text) text = answer.kind === 'rate_limited' ? DEFAULT_RATE_LIMITED : answer.query;
  let max = MAX_FALLBACK_TEXT_CHARS;
  let escaped = escapeMrkdwn(truncateAtWord(text, max));
  while (escaped.length > MAX_FALLBACK_TEXT_CHARS) {
    max -= escaped.length - MAX_FALLBACK_TEXT_CHARS;
    escaped = escapeMrkdwn(truncateAtWord(text, max));
  }
  return escaped;
}

function sectionBlock(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function contextBlock(texts: readonly string[]): SlackBlock {
  return {
    type: 'context',
    elements: texts.slice(0, MAX_CONTEXT_ELEMENTS).map((text) => ({ type: 'mrkdwn', text: truncateAtWord(text, MAX_TEXT_OBJECT_CHARS) })),
  };
}
