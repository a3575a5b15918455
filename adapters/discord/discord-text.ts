/**
 * Text helpers for Discord's Markdown. Pure: no discord.js.
 * https://support.discord.com/hc/en-us/articles/210298617-Markdown-Text-101-Chat-Formatting-Bold-Italic-Underline
 */

/**
 * Escapes Discord Markdown so an article's or a user's characters show as written: `*`, `_`, `~`, `` ` ``,
 * `|`, `\`, `[`, `]` (masked links), `<` (so `<@123>` shows as typed, not as a pill), and `>` quotes, `#` headings
 * and `-#` subtext at line start. Pings are stopped elsewhere: every message sets allowedMentions to parse nothing.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<]/g, (char) => `\\${char}`)
    .replace(/^(\s*)(>|#{1,3}\s|-#\s)/gm, (_match, space: string, marker: string) => `${space}\\${marker}`);
}

/** An http(s) link as Discord finds one in a message's text: up to the next space or angle bracket. */
const URL_IN_TEXT = /https?:\/\/[^\s<>]+/gi;
/** Punctuation that closes the sentence around a link rather than the link itself. */
const URL_TRAILING_PUNCTUATION = /[.,:;!?'"*_~|]+$/;

/**
 * Escapes a person's own text (a query echoed above its answer) like `escapeMarkdown`, and wraps each http(s)
 * link in it in `<…>`, which Discord shows as a link without unfurling a preview card under the message: a link
 * pasted into `/talks` would otherwise put a stranger's page under the desk's answer. The link is left
 * unescaped (Discord reads no Markdown inside `<…>`), a closing `)` only when the link opened one.
 * https://support.discord.com/hc/en-us/articles/206342858-How-do-I-disable-auto-embed
 */
export function escapeUserText(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    let url = match[0].replace(URL_TRAILING_PUNCTUATION, '');
    while (url.endsWith(')') && url.split('(').length < url.split(')').length) url = url.slice(0, -1).replace(URL_TRAILING_PUNCTUATION, '');
    out += `${escapeMarkdown(text.slice(from, match.index))}<${url}>`;
    from = match.index + url.length;
  }
  return out + escapeMarkdown(text.slice(from));
}

/**
 * Turns the text Discord sends (message content, a slash command's string option) into the words a person
 * typed. Mentions of users (`<@id>`, legacy `<@!id>`), roles (`<@&id>`) and channels (`<#id>`), custom emoji
 * (`<:name:id>`) and command mentions (`</talks:id>`) drop out: they name people and places in the server,
 * never words of the articles, and the core refused "oman <#1234…>" as never mentioning the id. The bot's own
 * mention goes the same way. A timestamp (`<t:1700000000:R>`) becomes its date (2023-11-14).
 * https://discord.com/developers/docs/reference#message-formatting
 */
export function discordTextToPlain(text: string): string {
  return text
    .replace(/<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|\/[^<>:]+:\d+|id:\w+(?::\d+)?)>/g, ' ')
    .replace(/<t:(-?\d{1,13})(?::[tTdDfFR])?>/g, (whole, seconds: string) => {
      const date = new Date(Number(seconds) * 1000);
      return Number.isNaN(date.getTime()) ? whole : date.toISOString().slice(0, 10);
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes the escaping `escapeMarkdown` added (for tests and comparisons). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|[\]<>#-])/g, '$1');
}

/** Cuts `text` to at most `max` characters, ending with an ellipsis when cut; prefers a word boundary. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Prefixes every line with `> ` so Discord shows it as a block quote. */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/**
 * Bolds each matched term in already-escaped text, case-insensitively and on word boundaries, without
 * touching the escaping. `matched` holds the query's words as written in the excerpt.
 */
export function boldTerms(escapedText: string, matched: readonly string[]): string {
  const terms = [...new Set(matched.map((term) => term.trim()).filter((term) => term.length >= 2))]
    .map((term) => escapeMarkdown(term))
    .sort((a, b) => b.length - a.length);
  if (terms.length === 0) return escapedText;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}\\\\])(${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return escapedText.replace(pattern, '**$1**');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Splits text into pieces of at most `max` characters at paragraph, line, sentence or word boundaries. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = lastBoundary(window, max);
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function lastBoundary(window: string, max: number): number {
  const minimum = Math.floor(max * 0.5);
  for (const separator of ['\n\n', '\n', '. ', '; ', ', ', ' ']) {
    const index = window.lastIndexOf(separator);
    if (index >= minimum) return index + separator.length;
  }
  // No boundary in the second half: cut hard, but never inside an escape pair or a surrogate pair.
  let at = max;
  if (window[at - 1] === '\\') at -= 1;
  const code = window.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return at;
}
