import { AnswerSchema, type Answer } from '../../src/index.js';

/**
 * Synthetic Answers for the renderer's unit tests: shapes and sizes the shipped article does not have
 * (hostile text, huge tables, long excerpts), built through the core's own schema so they stay valid.
 */
export function makeAnswer(partial: Partial<Answer> & Pick<Answer, 'kind'>): Answer {
  return AnswerSchema.parse({ query: 'q', text: 'text', citations: [], ...partial });
}

export const SOURCE = {
  documentId: 'doc-1',
  documentTitle: 'Talks resume in Geneva',
  sectionId: 'sec-1',
  sectionTitle: 'Where things stand',
  url: 'https://news.example.org/2026/talks?id=1&ref=desk',
  asOf: '2026-11-20T09:00:00Z',
};

/** Words of lorem-like prose, `count` of them, with sentence ends and paragraph breaks. */
export function prose(count: number, seed = 1): string {
  const words = ['delegates', 'agreed', 'to', 'continue', 'negotiations', 'on', 'sanctions', 'relief', 'verification', 'and', 'regional', 'security', 'guarantees', 'mediators', 'reported', 'progress'];
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) {
    let word = words[(index * 7 + seed) % words.length] ?? 'word';
    if (index % 11 === 10) word += '.';
    if (index % 97 === 96) word += '\n\n';
    out.push(word);
  }
  return out.join(' ').replace(/\n\n /g, '\n\n');
}

export function table(columns: number, rows: number, cell = (r: number, c: number) => `r${r}c${c} value`) {
  return {
    documentId: 'doc-1',
    documentTitle: 'Talks resume in Geneva',
    sectionId: 'positions',
    sectionTitle: 'Positions at a glance',
    tableId: 't1',
    columns: Array.from({ length: columns }, (_, c) => `Column ${c}`),
    rows: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c))),
  };
}
