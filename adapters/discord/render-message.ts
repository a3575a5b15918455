import type { Answer } from '../../src/index.js';
import { noMentions, type DiscordActionRow, type DiscordEmbed, type DiscordMessagePayload } from './discord-payload.js';
import { escapeMarkdown, escapeUserText, splitText, truncateText } from './discord-text.js';
import { embedLength } from './payload-limits.js';
import { renderCitationEmbeds, renderListEmbeds, renderOutlineEmbeds, renderRelatedEmbeds } from './render-embeds.js';
import { renderTableEmbeds } from './render-table.js';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW_MAX,
  CUSTOM_ID_MAX,
  ECHOED_QUERY_MAX,
  MESSAGE_CONTENT_MAX,
  MESSAGE_EMBEDS_MAX,
  MESSAGE_EMBEDS_TOTAL_MAX,
  MESSAGES_PER_ANSWER_MAX,
} from './limits.js';

/** Buttons carry `talks:a:<token>`; tokens are at most 90 characters, so the custom_id stays within 100. */
export const ACTION_CUSTOM_ID_PREFIX = 'talks:a:';

export interface RenderOptions {
  /** No embeds: the bot may not embed links in this channel, so the answer goes as plain text. */
  textOnly?: boolean;
  /** Repeat the question above the answer (slash commands hide it; a reply sits right under it, so no). */
  echoQuery?: boolean;
  /** Extra lines for the help answer: how to ask on this platform. */
  helpFooter?: string;
}

const NOT_FOUND_LINE = "The articles don't cover that.";
const RATE_LIMITED_LINE = 'Too many questions at once — please try again in a few seconds.';
export const HELP_FOLLOW_UP_LINE = 'Follow up by replying to one of my answers, or mention me with a question.';

/**
 * Renders one Answer as Discord messages: the first is the reply, the rest follow-ups. Pure. Every payload
 * stays within Discord's limits (see limits.ts): long excerpts continue in further embeds, tables split
 * between rows, and past MESSAGES_PER_ANSWER_MAX messages the rest is cut with a note saying so.
 *
 * @example
 * const [first, ...rest] = renderAnswerMessages(answer, { echoQuery: true });
 * await interaction.reply(first);
 */
export function renderAnswerMessages(answer: Answer, options: RenderOptions = {}): DiscordMessagePayload[] {
  const header = headerLines(answer, options);
  const components = renderActionRows(answer);
  if (options.textOnly) return textMessages([...header, ...plainTextLines(answer)], components);
  const embeds = bodyEmbeds(answer, options);
  if (embeds.length === 0) return textMessages([...header, ...fallbackLines(answer)], components);
  return embedMessages(header, embeds, components);
}

function headerLines(answer: Answer, options: RenderOptions): string[] {
  const lines: string[] = [];
  // The asker's own words: a link in them is shown, never unfurled into a preview card under the answer.
  if (options.echoQuery && answer.query.trim() !== '') {
    lines.push(`**/talks** ${escapeUserText(truncateText(answer.query.replace(/\s+/g, ' ').trim(), ECHOED_QUERY_MAX))}`);
  }
  if (answer.resolvedQuery && answer.resolvedQuery.trim() !== answer.query.trim()) {
    lines.push(`*Read as:* ${escapeUserText(truncateText(answer.resolvedQuery, ECHOED_QUERY_MAX))}`);
  }
  // The core's own wording leads a refusal; notices it already contains are not repeated.
  let lead = '';
  if (answer.kind === 'not_found') lead = answer.text.trim().split('\n')[0]?.trim() || NOT_FOUND_LINE;
  if (answer.kind === 'rate_limited') lead = answer.text.trim() || RATE_LIMITED_LINE;
  if (lead !== '') lines.push(escapeMarkdown(truncateText(lead, 500)));
  for (const notice of answer.notices) {
    if (lead.includes(notice.trim())) continue;
    lines.push(`⚠️ ${escapeMarkdown(truncateText(notice, 300))}`);
  }
  return lines;
}

function bodyEmbeds(answer: Answer, options: RenderOptions): DiscordEmbed[] {
  switch (answer.kind) {
    case 'answer':
    case 'section':
      return [
        ...renderCitationEmbeds(answer.citations),
        ...(answer.kind === 'section' ? renderRelatedEmbeds('Did you mean', answer.related) : []),
      ];
    case 'positions':
      return answer.table ? renderTableEmbeds(answer.table) : renderCitationEmbeds(answer.citations);
    case 'sections':
      return answer.outlines.flatMap(renderOutlineEmbeds);
    case 'help': {
      // A help answer without examples is the reply to thanks: its text alone, no embed.
      if (answer.examples.length === 0) return [];
      const lines = ['Ask **/talks** about the talks in plain words, or try:', ...answer.examples.map((example) => `• ${escapeMarkdown(example)}`)];
      if (options.helpFooter) lines.push('', options.helpFooter);
      return renderListEmbeds('How to ask', lines);
    }
    case 'not_found':
      return renderRelatedEmbeds('Possibly related', answer.related);
    case 'rate_limited':
      return [];
  }
}

