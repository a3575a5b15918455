/**
 * The lines the parser reads from an article's text: characters the reader never sees removed, the file
 * checked for binary data, front matter split off, a pasted PDF's or web page's furniture blanked, Markdown
 * blockquote markers dropped; and which of those lines hold no words at all.
 */
import { ContentParseError } from '../errors.js';
import type { ArticleFormat } from './document-model.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { isWebChrome, pageFurnitureLines } from './page-furniture.js';
import { ASCII_BORDER } from './pipe-table.js';
import { MARKDOWN_RULE, SETEXT_UNDERLINE } from './plain-text-lines.js';

/**
 * Characters a word processor or a web page leaves in copied text that the reader never sees: soft hyphens
 * (U+00AD, 'com\u00adpen\u00adsation'), zero-width spaces, word joiners, a byte order mark mid-text. Left in,
 * they split words and ride along in every quote.
 */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;
/** No-break spaces (U+00A0, narrow U+202F, figure U+2007) are spaces to the reader, as `&nbsp;` is in Markdown. */
const NO_BREAK_SPACE = /[\u00A0\u202F\u2007]/g;
/** A Markdown code fence's opening or closing line (```` ``` ````, `~~~`). */
export const CODE_FENCE = /^\s{0,3}(```|~~~)/;
/** A Markdown link reference definition (`[report]: https://… "Title"`): where a link points, not words to quote. */
const LINK_DEFINITION = /^\s{0,3}\[(?!\^)[^\]]+\]:\s*(?:<[^>]*>|[a-z][\w+.-]*:\S*|[/#]\S*|www\.\S+|[\w-]+(?:\.[\w-]+)+\/\S*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;

export interface ArticleLines {
  /** The body's lines, after the front matter, as the parser reads them. */
  lines: string[];
  frontMatter: FrontMatter;
  /** How many lines the front matter took (to report body line numbers as file line numbers). */
  lineOffset: number;
}

/** Splits an article's text into the lines the parser reads. Throws ContentParseError naming the file and line. */
export function readArticleLines(fileName: string, text: string, format: ArticleFormat): ArticleLines {
  const allLines = text.replace(/^\uFEFF/, '').replace(INVISIBLE, '').replace(NO_BREAK_SPACE, ' ').split(/\r\n|\r|\n/);
  checkReadable(fileName, allLines);
  const split = splitFrontMatter(fileName, allLines);
  const { frontMatter, lineOffset } = split;
  // (Pasted text may hold a PDF's page numbers and running footers, and any copy of a web page its chrome:
  // blank lines to the reader of the article.)
  const furniture = format === 'text' ? pageFurnitureLines(split.lines) : new Set<number>();
  const lines = (format === 'markdown' ? unquoteMarkdown(split.lines) : split.lines).map((line, index) => (furniture.has(index) || isWebChrome(line) ? '' : line));
  return { lines, frontMatter, lineOffset };
}

function checkReadable(fileName: string, lines: string[]): void {
  lines.forEach((line, index) => {
    if (line.includes('\u0000') || line.includes('\uFFFD')) {
      throw new ContentParseError(fileName, index + 1, 'contains binary or non-UTF-8 data: save the article as UTF-8 text');
    }
  });
}

/**
 * Markdown lines without their blockquote markers (`> `, `> > `), outside code fences: a quoted passage is
 * the article's words like any other, read with its own paragraphs (a lone `>` parts two), lists and headings.
 */
function unquoteMarkdown(lines: string[]): string[] {
  let inFence = false;
  return lines.map((line) => {
    if (CODE_FENCE.test(line)) inFence = !inFence;
    return inFence ? line : line.replace(/^\s{0,3}(?:>\s?)+/, '');
  });
}

/**
 * A line with no words of the article: blank, a rule or a setext underline left alone, a table's ASCII border
 * (over its header, or left after it), and in Markdown a one-line HTML comment or a link reference definition.
 */
export function isWordlessLine(raw: string, format: ArticleFormat): boolean {
  const text = raw.trim();
  return !text || MARKDOWN_RULE.test(text) || SETEXT_UNDERLINE.test(text) || ASCII_BORDER.test(text) || (format === 'markdown' && (/^<!--.*-->$/.test(text) || LINK_DEFINITION.test(raw)));
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const ARTICLE_LINES_CODE: readonly unknown[] = [readArticleLines, checkReadable, unquoteMarkdown, isWordlessLine, INVISIBLE, NO_BREAK_SPACE, CODE_FENCE, LINK_DEFINITION];
