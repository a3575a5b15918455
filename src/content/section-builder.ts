/**
 * The sections an article's lines build, block by block: the paragraph and the list still open, and how a
 * finished block, table or heading joins them.
 */
import type { ArticleFormat, ContentBlock, ParsedSection } from './document-model.js';
import { joinSubItems } from './nested-list.js';

/** A dash or a colon closing a heading ('BACKGROUND —', '## Next steps:') leads into the text under it: no part of the title. */
const HEADING_LEAD_OUT = /(?:[—–:]|\s--?)$/;
/**
 * A list item that is only a link to a heading of the same page (`[Background](#background)`): a list of
 * them is a table of contents, the headings' names again, not words of the article to quote.
 */
const IN_PAGE_LINK = /^\[[^\]]+\]\(#[^)\s]*\)$/;

export interface OpenList {
  /**
   * `items` in the article's order, each at its `depths` (0 top-level, 1 a sub-item…); `open`: the indents of
   * the bullets a sub-item may go under. `unbulleted`: items one a line under a lead-in ending in a colon, in pasted text.
   */
  items: string[];
  depths: number[];
  open: number[];
  line: number;
  unbulleted?: boolean;
}

export interface SectionBuilder {
  sections: ParsedSection[];
  current: ParsedSection | undefined;
  paragraph: { text: string; line: number } | undefined;
  list: OpenList | undefined;
  tables: number;
}

export function createSectionBuilder(): SectionBuilder {
  return { sections: [], current: undefined, paragraph: undefined, list: undefined, tables: 0 };
}

export function startSection(b: SectionBuilder, title: string, level: number, line: number): void {
  let words = title.trimEnd();
  while (HEADING_LEAD_OUT.test(words)) words = words.replace(HEADING_LEAD_OUT, '').trimEnd();
  b.current = { sectionId: '', title: words, level, line, blocks: [] };
  b.sections.push(b.current);
}

export function pushBlock(b: SectionBuilder, block: ContentBlock): void {
  // Markup alone (an image, a footnote mark) leaves nothing to quote.
  if (block.type === 'paragraph' && !block.text.trim()) return;
  if (block.type === 'list') {
    block = { ...block, items: block.items.filter((item) => item.trim()) };
    if (block.items.length === 0) return;
  }
  if (!b.current) startSection(b, '', 1, 0);
  b.current?.blocks.push(block);
}

export function pushTable(b: SectionBuilder, columns: string[], rows: string[][], line: number): void {
  b.tables += 1;
  pushBlock(b, { type: 'table', tableId: `t${b.tables}`, columns, rows, line });
}

/** Ends the open paragraph and the open list, each a block of the current section (in Markdown, a table of contents is dropped). */
export function flushBlocks(b: SectionBuilder, format: ArticleFormat, inline: (text: string) => string): void {
  if (b.paragraph) pushBlock(b, { type: 'paragraph', text: inline(b.paragraph.text), line: b.paragraph.line });
  if (b.list && !(format === 'markdown' && b.list.items.every((item) => IN_PAGE_LINK.test(item)))) pushBlock(b, { type: 'list', items: joinSubItems(b.list.items.map(inline), b.list.depths), line: b.list.line });
  b.paragraph = undefined;
  b.list = undefined;
}

/** The list a new item at `line` goes into: the open one, else a new one, the open paragraph ended first. */
export function openList(b: SectionBuilder, line: number, inline: (text: string) => string, unbulleted?: true): OpenList {
  if (b.paragraph) {
    pushBlock(b, { type: 'paragraph', text: inline(b.paragraph.text), line: b.paragraph.line });
    b.paragraph = undefined;
  }
  if (!b.list) b.list = { items: [], depths: [], open: [], line, ...(unbulleted ? { unbulleted } : {}) };
  return b.list;
}

/** The functions and patterns above, for the parser's code fingerprint. */
export const SECTION_BUILDER_CODE: readonly unknown[] = [createSectionBuilder, startSection, pushBlock, pushTable, flushBlocks, openList, HEADING_LEAD_OUT, IN_PAGE_LINK];
