import MiniSearch from 'minisearch';
import type { ParsedDocument } from '../content/document-model.js';
import { splitWords, termsOfWord } from '../text/analyze-terms.js';
import type { Passage } from './passages.js';
import type { TermGroup } from './resolve-query-terms.js';
import { Vocabulary } from './vocabulary.js';

interface IndexedPassage {
  i: number;
  text: string;
  title: string;
  context: string;
  doc: string;
}

/** Field boosts, measured on the evaluation set: a section's title says what all its passages are about. */
export const FIELD_BOOSTS = { text: 1, title: 1.5, context: 0.5, doc: 0.2 };

export const INDEX_OPTIONS = {
  idField: 'i',
  fields: ['text', 'title', 'context', 'doc'],
  tokenize: (text: string) => splitWords(text),
  processTerm: (word: string) => termsOfWord(word),
};

export interface ScoredPassage {
  passage: Passage;
  /** BM25 score with term weights. */
  score: number;
  /** Share of the query's term groups found in the passage or its section title. */
  coverage: number;
  /** Indexes of the term groups found. */
  groups: Set<number>;
}

/** MiniSearch over passages (sentences, list items, table rows), with their section titles as a field. */
export class PassageIndex {
  readonly search: MiniSearch<IndexedPassage>;
  readonly vocabulary = new Vocabulary();
  /** Terms of each section's title, by `doc:section`. */
  readonly sectionTitleTerms = new Map<string, Set<string>>();
  /** Folded words of each section's title, by `doc:section`. */
  readonly sectionTitleWords = new Map<string, string[]>();

  constructor(readonly documents: ParsedDocument[], readonly passages: Passage[]) {
    this.search = new MiniSearch<IndexedPassage>(INDEX_OPTIONS);
    const rows: IndexedPassage[] = passages.map((passage, i) => {
      const document = documents[passage.docIndex];
      const section = document?.sections[passage.sectionIndex];
      return { i, text: passage.indexText ?? passage.text, title: section?.title ?? '', context: passage.context, doc: document?.title ?? '' };
    });
    this.search.addAll(rows);
    for (const row of rows) this.vocabulary.addPassageWords(splitWords(`${row.text} ${row.title} ${row.context}`));
    documents.forEach((document, d) =>
      document.sections.forEach((section, s) => {
        this.sectionTitleTerms.set(`${d}:${s}`, new Set(splitWords(section.title).flatMap(termsOfWord)));
        this.sectionTitleWords.set(`${d}:${s}`, splitWords(section.title));
      }),
    );
  }

  /** Passages ranked for the resolved query; `filter` limits them (e.g. to one section). */
  rank(groups: TermGroup[], filter?: (passage: Passage) => boolean): ScoredPassage[] {
    const weights = new Map<string, number>();
    const termGroups = new Map<string, number[]>();
    groups.forEach((group, index) => {
      for (const alternative of group.alternatives) {
        weights.set(alternative.term, Math.max(weights.get(alternative.term) ?? 0, alternative.weight));
        termGroups.set(alternative.term, [...(termGroups.get(alternative.term) ?? []), index]);
      }
    });
    if (weights.size === 0) return [];
    const known = groups.filter((group) => group.alternatives.length > 0).length;
    const results = this.search.search(
      { combineWith: 'OR', queries: [...weights.keys()] },
      {
        boost: FIELD_BOOSTS,
        tokenize: (text) => text.split(' '),
        processTerm: (term) => term,
        boostTerm: (term) => weights.get(term) ?? 1,
        ...(filter ? { filter: (result) => filter(this.passages[result.id as number] as Passage) } : {}),
      },
    );
    return results.map((result) => {
      const passage = this.passages[result.id as number] as Passage;
      const found = new Set<number>();
      for (const term of Object.keys(result.match)) for (const index of termGroups.get(term) ?? []) found.add(index);
      return { passage, score: result.score, coverage: known === 0 ? 0 : found.size / groups.length, groups: found };
    });
  }
}
