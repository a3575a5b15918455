import { createHash } from 'node:crypto';
import type { ParsedDocument } from '../content/document-model.js';
import type { WordNet } from '../lexicon/wordnet.js';
import type { AnswerType } from './answer-types.js';
import { holdsType } from './answer-types.js';
import { registerBuiltContext, takeProvidedSnapshot } from './engine-snapshot.js';
import { indexPassages, PassageIndex } from './passage-index.js';
import { PassageStore } from './passage-store.js';
import { eachPassage, splitSentences, type Passage } from './passages.js';
import { recordSplits, replaySplits, type SentenceSplits } from './sentence-splits.js';
import type { TermGroup } from './resolve-query-terms.js';
import { locateTable, type LocatedTable } from './table-match.js';

/** Everything an engine built once and answers from; immutable after construction but for caches. */
export class EngineContext {
  /** Every passage, by number in reading order; built per section on first use when restored from a snapshot. */
  readonly passages: PassageStore;
  readonly index: PassageIndex;
  readonly tables: LocatedTable[] = [];
  /** Short stable hash of each document id (for compact action tokens). */
  readonly docHashes: string[];
  private readonly typeCache = new Map<string, boolean>();
  /** How paragraphs were cut into sentences (for the index snapshot). */
  readonly sentenceSplits: SentenceSplits;

  constructor(readonly documents: ParsedDocument[], readonly wordNet: WordNet | undefined) {
    const restored = takeProvidedSnapshot(documents);
    let store: PassageStore | undefined;
    if (restored) {
      try {
        store = new PassageStore(documents, restored.sentences);
        if (store.length !== restored.passageCount) store = undefined;
      } catch {
        store = undefined; // splits that do not fit these documents: build from scratch
      }
    }
    if (store && restored) {
      this.passages = store;
      this.sentenceSplits = restored.sentences;
      this.index = new PassageIndex(documents, store, restored.index);
    } else {
      // Passages are made section by section for the index and dropped; queries make the ones they need again,
      // replaying the recorded sentence splits (as after a snapshot restore), so they are the same passages.
      const recorder = recordSplits(splitSentences);
      const indexed = indexPassages(documents, eachPassage(documents, recorder.split));
      this.sentenceSplits = recorder.data();
      this.passages = new PassageStore(documents, this.sentenceSplits);
      this.index = new PassageIndex(documents, this.passages, indexed);
    }
    registerBuiltContext(documents, this);
    documents.forEach((document, d) =>
      document.sections.forEach((section, s) => {
        for (const block of section.blocks) if (block.type === 'table') this.tables.push(locateTable(d, s, block));
      }),
    );
    this.docHashes = documents.map((document) => createHash('sha1').update(document.documentId).digest('hex').slice(0, 8));
    this.tables.forEach((table, position) => {
      // Only a column's own words (never the label column) or a whole row label can make a table match.
      table.columnTerms.forEach((terms, column) => {
        if (column === 0) return;
        for (const term of terms) {
          const list = this.tablesByColumnTerm.get(term) ?? [];
          if (list[list.length - 1] !== position) list.push(position);
          this.tablesByColumnTerm.set(term, list);
        }
      });
      for (const terms of table.rowTerms) {
        if (terms.size === 0) continue;
        const id = this.rowSizes.length;
        this.rowSizes.push(terms.size);
        this.rowTables.push(position);
        for (const term of terms) {
          const list = this.rowsByTerm.get(term) ?? [];
          list.push(id);
          this.rowsByTerm.set(term, list);
        }
      }
    });
  }

  /** Table positions by a term of one of their columns' own words (label column excluded). */
  private readonly tablesByColumnTerm = new Map<string, number[]>();
  /** Every labelled row of every table: its number of label terms and its table; and rows by label term. */
  private readonly rowSizes: number[] = [];
  private readonly rowTables: number[] = [];
  private readonly rowsByTerm = new Map<string, number[]>();

  /**
   * The tables a query's term groups can match, in `tables` order: those where an alternative names a
   * column by its own words, or where the alternatives cover every term of some row's label. Any
   * other table matches no row and no column (matchTable), so the table intents skip it anyway.
   */
  tablesFor(groups: TermGroup[]): LocatedTable[] {
    const positions = new Set<number>();
    const terms = new Set<string>();
    for (const group of groups) for (const alternative of group.alternatives) terms.add(alternative.term);
    for (const group of groups) {
      for (const alternative of group.alternatives) {
        if (alternative.how === 'prefix') continue;
        for (const position of this.tablesByColumnTerm.get(alternative.term) ?? []) positions.add(position);
      }
    }
    const covered = new Map<number, number>();
    for (const term of terms) {
      for (const row of this.rowsByTerm.get(term) ?? []) {
        const count = (covered.get(row) ?? 0) + 1;
        covered.set(row, count);
        if (count === this.rowSizes[row]) positions.add(this.rowTables[row] as number);
      }
    }
    return [...positions].sort((a, b) => a - b).map((position) => this.tables[position] as LocatedTable);
  }

  /** Whether a passage holds an answer type, decided on first use (tagging every passage up front would slow start-up). */
  holdsAnswerType(passage: Passage, type: AnswerType): boolean {
    const key = `${type}:${passage.id}`;
    let holds = this.typeCache.get(key);
    if (holds === undefined) {
      holds = holdsType(passage.text, type, this.wordNet);
      this.typeCache.set(key, holds);
    }
    return holds;
  }

  passagesOf(docIndex: number, sectionIndex: number): Passage[] {
    return this.passages.ofSection(docIndex, sectionIndex);
  }
}
