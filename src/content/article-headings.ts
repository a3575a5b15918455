/**
 * Which lines head a section, and the title and level each gives: Markdown's `#` headings, setext underlines
 * and lone bold lines; in pasted text numbered headings, labels ending in a colon, and short capitalised lines.
 */
import type { ArticleFormat } from './document-model.js';
import { looksLikeTableRow } from './pipe-table.js';
import { BULLET, isBlank, isLabelHeading, isNoteLabel, isNumberedHeading, isPlainHeading, isShortLine, SETEXT_UNDERLINE, TERMINAL } from './plain-text-lines.js';

const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Attributes after a Markdown heading (`## Positions {#positions .unnumbered}`, Pandoc's and kramdown's): its id and classes, no words. */
const HEADING_ATTRIBUTES = /\s*\{[#.][^{}]*\}$/;
/** Emphasis around a whole heading (`**Background**`, `_Outlook_`). */
const WHOLE_EMPHASIS = /^(\*\*|__|\*|_)(\S(?:.*\S)?)\1$/;
/** A Markdown paragraph that is one bold phrase (`**Background**`): a subheading as word processors export them. */
const BOLD_LINE = /^(?:\*\*([^*]+?)\*\*|__([^_]+?)__):?$/;

export interface HeadingLine {
  title: string;
  level: number;
  /** The lines under the heading's own that belong to it (a setext underline). */
  extraLines: number;
}

/**
 * The heading `lines[index]` is, checked before tables and lists: a Markdown `#` heading (in either format), a
 * setext heading (a short line over `====` or `----`, not continuing the open paragraph), a lone bold line in
 * Markdown, a numbered heading in pasted text.
 */
export function readHeading(lines: string[], index: number, format: ArticleFormat, inline: (text: string) => string, paragraphOpen: boolean): HeadingLine | undefined {
  const raw = lines[index] ?? '';
  const text = raw.trim();
  const markdownHeading = MARKDOWN_HEADING.exec(raw);
  if (markdownHeading) {
    // (Markdown pasted into a text file: a heading in bold, '## **Background**', is the word.)
    return { title: inline((markdownHeading[2] ?? '').replace(HEADING_ATTRIBUTES, '')).replace(WHOLE_EMPHASIS, '$2'), level: (markdownHeading[1] ?? '#').length, extraLines: 0 };
  }
  const underline = SETEXT_UNDERLINE.exec(lines[index + 1] ?? '');
  // (In pasted text a sentence over a rule is a paragraph, then a rule: "It ended there." over "---".)
  if (underline && !paragraphOpen && isShortLine(text) && !BULLET.test(raw) && !looksLikeTableRow(text) && (format === 'markdown' || !TERMINAL.test(text))) {
    return { title: inline(format === 'markdown' ? text.replace(HEADING_ATTRIBUTES, '') : text), level: underline[1]?.startsWith('=') ? 1 : 2, extraLines: 1 };
  }
  const bold = format === 'markdown' && isBlank(lines[index - 1]) && isBlank(lines[index + 1]) ? BOLD_LINE.exec(text) : null;
  if (bold && isShortLine(bold[1] ?? bold[2] ?? '') && !isNoteLabel(`${(bold[1] ?? bold[2] ?? '').replace(/:$/, '')}:`)) {
    return { title: (bold[1] ?? bold[2] ?? '').trim(), level: 2, extraLines: 0 };
  }
  if (format === 'text' && isNumberedHeading(lines, index)) {
    // The number is the heading's place in the article, like Markdown's `#`: the title is its words.
    return { title: text.replace(/^\d{1,2}[.)]\s+/, ''), level: 1, extraLines: 0 };
  }
  return undefined;
}

/**
 * The heading `lines[index]` is in pasted text, checked after tables and list items: a label standing alone
 * ('Background:' over prose), or a short capitalised line of its own.
 */
export function readPlainTextHeading(lines: string[], index: number): HeadingLine | undefined {
  const raw = lines[index] ?? '';
  const text = raw.trim();
  if (isLabelHeading(lines, index)) return { title: text.replace(/\s*:$/, ''), level: 1, extraLines: 0 };
  if (isPlainHeading(raw, lines[index - 1], lines[index + 1])) return { title: text, level: 1, extraLines: 0 };
  return undefined;
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const ARTICLE_HEADINGS_CODE: readonly unknown[] = [readHeading, readPlainTextHeading, MARKDOWN_HEADING, HEADING_ATTRIBUTES, WHOLE_EMPHASIS, BOLD_LINE];
