import type { ParsedDocument } from '../content/document-model.js';

/**
 * The running text of the articles, block by block: paragraphs, list items, and tables' column names and cells
 * (no headings). Column names are often the parties ("Rapid Support Forces"), the names a question shortens most.
 */
export function* articleBodyTexts(documents: readonly ParsedDocument[]): Generator<string> {
  for (const document of documents) {
    for (const section of document.sections) {
      for (const block of section.blocks) {
        if (block.type === 'paragraph') yield block.text;
        else if (block.type === 'list') yield* block.items;
        else {
          yield* block.columns;
          for (const row of block.rows) yield* row;
        }
      }
    }
  }
}
