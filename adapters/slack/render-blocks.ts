import type { Answer, AnswerTable } from '../../src/index.js';
import { ACTION_CORE_PREFIX, ACTION_SHARE } from './action-ids.js';
import { BlockBudget, contextBlock, sectionBlock, type SlackBlock } from './block-budget.js';
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
import { escapeMrkdwn, escapeWithin } from './mrkdwn.js';
import { renderCitations, renderSourceLine } from './render-citations.js';
import { refLabel, renderList, renderOutlines, renderParagraphs, renderRefs, withoutListedLines } from './render-lists.js';
import { fitsTableBlock, renderRowAsFields, renderTableBlock, renderTablePlain } from './render-table.js';
import { truncateAtWord } from './text-split.js';

export type { SlackBlock } from './block-budget.js';
export { renderSourceLine } from './render-citations.js';

export interface RenderOptions {
  /** Adds a "Share in channel" button carrying this value (for answers only the asker sees). */
  shareValue?: string;
  /** Shows the question above the answer (slash command answers and shared answers). */
  echoQuery?: boolean;
  /** The Slack user id of whoever shared the answer to the channel. */
  sharedBy?: string;
  /** The Slack user id of whoever asked, on a /talks answer the bot posts for the channel (Slack shows no command then). */
  askedBy?: string;
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

/** Blocks kept for the end of a message: notices, the "not shown" line, the buttons, a table's source line. */
const RESERVED_BLOCKS = 4;
const RESERVED_CHARS = 2500;
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
  else if (options.askedBy && /^[UW][A-Z0-9]{2,}$/.test(options.askedBy)) parts.push(`Asked by <@${options.askedBy}>`);
  if (options.echoQuery && answer.query.trim() && answer.kind !== 'rate_limited') {
    parts.push(`:mag: ${escapeWithin(answer.query.trim(), 500)}`);
  }
  if (answer.resolvedQuery && answer.resolvedQuery.trim() !== answer.query.trim()) {
    parts.push(`answering _${escapeWithin(answer.resolvedQuery, 500)}_`);
  }
  return parts.length > 0 ? contextBlock([parts.join(' · ')]) : undefined;
}

function renderTable(budget: BlockBudget, table: AnswerTable, options: RenderOptions, cut: string[]): void {
  const title = [table.sectionTitle, table.documentTitle].filter(Boolean).join(' — ');
  // A bold mrkdwn line rather than a header block: header text is plain_text, which we cannot escape.
  budget.tryAdd(sectionBlock(`*${escapeWithin(title || 'Positions', MAX_HEADER_TEXT_CHARS)}*`));
  const source = contextBlock([renderSourceLine(table)]);
  if (options.tableStyle !== 'fields' && fitsTableBlock(table) && budget.tryAdd(renderTableBlock(table), source)) return;
  let shown = 0;
  let shortened = false;
  for (const row of table.rows) {
    const rendered = renderRowAsFields(table.columns, row);
    if (!budget.tryAdd(...rendered.blocks)) break;
    shortened ||= rendered.shortened;
    shown += 1;
  }
  if (shortened) cut.push('cells longer than a field can hold are shortened');
  if (shown < table.rows.length) cut.push(`${table.rows.length - shown} of ${table.rows.length} table rows not shown`);
  budget.addReserved(source);
}

function renderActions(answer: Answer, options: RenderOptions): SlackBlock | undefined {
  const elements: Record<string, unknown>[] = answer.actions.slice(0, MAX_ACTIONS_ELEMENTS - 1).map((action, index) => ({
    type: 'button',
    action_id: `${ACTION_CORE_PREFIX}${action.kind}_${index}`,
    // plain_text is not parsed for mentions, and cannot be escaped either: angle brackets become look-alikes.
    text: { type: 'plain_text', text: truncateAtWord(action.label.replace(/</g, '‹').replace(/>/g, '›'), MAX_BUTTON_TEXT_CHARS), emoji: false },
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
  return escapeWithin(text, MAX_FALLBACK_TEXT_CHARS);
}

