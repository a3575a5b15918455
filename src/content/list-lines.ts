/**
 * Which lines are list items: bulleted ones (Markdown's, a word processor's, emoji), unbulleted ones one a line
 * under a lead-in or a heading in pasted text, and the lines that go on with an item or keep a list open.
 */
import type { ArticleFormat } from './document-model.js';
import { indentOf, isSubItemIndent } from './nested-list.js';
import { BULLET, isBlank, isPlainHeadingCandidate, isShortLine, OPEN_ENDING, SENTENCE_END, WORD_SUB_BULLET, WORD_SUB_BULLET_INDENT } from './plain-text-lines.js';
import type { SectionBuilder } from './section-builder.js';

/** An en dash opening a line: a bullet, or a dash clause of a hard-wrapped sentence ("The talks\n– which began…"). */
const DASH_OPENING = /^\s*–\s/;
/**
 * A line opening with an emoji and a space ('✅ Release of 33 hostages', '❌ Permanent ceasefire'), as chat and
 * social posts list things: one of two or more such lines one under the other is a list item, its emoji kept
 * (a tick or a cross is what the item says).
 */
const EMOJI_ITEM = /^\s*\p{Extended_Pictographic}\uFE0F?\s+\S/u;

export interface BulletLine {
  /** The item's words, without its bullet. */
  item: string;
  /** The column its bullet stands at (Word's `o` and `§` bullets counted at their levels' indents). */
  indent: number;
}

/**
 * The bulleted item `lines[index]` opens, if any: Markdown's and pasted bullets; in pasted text also Word's
 * sub-bullets and emoji items. A dash line going on with the open paragraph's unfinished sentence is none.
 */
export function readBullet(lines: string[], index: number, format: ArticleFormat, paragraph: string | undefined): BulletLine | undefined {
  const raw = lines[index] ?? '';
  const text = raw.trim();
  const wordSubBullet = format === 'text' ? WORD_SUB_BULLET.exec(raw) : null;
  const emojiItem = format === 'text' && EMOJI_ITEM.test(raw) && (EMOJI_ITEM.test(lines[index - 1] ?? '') || EMOJI_ITEM.test(lines[index + 1] ?? ''));
  const bullet = BULLET.exec(raw) ?? (wordSubBullet ? [raw, wordSubBullet[2]] : emojiItem ? [raw, text] : null);
  // (A dash line going on with an unfinished sentence is the sentence's next line.)
  const wrappedDash = paragraph !== undefined && !SENTENCE_END.test(paragraph) && DASH_OPENING.test(raw);
  if (!bullet || wrappedDash) return undefined;
  return { item: (bullet[1] ?? '').trim(), indent: indentOf(raw) + (WORD_SUB_BULLET_INDENT[wordSubBullet?.[1] ?? ''] ?? 0) };
}

/**
 * Pasted text writes a list without bullets too: short lines one under the other straight after a lead-in
 * ending in a colon ("Three delegations attended:" over one name a line) or straight under a heading. Read as
 * headings, each would head nothing and its words would be lost.
 */
export function isUnbulletedItem(b: SectionBuilder, lines: string[], index: number, lineNo: number): boolean {
  const previous = lines[index - 1];
  // (Or under a heading further down the article: "WHO CAME" over one name a line. At the top, a line under
  // the first heading is the article's title over a subtitle.) A blank line may part the heading from its list
  // when the list has two lines or more: two headings are never stacked with nothing between them.
  const headingAbove = !b.paragraph && !b.list && b.current !== undefined && b.current.blocks.length === 0 && b.sections.length > 1;
  const blankUnderHeading = headingAbove && isBlank(previous) && b.current !== undefined && b.current.line < lineNo - 1 && lines.slice(index - (lineNo - 1 - b.current.line), index).every(isBlank) && isPlainHeadingCandidate(lines[index + 1] ?? '') && isShortLine((lines[index + 1] ?? '').trim());
  if (isBlank(previous) && !blankUnderHeading) return false;
  const afterLeadIn = b.paragraph !== undefined && /:\s*$/.test(b.paragraph.text);
  const underHeading = headingAbove && (b.current?.line === lineNo - 1 || blankUnderHeading);
  const opensList = afterLeadIn || underHeading;
  if (!opensList && !b.list?.unbulleted) return false;
  const text = (lines[index] ?? '').trim();
  return isPlainHeadingCandidate(text) && isShortLine(text) && !OPEN_ENDING.test(text) && !/^\s*\p{Ll}/u.test(lines[index + 1] ?? '');
}

/**
 * A line straight under a list item that goes on with it unindented: in Markdown always (a lazy continuation
 * line); in pasted text when the item stopped mid-phrase ("…forces from the" over "border") or the line goes on
 * in lower case (hard-wrapped items).
 */
export function continuesItem(items: string[], previous: string | undefined, text: string, format: ArticleFormat): boolean {
  if (isBlank(previous)) return false;
  return format === 'markdown' || OPEN_ENDING.test(` ${items[items.length - 1] ?? ''}`) || /^\p{Ll}/u.test(text);
}

/** True when the next line with text after `index` is a bullet indented under the list's last open one. */
export function opensSubList(open: readonly number[], lines: string[], index: number): boolean {
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next])) next += 1;
  const line = lines[next] ?? '';
  return BULLET.test(line) && isSubItemIndent(open, indentOf(line));
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const LIST_LINES_CODE: readonly unknown[] = [readBullet, isUnbulletedItem, continuesItem, opensSubList, DASH_OPENING, EMOJI_ITEM];
