/**
 * From the sections an article's lines built to the parsed document: its title (front matter, a first heading
 * over nothing, or the file's name), sections with ids, headings over nothing kept as text, and its date.
 */
import { TalksError } from '../errors.js';
import { slugify } from '../text/slugify.js';
import type { ArticleFormat, ContentBlock, ParseArticleInput, ParsedDocument, ParsedSection } from './document-model.js';
import type { FrontMatter } from './front-matter.js';

/** Throws TalksError `talks_content_empty` when no section holds any text. */
export function finishDocument(input: ParseArticleInput, format: ArticleFormat, frontMatter: FrontMatter, builtSections: ParsedSection[]): ParsedDocument {
  let sections = builtSections;
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

function humanizeFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const words = base.split(/[-_\s]+/).filter(Boolean);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ') || base;
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

/** The functions above, for the parser's code fingerprint. */
export const FINISH_DOCUMENT_CODE: readonly unknown[] = [finishDocument, humanizeFileName, keepHeadingsOverNothing, toIsoDate];
