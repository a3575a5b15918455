import { ContentParseError, TalksError } from '../errors.js';
import type { ContentBlock, ParsedDocument, ParsedSection } from './document-model.js';
import { FRONT_MATTER_CODE, splitFrontMatter } from './front-matter.js';
import { ASCII_BORDER, isTableSeparator, looksLikeTableRow, SEPARATOR_CELL, splitTableRow } from './pipe-table.js';
import { PLAIN_TABLE_CODE, readPlainTable } from './plain-table.js';
import { HTML_TABLE_CODE, readHtmlTable } from './html-table.js';
import { BULLET, isBlank, isBylineOrStamp, isLabelHeading, isNoteLabel, isNumberedHeading, isPlainHeading, isPlainHeadingCandidate, isShortLine, MARKDOWN_RULE, OPEN_ENDING, PLAIN_TEXT_LINES_CODE, SENTENCE_END, SETEXT_UNDERLINE, TERMINAL, WORD_SUB_BULLET, WORD_SUB_BULLET_INDENT } from './plain-text-lines.js';
import { slugify } from '../text/slugify.js';
import { MARKDOWN_INLINE_CODE, stripMarkdownInline } from './markdown-inline.js';
import { articleWords, joinBrokenWord, LINE_BREAK_HYPHENS_CODE } from './line-break-hyphens.js';
import { isWebChrome, PAGE_FURNITURE_CODE, pageFurnitureLines } from './page-furniture.js';
import { indentOf, isSubItemIndent, joinSubItems, nestBullet, NESTED_LIST_CODE } from './nested-list.js';

export type ArticleFormat = 'text' | 'markdown';

export interface ParseArticleInput {
  /** The file's name (used in errors, and for the document id and fallback title). */
  fileName: string;
  text: string;
  /** The file's last change, used as the date when front matter has none. */
  modifiedAt?: Date;
  format?: ArticleFormat;
}

