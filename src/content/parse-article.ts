/**
 * An article's text to sections of paragraphs, lists and tables, line by line. What each kind of line is lives
 * beside this file: the lines read (article-lines), headings (article-headings), list items (list-lines),
 * tables (pipe-table, plain-table, html-table), how blocks join sections (section-builder), and the document
 * made of them (finish-document).
 */
import { ContentParseError } from '../errors.js';
import { ARTICLE_HEADINGS_CODE, readHeading, readPlainTextHeading, type HeadingLine } from './article-headings.js';
import { ARTICLE_LINES_CODE, CODE_FENCE, isWordlessLine, readArticleLines } from './article-lines.js';
import type { ArticleFormat, ParseArticleInput, ParsedDocument } from './document-model.js';
import { FINISH_DOCUMENT_CODE, finishDocument } from './finish-document.js';
import { FRONT_MATTER_CODE } from './front-matter.js';
import { HTML_TABLE_CODE, readHtmlTable } from './html-table.js';
import { articleWords, joinBrokenWord, LINE_BREAK_HYPHENS_CODE } from './line-break-hyphens.js';
import { continuesItem, isUnbulletedItem, LIST_LINES_CODE, opensSubList, readBullet } from './list-lines.js';
import { MARKDOWN_INLINE_CODE, stripMarkdownInline } from './markdown-inline.js';
import { nestBullet, NESTED_LIST_CODE } from './nested-list.js';
import { PAGE_FURNITURE_CODE } from './page-furniture.js';
import { isTableSeparator, looksLikeTableRow, PIPE_TABLE_CODE, readPipeTable } from './pipe-table.js';
import { PLAIN_TABLE_CODE, readPlainTable } from './plain-table.js';
import { isBylineOrStamp, isNoteLabel, PLAIN_TEXT_LINES_CODE, SENTENCE_END } from './plain-text-lines.js';
import { createSectionBuilder, flushBlocks, openList, pushBlock, pushTable, SECTION_BUILDER_CODE, startSection } from './section-builder.js';

export type { ArticleFormat, ParseArticleInput } from './document-model.js';

/**
 * Parses one article (plain text as pasted, or Markdown) into sections of paragraphs, lists and
 * tables, keeping the article's own characters. Throws ContentParseError naming the file and line.
 */
export function parseArticle(input: ParseArticleInput): ParsedDocument {
  const { fileName } = input;
  const format: ArticleFormat = input.format ?? (/\.(md|markdown)$/i.test(fileName) ? 'markdown' : 'text');
  const { lines, frontMatter, lineOffset } = readArticleLines(fileName, input.text, format);
  const inline = format === 'markdown' ? stripMarkdownInline : (text: string) => text;
  // Pasted text goes on over a word broken by a hyphen at a line's end ("nego-" over "tiations"), as PDFs break them.
  let words: Set<string> | undefined;
  const joinLine = (before: string, after: string) => (format === 'text' ? joinBrokenWord(before, after, () => (words ??= articleWords(input.text))) : undefined) ?? `${before} ${after}`;

  const b = createSectionBuilder();
  const flush = () => flushBlocks(b, format, inline);
  const startHeading = (heading: HeadingLine, lineNo: number) => {
    flush();
    startSection(b, heading.title, heading.level, lineNo);
  };
  let inFence = false;

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const lineNo = i + 1 + lineOffset;
    const text = raw.trim();
    if (format === 'markdown' && CODE_FENCE.test(raw)) {
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
    if (isWordlessLine(raw, format)) {
      flush();
      continue;
    }

    const heading = readHeading(lines, i, format, inline, b.paragraph !== undefined);
    if (heading) {
      startHeading(heading, lineNo);
      i += heading.extraLines;
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
      const pipeTable = readPipeTable(fileName, lines, i, lineOffset, inline);
      pushTable(b, pipeTable.columns, pipeTable.rows, lineNo);
      i = pipeTable.end;
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

    const bullet = readBullet(lines, i, format, b.paragraph?.text);
    if (bullet) {
      const list = openList(b, lineNo, inline);
      list.depths.push(nestBullet(list.open, bullet.indent));
      list.items.push(bullet.item);
      continue;
    }
    if (format === 'text' && isUnbulletedItem(b, lines, i, lineNo)) {
      const list = openList(b, lineNo, inline, true);
      list.depths.push(0);
      list.items.push(text);
      continue;
    }
    const plainHeading = format === 'text' ? readPlainTextHeading(lines, i) : undefined;
    if (plainHeading) {
      startHeading(plainHeading, lineNo);
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
  return finishDocument(input, format, frontMatter, b.sections);
}

/**
 * Everything that decides how a file becomes sections and blocks (functions and patterns, by source text):
 * the index snapshot's key covers it, so a parsing change never serves a snapshot parsed the old way.
 */
export const PARSER_CODE: readonly unknown[] = [
  parseArticle,
  ...ARTICLE_LINES_CODE,
  ...ARTICLE_HEADINGS_CODE,
  ...LIST_LINES_CODE,
  ...SECTION_BUILDER_CODE,
  ...FINISH_DOCUMENT_CODE,
  ...PIPE_TABLE_CODE,
  ...FRONT_MATTER_CODE,
  ...MARKDOWN_INLINE_CODE,
  ...PLAIN_TABLE_CODE,
  ...HTML_TABLE_CODE,
  ...NESTED_LIST_CODE,
  ...LINE_BREAK_HYPHENS_CODE,
  ...PAGE_FURNITURE_CODE,
  ...PLAIN_TEXT_LINES_CODE,
];
