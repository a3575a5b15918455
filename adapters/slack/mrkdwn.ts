import { truncateAtWord } from './text-split.js';

/**
 * Slack mrkdwn in and out. Out: everything taken from an article or a user is escaped (`&`, `<`, `>`), so
 * `<!channel>` or `<@U123>` in an excerpt or a query renders as text and pings no one. In: the text Slack
 * sends (slash command `text`, message `text`) arrives with those characters escaped and with mentions and
 * links in angle brackets; the core wants plain words.
 * https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes `text` and cuts it at a word boundary (with an ellipsis) so the escaped result is at most `max`
 * characters: escaping lengthens text (`&` → `&amp;`), so the cut is made on the escaped length.
 */
export function escapeWithin(text: string, max: number): string {
  let room = max;
  let escaped = escapeMrkdwn(truncateAtWord(text, room));
  while (escaped.length > max && room > 1) {
    room -= escaped.length - max;
    escaped = escapeMrkdwn(truncateAtWord(text, Math.max(1, room)));
  }
  return escaped;
}

const WORD_CHAR = String.raw`[\p{L}\p{N}]`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiled bold patterns by word list: compiling a Unicode-aware pattern costs more than using it. */
const boldPatterns = new Map<string, RegExp | undefined>();
const MAX_CACHED_PATTERNS = 256;

function boldPattern(matched: readonly string[]): RegExp | undefined {
  const key = matched.join('\u0000');
  if (boldPatterns.has(key)) return boldPatterns.get(key);
  const words = [...new Set(matched.map((word) => word.trim()).filter((word) => word.length > 0 && !/[*_~`]/.test(word)))];
  words.sort((a, b) => b.length - a.length);
  const pattern = words.length === 0 ? undefined : new RegExp(`(?<!${WORD_CHAR})(?:${words.map(escapeRegExp).join('|')})(?!${WORD_CHAR})`, 'giu');
  if (boldPatterns.size >= MAX_CACHED_PATTERNS) boldPatterns.delete(boldPatterns.keys().next().value as string);
  boldPatterns.set(key, pattern);
  return pattern;
}

/**
 * Escapes `text` and bolds whole-word occurrences of `matched` (query words as written in the excerpt).
 * One pass over an alternation, longest first, so bold markers never nest.
 */
export function formatWithBold(text: string, matched: readonly string[]): string {
  const pattern = matched.length > 0 ? boldPattern(matched) : undefined;
  if (!pattern) return escapeMrkdwn(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    out += escapeMrkdwn(text.slice(last, start)) + `*${escapeMrkdwn(match[0])}*`;
    last = start + match[0].length;
  }
  return out + escapeMrkdwn(text.slice(last));
}

/** Quotes text as a mrkdwn block quote, line by line, with matched words bold. */
export function formatQuote(text: string, matched: readonly string[] = []): string {
  return text
    .split('\n')
    .map((line) => `>${line.trim() === '' ? '' : ' ' + formatWithBold(line, matched)}`)
    .join('\n');
}

/**
 * A link Slack will render, or undefined for anything that is not http(s). The `|` and `>` that would end
 * the link early are percent-encoded, `&` and `<` escaped.
 */
export function formatLink(url: string, label: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const href = parsed.href.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C').replace(/&/g, '&amp;');
  return `<${href}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/**
 * Turns the text Slack sends into the plain words a user typed: `<https://x|label>` → `label`,
 * `<!date^…|Feb 18>` → `Feb 18`, entities decoded. Mentions drop out, named or not: `<@U1>`, `<@U1|ana>`,
 * `<#C1|desk>`, `<!subteam^S1|@desk>`, `<!here>` name people and places in the workspace (the bot itself among
 * them), never words of the articles, and the core refused "oman, for <#C0DESK|>" as never mentioning
 * "c0desk" (events send ids without names; should_escape slash commands send names).
 */
export function slackTextToPlain(text: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = splitOnce(inner, '|');
    if (target.startsWith('@') || target.startsWith('#')) return ' ';
    if (target.startsWith('!')) return target.startsWith('!date^') && label ? label : ' ';
    return label ?? target.replace(/^mailto:/, '');
  });
  return plain
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
}

/**
 * Whether Slack text speaks to people other than the bot: it mentions a user who is not `botUserId`
 * (`<@U…>`), a user group (`<!subteam^…>`), or `<!here>`, `<!channel>`, `<!everyone>`. In a thread the bot
 * takes part in, such a message is colleagues talking to each other, not a follow-up for the bot.
 */
export function addressesOthers(text: string, botUserId?: string): boolean {
  for (const [, inner = ''] of text.matchAll(/<([^<>]*)>/g)) {
    const [target = ''] = splitOnce(inner, '|');
    if (target.startsWith('@') && target.slice(1) !== botUserId) return true;
    if (/^!(?:here|channel|everyone|subteam\^)/.test(target)) return true;
  }
  return false;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