/** The core's own plain-text rendering (quotes and citations included), escaped, after the header. */
function plainTextLines(answer: Answer): string[] {
  if (answer.kind === 'rate_limited') return [];
  const text = answer.text.trim();
  if (answer.kind === 'not_found') return text.split('\n').slice(1).map((line) => escapeMarkdown(line));
  return text === '' ? [NOT_FOUND_LINE] : [escapeMarkdown(text)];
}

/** When an answer has nothing to put in embeds, its plain text is the message. */
function fallbackLines(answer: Answer): string[] {
  if (answer.kind === 'not_found' || answer.kind === 'rate_limited') return [];
  return answer.text.trim() === '' ? [NOT_FOUND_LINE] : [escapeMarkdown(answer.text.trim())];
}

function renderActionRows(answer: Answer): DiscordActionRow[] {
  const buttons = answer.actions
    .filter((action) => (ACTION_CUSTOM_ID_PREFIX + action.token).length <= CUSTOM_ID_MAX)
    // Discord rejects a message whose components repeat a custom_id.
    .filter((action, index, all) => all.findIndex((other) => other.token === action.token) === index)
    .slice(0, ACTION_ROWS_MAX * BUTTONS_PER_ROW_MAX)
    .map((action) => ({
      type: 2 as const,
      style: 2 as const,
      label: truncateText(action.label.trim() || 'More', BUTTON_LABEL_MAX),
      custom_id: ACTION_CUSTOM_ID_PREFIX + action.token,
    }));
  const rows: DiscordActionRow[] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW_MAX) {
    rows.push({ type: 1, components: buttons.slice(start, start + BUTTONS_PER_ROW_MAX) });
  }
  return rows;
}

/** Packs embeds into messages (10 per message, 6,000 characters in all), cutting past the message cap with a note. */
function embedMessages(header: string[], embeds: DiscordEmbed[], components: DiscordActionRow[]): DiscordMessagePayload[] {
  const groups: DiscordEmbed[][] = [[]];
  let total = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    const group = groups[groups.length - 1]!;
    if (group.length > 0 && (group.length >= MESSAGE_EMBEDS_MAX || total + length > MESSAGE_EMBEDS_TOTAL_MAX)) {
      groups.push([embed]);
      total = length;
    } else {
      group.push(embed);
      total += length;
    }
  }
  const shown = groups.slice(0, MESSAGES_PER_ANSWER_MAX);
  const hiddenEmbeds = groups.slice(MESSAGES_PER_ANSWER_MAX).reduce((sum, group) => sum + group.length, 0);
  const messages: DiscordMessagePayload[] = shown.map((group, index) => ({
    content: index === 0 ? fitContent(header) : `(continued, ${index + 1}/${shown.length})`,
    embeds: group,
    components: [],
    allowedMentions: noMentions(),
  }));
  const last = messages[messages.length - 1]!;
  if (hiddenEmbeds > 0) {
    const note = `✂️ Cut here: ${hiddenEmbeds} more part${hiddenEmbeds === 1 ? '' : 's'} not shown. Ask a narrower question to see them.`;
    last.content = fitContent([last.content ?? '', note].filter((line) => line !== ''));
  }
  last.components = components;
  for (const message of messages) if (message.content === '') delete message.content;
  return messages;
}

/** A text-only answer, split between lines into as many messages as it needs (up to the cap). */
function textMessages(lines: string[], components: DiscordActionRow[]): DiscordMessagePayload[] {
  const pieces = splitText(lines.join('\n'), MESSAGE_CONTENT_MAX - 100);
  const shown = pieces.slice(0, MESSAGES_PER_ANSWER_MAX);
  if (pieces.length > shown.length) shown[shown.length - 1] += '\n✂️ Cut here: the rest is too long for Discord.';
  const messages: DiscordMessagePayload[] = shown.map((content) => ({ content, embeds: [], components: [], allowedMentions: noMentions() }));
  messages[messages.length - 1]!.components = components;
  return messages;
}

/** Joins header lines, dropping whole lines from the end (then cutting) so content stays within 2,000. */
function fitContent(lines: string[]): string {
  const kept = [...lines];
  while (kept.length > 1 && kept.join('\n').length > MESSAGE_CONTENT_MAX) kept.splice(kept.length - 2, 1);
  return truncateText(kept.join('\n'), MESSAGE_CONTENT_MAX);
}