/** An en dash opening a line: a bullet, or a dash clause of a hard-wrapped sentence ("The talks\n– which began…"). */
const DASH_OPENING = /^\s*–\s/;
const MARKDOWN_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Attributes after a Markdown heading (`## Positions {#positions .unnumbered}`, Pandoc's and kramdown's): its id and classes, no words. */
const HEADING_ATTRIBUTES = /\s*\{[#.][^{}]*\}$/;
/** Emphasis around a whole heading (`**Background**`, `_Outlook_`). */
const WHOLE_EMPHASIS = /^(\*\*|__|\*|_)(\S(?:.*\S)?)\1$/;
/**
 * A line opening with an emoji and a space ('✅ Release of 33 hostages', '❌ Permanent ceasefire'), as chat and
 * social posts list things: one of two or more such lines one under the other is a list item, its emoji kept
 * (a tick or a cross is what the item says).
 */
const EMOJI_ITEM = /^\s*\p{Extended_Pictographic}\uFE0F?\s+\S/u;
/** A Markdown paragraph that is one bold phrase (`**Background**`): a subheading as word processors export them. */
const BOLD_LINE = /^(?:\*\*([^*]+?)\*\*|__([^_]+?)__):?$/;
/** A Markdown link reference definition (`[report]: https://… "Title"`): where a link points, not words to quote. */
/**
 * Characters a word processor or a web page leaves in copied text that the reader never sees: soft hyphens
 * (U+00AD, 'com\u00adpen\u00adsation'), zero-width spaces, word joiners, a byte order mark mid-text. Left in,
 * they split words and ride along in every quote.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
/** No-break spaces (U+00A0, narrow U+202F, figure U+2007) are spaces to the reader, as `&nbsp;` is in Markdown. */
const NO_BREAK_SPACE = /[\u00A0\u202F\u2007]/g;
/**
 * A list item that is only a link to a heading of the same page (`[Background](#background)`): a list of
 * them is a table of contents, the headings' names again, not words of the article to quote.
 */
const IN_PAGE_LINK = /^\[[^\]]+\]\(#[^)\s]*\)$/;
/** A dash or a colon closing a heading ('BACKGROUND —', '## Next steps:') leads into the text under it: no part of the title. */
const HEADING_LEAD_OUT = /(?:[—–:]|\s--?)$/;
const LINK_DEFINITION = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*(?:<[^>]*>|[a-z][\w+.-]*:\S*|[/#]\S*|www\.\S+|[\w-]+(?:\.[\w-]+)+\/\S*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;

/**
 * Pasted text writes a list without bullets too: short lines one under the other straight after a lead-in
 * ending in a colon ("Three delegations attended:" over one name a line) or straight under a heading. Read as
 * headings, each would head nothing and its words would be lost.
 */
function isUnbulletedItem(b: Builder, lines: string[], index: number, lineNo: number): boolean {
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
function continuesItem(items: string[], previous: string | undefined, text: string, format: ArticleFormat): boolean {
  if (isBlank(previous)) return false;
  return format === 'markdown' || OPEN_ENDING.test(` ${items[items.length - 1] ?? ''}`) || /^\p{Ll}/u.test(text);
}

/**
 * Markdown lines without their blockquote markers (`> `, `> > `), outside code fences: a quoted passage is
 * the article's words like any other, read with its own paragraphs (a lone `>` parts two), lists and headings.
 */
function unquoteMarkdown(lines: string[]): string[] {
  let inFence = false;
  return lines.map((line) => {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    return inFence ? line : line.replace(/^\s{0,3}(?:>\s?)+/, '');
  });
}

/** True when the next line with text after `index` is a bullet indented under the list's last open one. */
function opensSubList(open: readonly number[], lines: string[], index: number): boolean {
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next])) next += 1;
  const line = lines[next] ?? '';
  return BULLET.test(line) && isSubItemIndent(open, indentOf(line));
}

function humanizeFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const words = base.split(/[-_\s]+/).filter(Boolean);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') || base;
}

function checkReadable(fileName: string, lines: string[]): void {
  lines.forEach((line, index) => {
    if (line.includes('\u0000') || line.includes('\uFFFD')) {
      throw new ContentParseError(fileName, index + 1, 'contains binary or non-UTF-8 data: save the article as UTF-8 text');
    }
  });
}

interface Builder {
  sections: ParsedSection[];
  current: ParsedSection | undefined;
  paragraph: { text: string; line: number } | undefined;
  /**
   * `items` in the article's order, each at its `depths` (0 top-level, 1 a sub-item…); `open`: the indents of
   * the bullets a sub-item may go under. `unbulleted`: items one a line under a lead-in ending in a colon, in pasted text.
   */
  list: { items: string[]; depths: number[]; open: number[]; line: number; unbulleted?: boolean } | undefined;
  tables: number;
}

/**
 * Parses one article (plain text as pasted, or Markdown) into sections of paragraphs, lists and
 * tables, keeping the article's own characters. Throws ContentParseError naming the file and line.
 */
export function parseArticle(input: ParseArticleInput): ParsedDocument {
  const { fileName } = input;
  const format: ArticleFormat = input.format ?? (/\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text');
  const allLines = input.text.replace(/^\uFEFF/, '').replace(INVISIBLE, '').replace(NO_BREAK_SPACE, ' ').split(/\r\n|\r|\n/);
  checkReadable(fileName, allLines);
  const split = splitFrontMatter(fileName, allLines);
  const { frontMatter, lineOffset } = split;
  // (Pasted text may hold a PDF's page numbers and running footers, and any copy of a web page its chrome:
  // blank lines to the reader of the article.)
  const furniture = format === 'text' ? pageFurnitureLines(split.lines) : new Set<number>();
  const lines = (format === 'markdown' ? unquoteMarkdown(split.lines) : split.lines).map((line, index) => (furniture.has(index) || isWebChrome(line) ? '' : line));
  const inline = format === 'markdown' ? stripMarkdownInline : (text: string) => text;
  // Pasted text goes on over a word broken by a hyphen at a line's end ("nego-" over "tiations"), as PDFs break them.
  let words: Set<string> | undefined;
  const joinLine = (before: string, after: string) => (format === 'text' ? joinBrokenWord(before, after, () => (words ??= articleWords(input.text))) : undefined) ?? `${before} ${after}`;

  const b: Builder = { sections: [], current: undefined, paragraph: undefined, list: undefined, tables: 0 };
  const flush = () => {
    if (b.paragraph) pushBlock(b, { type: 'paragraph', text: inline(b.paragraph.text), line: b.paragraph.line });
    if (b.list && !(format === 'markdown' && b.list.items.every((item) => IN_PAGE_LINK.test(item)))) pushBlock(b, { type: 'list', items: joinSubItems(b.list.items.map(inline), b.list.depths), line: b.list.line });
    b.paragraph = undefined;
    b.list = undefined;
  };
  let inFence = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1 + lineOffset;
    const text = raw.trim();
    if (format === 'markdown' && /^\s{0,3}(```|~~~)/.test(raw)) {
      inFence = !inFence;
      flush();
      continue;
    }
    if (inFence) {
      if (text) pushBlock(b, { type: 'paragraph', text: raw, line: lineNo });
      continue;
    }
    // An HTML comment over several lines (an editor's note) is skipped to its end.
    if (format === 'markdown' && text.startsWith('<!--') && !text.includes('-->')) {
      flush();
      while (i + 1 < lines.length && !(lines[i] ?? '').includes('-->')) i += 1;
      continue;
    }
    // A blank line between an item and its sub-items (a loose list) leaves the list open.
    if (!text && b.list && opensSubList(b.list.open, lines, i)) continue;
    // (A table's ASCII border over its header, or left after it, is no text.)
    if (!text || MARKDOWN_RULE.test(text) || SETEXT_UNDERLINE.test(text) || ASCII_BORDER.test(text) || (format === 'markdown' && (/^<!--.*-->$/.test(text) || LINK_DEFINITION.test(raw)))) {
      flush();
      continue;
    }

    const markdownHeading = MARKDOWN_HEADING.exec(raw);
    if (markdownHeading) {
      flush();
      // (Markdown pasted into a text file: a heading in bold, '## **Background**', is the word.)
      startSection(b, inline((markdownHeading[2] ?? '').replace(HEADING_ATTRIBUTES, '')).replace(WHOLE_EMPHASIS, '$2'), (markdownHeading[1] ?? '#').length, lineNo);
      continue;
    }

    // A short line over `====` or `----`, not continuing a paragraph: a setext heading.
    const underline = SETEXT_UNDERLINE.exec(lines[i + 1] ?? '');
    // (In pasted text a sentence over a rule is a paragraph, then a rule: "It ended there." over "---".)
    if (underline && !b.paragraph && isShortLine(text) && !BULLET.test(raw) && !looksLikeTableRow(text) && (format === 'markdown' || !TERMINAL.test(text))) {
      flush();
      startSection(b, inline(format === 'markdown' ? text.replace(HEADING_ATTRIBUTES, '') : text), underline[1]?.startsWith('=') ? 1 : 2, lineNo);
      i += 1;
      continue;
    }
    const bold = format === 'markdown' && isBlank(lines[i - 1]) && isBlank(lines[i + 1]) ? BOLD_LINE.exec(text) : null;
    if (bold && isShortLine(bold[1] ?? bold[2] ?? '') && !isNoteLabel(`${(bold[1] ?? bold[2] ?? '').replace(/:$/, '')}:`)) {
      flush();
      startSection(b, (bold[1] ?? bold[2] ?? '').trim(), 2, lineNo);
      continue;
    }
    if (format === 'text' && isNumberedHeading(lines, i)) {
      flush();
      // The number is the heading's place in the article, like Markdown's `#`: the title is its words.
      startSection(b, text.replace(/^\d{1,2}[.)]\s+/, ''), 1, lineNo);
      continue;
    }

    const htmlTable = format === 'markdown' ? readHtmlTable(lines, i, stripMarkdownInline) : undefined;
    if (htmlTable) {
      flush();
      pushTable(b, htmlTable.columns, htmlTable.rows, lineNo);
      i = htmlTable.end;
      continue;
    }
    if (looksLikeTableRow(text) && isTableSeparator(lines[i + 1] ?? '')) {
      flush();
      i = readTable(b, fileName, lines, i, lineOffset, inline);
      continue;
    }
    if (isTableSeparator(text)) {
      throw new ContentParseError(fileName, lineNo, 'table separator line has no header row above it: put the column names on the line before `---|---`');
    }
    // Pasted text has tables without pipes too: tab-separated (from a spreadsheet) or lined up with spaces.
    const plainTable = format === 'text' ? readPlainTable(lines, i) : undefined;
    if (plainTable) {
      flush();
      pushTable(b, plainTable.columns, plainTable.rows, lineNo);
      i = plainTable.end;
      continue;
    }

    const wordSubBullet = format === 'text' ? WORD_SUB_BULLET.exec(raw) : null;
    const emojiItem = format === 'text' && EMOJI_ITEM.test(raw) && (EMOJI_ITEM.test(lines[i - 1] ?? '') || EMOJI_ITEM.test(lines[i + 1] ?? ''));
    const bullet = BULLET.exec(raw) ?? (wordSubBullet ? [raw, wordSubBullet[2]] : emojiItem ? [raw, text] : null);
    // (A dash line going on with an unfinished sentence is the sentence's next line.)
    const wrappedDash = b.paragraph !== undefined && !SENTENCE_END.test(b.paragraph.text) && DASH_OPENING.test(raw);
    if (bullet && !wrappedDash) {
      if (b.paragraph) {
        pushBlock(b, { type: 'paragraph', text: inline(b.paragraph.text), line: b.paragraph.line });
        b.paragraph = undefined;
      }
      if (!b.list) b.list = { items: [], depths: [], open: [], line: lineNo };
      b.list.depths.push(nestBullet(b.list.open, indentOf(raw) + (WORD_SUB_BULLET_INDENT[wordSubBullet?.[1] ?? ''] ?? 0)));
      b.list.items.push((bullet[1] ?? '').trim());
      continue;
    }

    if (format === 'text' && isUnbulletedItem(b, lines, i, lineNo)) {
      if (b.paragraph) {
        pushBlock(b, { type: 'paragraph', text: b.paragraph.text, line: b.paragraph.line });
        b.paragraph = undefined;
      }
      if (!b.list) b.list = { items: [], depths: [], open: [], line: lineNo, unbulleted: true };
      b.list.depths.push(0);
      b.list.items.push(text);
      continue;
    }
    if (format === 'text' && isLabelHeading(lines, i)) {
      flush();
      startSection(b, text.replace(/\s*:$/, ''), 1, lineNo);
      continue;
    }
    if (format === 'text' && isPlainHeading(raw, lines[i - 1], lines[i + 1])) {
      flush();
      startSection(b, text, 1, lineNo);
      continue;
    }

    if (b.list && (/^\s{2,}/.test(raw) || continuesItem(b.list.items, lines[i - 1], text, format))) {
      // An indented line continues the last list item, as does a wrapped one.
      const items = b.list.items;
      items[items.length - 1] = joinLine(items[items.length - 1] ?? '', text);
      continue;
    }
    if (b.list) flush();
    // Markdown joins consecutive lines into one paragraph; pasted plain text keeps a paragraph a line,
    // unless the line before stopped mid-sentence (hard-wrapped text).
    // (A byline or a time stamp is a line of its own, never joined with the next.)
    // (A note's label on a line of its own goes on with the note: 'Editor’s note:' over 'This article was updated…'.)
    const continues = b.paragraph && (format === 'markdown' || isNoteLabel(b.paragraph.text) || !(SENTENCE_END.test(b.paragraph.text) || isBylineOrStamp(b.paragraph.text)));
    // A Markdown line ending in a backslash is a line break inside the paragraph, the backslash no character.
    const lineText = format === 'markdown' ? text.replace(/(?<!\\)\\$/, '').trimEnd() : text;
    if (b.paragraph && continues) b.paragraph.text = joinLine(b.paragraph.text, lineText);
    else {
      flush();
      b.paragraph = { text: lineText, line: lineNo };
    }
  }
  flush();
  return finishDocument(input, format, frontMatter, b);
}

function startSection(b: Builder, title: string, level: number, line: number): void {
  let words = title.trimEnd();
  while (HEADING_LEAD_OUT.test(words)) words = words.replace(HEADING_LEAD_OUT, '').trimEnd();
  b.current = { sectionId: '', title: words, level, line, blocks: [] };
  b.sections.push(b.current);
}

function pushBlock(b: Builder, block: ContentBlock): void {
  // Markup alone (an image, a footnote mark) leaves nothing to quote.
  if (block.type === 'paragraph' && !block.text.trim()) return;
  if (block.type === 'list') {
    block = { ...block, items: block.items.filter((item) => item.trim()) };
    if (block.items.length === 0) return;
  }
  if (!b.current) startSection(b, '', 1, 0);
  b.current?.blocks.push(block);
}

function readTable(b: Builder, fileName: string, lines: string[], start: number, lineOffset: number, inline: (text: string) => string): number {
  const columns = splitTableRow(lines[start] ?? '').map(inline);
  if (columns.every((column) => column === '')) {
    throw new ContentParseError(fileName, start + 1 + lineOffset, 'table header row has no column names');
  }
  const rows: string[][] = [];
  let i = start + 2;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (ASCII_BORDER.test(line)) continue;
    if (!line.trim() || !line.includes('|')) break;
    const cells = splitTableRow(line).map(inline);
    if (cells.length > columns.length && cells.slice(columns.length).some((cell) => cell !== '')) {
      throw new ContentParseError(fileName, i + 1 + lineOffset, `table row has ${cells.length} cells but the header has ${columns.length} columns: fix the row or the header`);
    }
    while (cells.length < columns.length) cells.push('');
    rows.push(cells.slice(0, columns.length));
  }
  pushTable(b, columns, rows, start + 1 + lineOffset);
  return i - 1;
}

