import type { Answer, AnswerTable, Citation, SectionRef } from './answer-schema.js';

/** The text of a help answer without examples: the reply to thanks. */
export const ACKNOWLEDGEMENT = "You're welcome. Ask another question about the talks any time.";

/** Plain-text rendering of an answer: what the CLI prints and platforms send as fallback text. */
export function renderAnswerText(answer: Omit<Answer, 'text'>): string {
  const lines: string[] = [];
  const cite = (citation: Citation) => `   — ${citation.documentTitle} › ${citation.sectionTitle}${citation.asOf ? ` (as of ${citation.asOf.slice(0, 10)})` : ''}`;
  switch (answer.kind) {
    case 'help':
      // Without examples it answers thanks or an acknowledgement ("thanks", "ok great").
      if (answer.examples.length === 0) lines.push(ACKNOWLEDGEMENT);
      else lines.push('Ask about the talks in plain words, or try:');
      for (const example of answer.examples) lines.push(`  • ${example}`);
      break;
    case 'sections':
      for (const outline of answer.outlines) {
        lines.push(`${outline.documentTitle}:`);
        for (const section of outline.sections) lines.push(`  • ${section.sectionTitle}`);
      }
      break;
    case 'positions':
      if (answer.table) {
        lines.push(renderTableText(answer.table));
        lines.push(`— ${answer.table.documentTitle} › ${answer.table.sectionTitle}${answer.table.asOf ? ` (as of ${answer.table.asOf.slice(0, 10)})` : ''}`);
      }
      break;
    case 'not_found':
    case 'rate_limited':
      break;
    default:
      answer.citations.forEach((citation, index) => {
        lines.push(`${index + 1}. “${citation.excerpt}”`);
        lines.push(cite(citation));
      });
  }
  if (answer.kind === 'not_found') lines.unshift(answer.notices.find((notice) => notice.startsWith("The articles don't")) ?? "The articles don't cover that.");
  if (answer.related.length > 0) {
    lines.push(answer.kind === 'not_found' ? 'Possibly related:' : 'Also matching:');
    for (const ref of answer.related) lines.push(`  • ${refText(ref)}`);
  }
  for (const notice of answer.notices) if (!notice.startsWith("The articles don't")) lines.push(`(${notice})`);
  return lines.join('\n');
}

function refText(ref: SectionRef): string {
  return `${ref.documentTitle} › ${ref.sectionTitle}`;
}

/** A table as aligned plain text (column widths by code points). */
export function renderTableText(table: Pick<AnswerTable, 'columns' | 'rows'>): string {
  const width = (text: string) => [...text].length;
  const widths = table.columns.map((column, index) => Math.max(width(column), ...table.rows.map((row) => width(row[index] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, index) => cell + ' '.repeat((widths[index] ?? 0) - width(cell))).join(' | ').trimEnd();
  return [line(table.columns), widths.map((w) => '-'.repeat(w)).join('-|-'), ...table.rows.map((row) => line(row))].join('\n');
}
