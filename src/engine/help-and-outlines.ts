import type { DocumentOutline } from '../answer/answer-schema.js';
import { splitWords, isStopWord } from '../text/analyze-terms.js';
import type { AnswerDraft } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';

/** One outline per document: its sections and tables. */
export function buildOutlines(ctx: EngineContext): DocumentOutline[] {
  return ctx.documents.map((document, docIndex) => ({
    documentId: document.documentId,
    documentTitle: document.title,
    sections: document.sections.map((section) => ({ sectionId: section.sectionId, sectionTitle: section.title })),
    tables: ctx.tables
      .filter((table) => table.docIndex === docIndex)
      .map((table) => ({ tableId: table.block.tableId, sectionTitle: document.sections[table.sectionIndex]?.title ?? '', columns: table.block.columns })),
  }));
}

/** What can be asked, with examples drawn from the loaded articles (their tables and section titles). */
export function buildHelp(ctx: EngineContext): AnswerDraft {
  const examples: string[] = [];
  if (ctx.tables.length > 0) examples.push('positions');
  const table = ctx.tables[0];
  const row = table?.block.rows[0]?.[0];
  const column = table?.block.columns[1];
  if (table && row && column) examples.push(`${column.toLowerCase()} on ${row.toLowerCase()}`);
  examples.push('summary', 'sections');
  const usedWords = new Set<string>();
  for (const document of ctx.documents) {
    for (const section of document.sections) {
      // The title's least common word makes the shortest keyword that still finds the section; an example
      // already offered ('positions' over a table, a section titled 'Positions') is not offered twice, and a
      // possessive is offered as its name ('Sudan’s view' → sudan).
      const words = splitWords(section.title)
        .map((word) => word.replace(/['’]s$/, ''))
        .filter((word) => !isStopWord(word) && word.length > 3 && !usedWords.has(word) && !examples.includes(word));
      const keyword = words.sort((a, b) => ctx.index.vocabulary.termCount(a) - ctx.index.vocabulary.termCount(b))[0];
      if (keyword) {
        usedWords.add(keyword);
        examples.push(keyword);
      }
      if (examples.length >= 7) break;
    }
  }
  examples.push('tell me more');
  return { kind: 'help', citations: [], examples };
}