function pushTable(b: Builder, columns: string[], rows: string[][], line: number): void {
  b.tables += 1;
  pushBlock(b, { type: 'table', tableId: `t${b.tables}`, columns, rows, line });
}

function finishDocument(input: ParseArticleInput, format: ArticleFormat, frontMatter: ReturnType<typeof splitFrontMatter>['frontMatter'], b: Builder): ParsedDocument {
  let sections = b.sections;
  let headingTitle: string | undefined;
  // A first heading with nothing under it before the next heading is the article's title, not a section.
  const first = sections[0];
  if (first && first.blocks.length === 0 && sections.length > 1 && first.title) {
    headingTitle = first.title;
    sections = sections.slice(1);
  } else if (format === 'markdown' && first && first.level === 1 && sections.filter((s) => s.level === 1).length === 1) {
    headingTitle = first.title;
  }
  const fallbackTitle = humanizeFileName(input.fileName);
  const title = frontMatter.title?.trim() || headingTitle || sections.find((s) => s.title)?.title || fallbackTitle;
  sections = format === 'text' ? keepHeadingsOverNothing(sections) : sections.filter((section) => section.blocks.length > 0);
  if (sections.length === 0) {
    throw new TalksError('talks_content_empty', `${input.fileName}:1: the article has no text: add paragraphs under its headings or remove the file`);
  }
  const used = new Set<string>();
  for (const section of sections) {
    if (!section.title) section.title = title;
    let id = slugify(section.title) || 'section';
    for (let n = 2; used.has(id); n++) id = `${slugify(section.title) || 'section'}-${n}`;
    used.add(id);
    section.sectionId = id;
  }
  const date = toIsoDate(frontMatter.date);
  return {
    documentId: slugify(input.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')) || 'document',
    title,
    asOf: date ?? (input.modifiedAt ?? new Date(0)).toISOString(),
    ...(frontMatter.url ? { url: frontMatter.url } : {}),
    ...(frontMatter.source ? { source: frontMatter.source } : {}),
    fileName: input.fileName,
    sections,
  };
}

/**
 * In pasted text a line read as a heading with nothing under it (lines one under the other that only look
 * like headings: names, a table the parser cannot read) is the article's words all the same: it stays, as a
 * paragraph of the section before it (or of the next one at the top), never silently dropped.
 */
function keepHeadingsOverNothing(sections: ParsedSection[]): ParsedSection[] {
  const kept: ParsedSection[] = [];
  let pending: ContentBlock[] = [];
  for (const section of sections) {
    if (section.blocks.length === 0) {
      const block: ContentBlock = { type: 'paragraph', text: section.title, line: section.line };
      const previous = kept[kept.length - 1];
      if (!section.title) continue;
      if (previous) previous.blocks.push(block);
      else pending.push(block);
      continue;
    }
    section.blocks.unshift(...pending);
    pending = [];
    kept.push(section);
  }
  return kept;
}

/** Front-matter dates as ISO 8601 when they parse as dates; other text is kept as written. */
function toIsoDate(value: string | Date | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/**
 * Everything that decides how a file becomes sections and blocks (functions and patterns, by source text):
 * the index snapshot's key covers it, so a parsing change never serves a snapshot parsed the old way.
 */
export const PARSER_CODE: readonly unknown[] = [
  parseArticle,
  isUnbulletedItem,
  continuesItem,
  opensSubList,
  humanizeFileName,
  checkReadable,
  startSection,
  pushBlock,
  readTable,
  pushTable,
  finishDocument,
  keepHeadingsOverNothing,
  toIsoDate,
  splitTableRow,
  looksLikeTableRow,
  isTableSeparator,
  SEPARATOR_CELL,
  ASCII_BORDER,
  ...FRONT_MATTER_CODE,
  ...MARKDOWN_INLINE_CODE,
  ...PLAIN_TABLE_CODE,
  ...HTML_TABLE_CODE,
  ...NESTED_LIST_CODE,
  ...LINE_BREAK_HYPHENS_CODE,
  ...PAGE_FURNITURE_CODE,
  ...PLAIN_TEXT_LINES_CODE,
  unquoteMarkdown,
  [DASH_OPENING, MARKDOWN_HEADING, HEADING_ATTRIBUTES, WHOLE_EMPHASIS, EMOJI_ITEM, BOLD_LINE, LINK_DEFINITION, HEADING_LEAD_OUT, IN_PAGE_LINK, INVISIBLE, NO_BREAK_SPACE],
];
