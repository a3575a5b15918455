/**
 * The baseline the bench prints beside our engine: a plain MiniSearch setup as one would write it
 * first — every section and every passage (paragraph, list item, table row) indexed with default
 * options, searched with fuzzy 0.2 and prefix matching, best hits returned. No intents, no refusals.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { ParsedDocument } from '../src/index.js';

interface BaselineRecord {
  id: number;
  kind: 'section' | 'passage';
  documentId: string;
  sectionId: string;
  title: string;
  text: string;
}

export const BASELINE_OPTIONS: Options<BaselineRecord> = {
  fields: ['title', 'text'],
  storeFields: ['kind', 'documentId', 'sectionId'],
  searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
};

export interface Baseline {
  index: MiniSearch<BaselineRecord>;
  records: number;
  /** Top hits for a query, as a naive bot would answer. */
  answer(query: string): SearchResult[];
}

function blockTexts(blocks: ParsedDocument['sections'][number]['blocks']): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'paragraph') return [block.text];
    if (block.type === 'list') return block.items;
    return block.rows.map((row) => row.map((cell, i) => `${block.columns[i] ?? ''}: ${cell}`).join('; '));
  });
}

/** Indexes every section and passage of the documents in one MiniSearch index. */
export function buildBaseline(documents: readonly ParsedDocument[]): Baseline {
  const index = new MiniSearch<BaselineRecord>(BASELINE_OPTIONS);
  let id = 0;
  const batch: BaselineRecord[] = [];
  for (const document of documents) {
    for (const section of document.sections) {
      const texts = blockTexts(section.blocks);
      const base = { documentId: document.documentId, sectionId: section.sectionId, title: section.title };
      batch.push({ id: id++, kind: 'section', ...base, text: texts.join('\n') });
      for (const text of texts) batch.push({ id: id++, kind: 'passage', ...base, text });
    }
  }
  index.addAll(batch);
  return { index, records: batch.length, answer: (query) => index.search(query).slice(0, 3) };
}

/** Rebuilds a baseline from its JSON snapshot. */
export function loadBaseline(json: string): Baseline {
  const index = MiniSearch.loadJSON<BaselineRecord>(json, BASELINE_OPTIONS);
  return { index, records: index.documentCount, answer: (query) => index.search(query).slice(0, 3) };
}
