/** A parsed article: metadata and sections holding paragraphs, lists and tables, text verbatim. */
export interface ParsedDocument {
  documentId: string;
  title: string;
  /** ISO 8601: the front matter's date, else the file's last change. */
  asOf: string;
  url?: string;
  source?: string;
  fileName: string;
  sections: ParsedSection[];
}

export interface ParsedSection {
  sectionId: string;
  title: string;
  /** 1 for top-level headings; Markdown `##` is 2, and so on. */
  level: number;
  /** 1-based line of the heading in the file (0 for text before the first heading). */
  line: number;
  blocks: ContentBlock[];
}

export type ContentBlock = ParagraphBlock | ListBlock | TableBlock;

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  line: number;
}

export interface ListBlock {
  type: 'list';
  items: string[];
  line: number;
}

export interface TableBlock {
  type: 'table';
  /** `t1`, `t2`, … in document order. */
  tableId: string;
  columns: string[];
  rows: string[][];
  line: number;
}

/** How an article's text is read: pasted plain text, or Markdown. */
export type ArticleFormat = 'text' | 'markdown';

export interface ParseArticleInput {
  /** The file's name (used in errors, and for the document id and fallback title). */
  fileName: string;
  text: string;
  /** The file's last change, used as the date when front matter has none. */
  modifiedAt?: Date;
  format?: ArticleFormat;
}
