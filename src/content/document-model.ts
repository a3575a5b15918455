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
