/**
 * How pasted plain text's lines are read: which stand alone as headings (short capitalised lines, labels
 * ending in a colon, numbered headings), which are hard-wrapped prose, bylines or list items.
 */
import { looksLikeTableRow } from './pipe-table.js';

export const MAX_HEADING_CHARS = 120;
export const MAX_HEADING_WORDS = 16;
/** A list item: Markdown's `-`, `*`, `+` and numbers, and the bullets word processors paste (•, ·, –, ▪, ●, ◦, ➢…). */
export const BULLET = /^\s*(?:[-*•·+–▪▫◦‣●○■□►▶➢→✓✔]|\d{1,3}[.)])\s+(.*)$/;
/**
 * Word's bullets for the second and third levels of a list, as its plain text writes them: `o` and `§`, then a
 * tab (the first level is `•` or `·`). Only a tab after them makes them bullets.
 */
export const WORD_SUB_BULLET = /^\s*([o§])\t+(\S.*)$/;
/** How far right of a first-level item Word's `o` and `§` items sit, in columns, when pasted without their indents. */
export const WORD_SUB_BULLET_INDENT: Readonly<Record<string, number>> = { o: 2, '§': 4 };
export const MARKDOWN_RULE = /^\s{0,3}(?:[-*_]\s*){3,}$/;
export const TERMINAL = /[.!;,:…]["'”’)\]]*$/;
/** A setext underline: `Title` over `=====` (level 1) or `-----` (level 2), in Markdown and in pasted text alike. */
export const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/;
/** A numbered line: `1. Introduction`, `2) THE BORDER QUESTION`. */
const NUMBERED = /^\s*\d{1,2}[.)]\s+\S/;
/** Words a heading does not end on: articles, prepositions, conjunctions, auxiliaries. */
export const OPEN_ENDING = /\s(a|an|the|of|on|in|to|for|and|or|but|nor|with|at|by|from|as|that|than|into|onto|about|after|before|between|is|are|was|were|be|been|will|would|has|have|had|its|their|his|her)$/i;
export const SENTENCE_END = /[.!?…:]["'”’)\]]*$/;

/**
 * A byline ("By Maria Georgiou and Mehmet Yilmaz, Desk") or a time stamp ("Updated 14 March 2026, 18:05 GMT")
 * under a headline: short capitalised lines without a full stop, but the article's furniture, not the title of
 * the text under them ("By the numbers" stays a heading).
 */
const BYLINE = /^(?:By|BY)\s+(?!(?:The|THE|An?|AN?)\b)\p{Lu}[\p{L}'’-]*\.?\s+\p{Lu}/u;
const TIME_STAMP = /^(?:last\s+)?(?:updated|published|posted)\b[\s:]*(?:on\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
export const isBylineOrStamp = (text: string) => BYLINE.test(text) || TIME_STAMP.test(text);

/**
 * A credit, a caption or a pointer to another story ('Photo: Reuters/Yiannis Kourtoglou', 'Related: Talks stall
 * over guarantees', 'Read more: Who are the negotiators?'): a line of the article's furniture, never the title of
 * the text under it.
 */
const FURNITURE_LABEL = /^(?:photo(?:graph)?s?|pictures?|images?|credits?|captions?|video|graphics?|illustrations?|file photo|related(?: stories| articles)?|read more|read also|also read|see also|more on this|watch|listen)\s*:/i;

/** Plain-text headings are lines of their own: short, capitalised, no closing full stop (a `?` is fine). */
export function isPlainHeading(line: string, previous: string | undefined, next: string | undefined): boolean {
  const text = line.trim();
  if (!text || text.length > MAX_HEADING_CHARS) return false;
  if (isBylineOrStamp(text) || FURNITURE_LABEL.test(text)) return false;
  if (BULLET.test(text) || looksLikeTableRow(text)) return false;
  if (TERMINAL.test(text)) return false;
  if (!/^[\p{Lu}\p{N}"“'‘]/u.test(text)) return false;
  if (text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  // Hard-wrapped prose breaks anywhere, a heading ends on a word that ends a phrase: "… for Cyprus said on" is a
  // wrapped line (its next line may well start with a capital: "Thursday that…").
  if (OPEN_ENDING.test(text)) return false;
  // Nor does a line under one that stopped on such a word ("…forces from the" over "Border guards").
  if (previous !== undefined && OPEN_ENDING.test(` ${previous.trim()}`)) return false;
  // A line that continues an unfinished sentence (hard-wrapped text) is not a heading.
  // A line whose sentence goes on in lowercase on the next line is hard-wrapped prose.
  if (next !== undefined && /^\s*\p{Ll}/u.test(next)) return false;
  // (A bullet item or table row before it has ended its own line, full stop or not.)
  if (previous !== undefined && previous.trim() !== '' && !SENTENCE_END.test(previous.trim()) && !SETEXT_UNDERLINE.test(previous) && !MARKDOWN_RULE.test(previous) && !isPlainHeadingCandidate(previous) && !BULLET.test(previous) && !looksLikeTableRow(previous)) return false;
  return true;
}

export function isPlainHeadingCandidate(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_HEADING_CHARS && !TERMINAL.test(text) && /^[\p{Lu}\p{N}]/u.test(text) && !BULLET.test(text) && !looksLikeTableRow(text);
}

/** A label heading's words: one or two ('Background:', 'Next steps:'), or more in title case ('Where Things Stand:'). */
const LABEL = /^(?:[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?:\s+[\p{L}\p{N}'’-]+)?|[\p{Lu}\p{N}][\p{L}\p{N}'’-]*(?:\s+(?:[\p{Lu}\p{N}][\p{L}\p{N}'’-]*|and|or|of|the|in|on|at|to|for))*)\s*:$/u;
/**
 * A note's label ('Editor’s note:', 'Correction:', 'Update:'): the note is a line of the article, its label
 * the start of that line, never a heading whose section would take in the lede after the note.
 */
const NOTE_LABEL = /^(?:editor['’]?s['’]? notes?|notes? to editors|corrections?|clarifications?|updates?|disclaimer|disclosure|note)\s*:$/i;
export const isNoteLabel = (text: string) => NOTE_LABEL.test(text.trim());

/** Words that open a clause, not a label: 'He said:', 'It reads:'. */
const PRONOUN_OPENING = /^(?:he|she|it|they|we|i|you|this|that|these|those|there)\b/i;

/**
 * A label standing alone as a heading in pasted text ('Background:', 'Next steps:' over a paragraph, as briefing
 * notes write them): blank line or the top before it, prose under it. Over a list it stays the list's lead-in.
 */
export function isLabelHeading(lines: string[], index: number): boolean {
  const text = (lines[index] ?? '').trim();
  if (!LABEL.test(text) || PRONOUN_OPENING.test(text) || isNoteLabel(text) || text.length > MAX_HEADING_CHARS || !isBlank(lines[index - 1])) return false;
  const next = nearestText(lines, index, 1)?.trim();
  return next !== undefined && !BULLET.test(next) && !looksLikeTableRow(next) && !LABEL.test(next) && /^[\p{Lu}\p{N}"“'‘]/u.test(next) && SENTENCE_END.test(next);
}

export const isBlank = (line: string | undefined) => line === undefined || line.trim() === '';
export const isShortLine = (text: string) => text.length <= MAX_HEADING_CHARS && text.split(/\s+/).length <= MAX_HEADING_WORDS;

/** The nearest non-blank line before or after `index`, if any. */
function nearestText(lines: string[], index: number, step: 1 | -1): string | undefined {
  for (let i = index + step; i >= 0 && i < lines.length; i += step) if (!isBlank(lines[i])) return lines[i];
  return undefined;
}

/**
 * A numbered line standing alone in pasted text (`2. THE BORDER QUESTION`, blank lines around it, no full
 * stop) is a numbered heading, not a one-item list: neither line around it is another numbered or bulleted item.
 */
export function isNumberedHeading(lines: string[], index: number): boolean {
  const text = (lines[index] ?? '').trim();
  if (!NUMBERED.test(text) || !isBlank(lines[index - 1]) || !isBlank(lines[index + 1])) return false;
  const rest = text.replace(/^\d{1,2}[.)]\s+/, '');
  if (TERMINAL.test(rest) || !/^[\p{Lu}\p{N}"“'‘]/u.test(rest) || !isShortLine(rest)) return false;
  const before = nearestText(lines, index, -1);
  const after = nearestText(lines, index, 1);
  return !(before !== undefined && BULLET.test(before)) && !(after !== undefined && BULLET.test(after));
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const PLAIN_TEXT_LINES_CODE: readonly unknown[] = [
  isPlainHeading,
  isPlainHeadingCandidate,
  isBylineOrStamp,
  isLabelHeading,
  isNoteLabel,
  isNumberedHeading,
  nearestText,
  isBlank,
  isShortLine,
  [BULLET, WORD_SUB_BULLET, WORD_SUB_BULLET_INDENT, MARKDOWN_RULE, TERMINAL, SETEXT_UNDERLINE, NUMBERED, SENTENCE_END, OPEN_ENDING, BYLINE, TIME_STAMP, FURNITURE_LABEL, LABEL, NOTE_LABEL, PRONOUN_OPENING, MAX_HEADING_CHARS, MAX_HEADING_WORDS],
];
