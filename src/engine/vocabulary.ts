import SearchableMap from 'minisearch/SearchableMap';
import { collectInitialisms, type Initialisms } from '../lexicon/initialisms.js';
import { usedOnlyAsName, usedOnlyInLowerCase as writtenOnlyInLowerCase } from '../lexicon/name-words.js';
import { isStopWord, termsOfWord } from '../text/analyze-terms.js';
import { FuzzyWords } from './fuzzy-words.js';
import { PairSet } from './pair-set.js';

/** Typo look-up choices, switchable to measure them (eval/ablate.ts). */
export const FUZZY_OPTIONS = {
  /** Typos are also matched against the parts of hyphenated article words. */
  hyphenParts: true,
};

/** Phrase look-up choices, switchable to measure them (eval/ablate.ts). */
export const VOCABULARY_OPTIONS = {
  /** A phrase's last word may be written with a possessive 's ("Papua New Guinea's"). */
  possessivePhrases: true,
};

/** How many terms' usedOnlyAsName answers are remembered before starting afresh. */
const NAME_TERMS_MEMO = 20_000;

/**
 * The words the loaded articles use, as written (folded) and as index terms. Lets the engine tell a
 * word the articles never use (a reason to refuse) from a typo (fuzzy) or a prefix of one they do.
 */
export class Vocabulary {
  /** Folded word → its index terms. A radix tree, for fuzzy and prefix look-ups. */
  private readonly words = new SearchableMap<string[]>();
  /** The same words in a hash map: exact look-ups while indexing are several times faster than the tree's. */
  private readonly known = new Map<string, string[]>();
  /** Index term → how many passages use it. */
  private readonly termCounts = new Map<string, number>();

  /**
   * Adjacent word pairs (folded), so a multi-word lexicon entry counts only where the articles use it
   * as a phrase. Kept as pairs of word ids: millions of pairs at archive scale.
   */
  private pairs = new PairSet();
  /** Every word seen in a passage (stop words too: phrases have them), by id. */
  private wordIds = new Map<string, number>();

  /** Plain data to rebuild this vocabulary without re-reading the passages (the index snapshot). */
  toSnapshot(): VocabularySnapshot {
    return { version: 1, words: [...this.known], termCounts: [...this.termCounts], wordIds: [...this.wordIds.keys()], pairs: this.pairs.toData() };
  }

  static fromSnapshot(snapshot: VocabularySnapshot): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [word, terms] of snapshot.words) {
      vocabulary.words.set(word, terms);
      vocabulary.known.set(word, terms);
    }
    for (const [term, count] of snapshot.termCounts) vocabulary.termCounts.set(term, count);
    snapshot.wordIds.forEach((word, id) => vocabulary.wordIds.set(word, id));
    vocabulary.pairs = PairSet.fromData(snapshot.pairs);
    return vocabulary;
  }

  hasPhrase(words: string[]): boolean {
    for (let i = 1; i < words.length; i++) {
      const a = this.wordIds.get(words[i - 1] ?? '');
      if (a === undefined) return false;
      const b = this.wordIds.get(words[i] ?? '');
      if (b !== undefined && this.pairs.has(a, b)) continue;
      // A name the articles write only in the possessive ("Papua New Guinea's minister"): its last word with 's.
      const possessive = i === words.length - 1 && VOCABULARY_OPTIONS.possessivePhrases ? this.wordIds.get(`${words[i]}'s`) : undefined;
      if (possessive === undefined || !this.pairs.has(a, possessive)) return false;
    }
    return true;
  }

  private idOf(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      id = this.wordIds.size;
      this.wordIds.set(word, id);
    }
    return id;
  }

  addPassageWords(words: string[]): void {
    let previous = -1;
    for (const word of words) {
      const id = this.idOf(word);
      if (previous >= 0) this.pairs.add(previous, id);
      previous = id;
    }
    const seen = new Set<string>();
    for (const word of words) {
      const known = this.known.get(word);
      if (known) {
        for (const term of known) seen.add(term);
        continue;
      }
      if (isStopWord(word)) continue;
      const terms = termsOfWord(word);
      this.words.set(word, terms);
      this.known.set(word, terms);
      for (const term of terms) seen.add(term);
    }
    for (const term of seen) this.termCounts.set(term, (this.termCounts.get(term) ?? 0) + 1);
  }

  /** termsOfWord(word) for a word of the articles (memoized when it was added), else undefined. */
  termsOfKnownWord(word: string): string[] | undefined {
    return this.known.get(word);
  }

  hasTerm(term: string): boolean {
    return this.termCounts.has(term);
  }

  termCount(term: string): number {
    return this.termCounts.get(term) ?? 0;
  }

  private fuzzy: FuzzyWords | undefined;

  private nameTexts: (() => Iterable<string>) | undefined;
  private initialisms: Initialisms | undefined;

  /**
   * Where the articles' running text is read for their names' initialisms ("African Union" → au), on the
   * first question that needs one: start-up stays as cheap as before.
   */
  useNameTexts(source: () => Iterable<string>): void {
    this.nameTexts = source;
    this.initialisms = undefined;
  }

  private termTexts: ((term: string) => Iterable<string>) | undefined;
  private readonly nameTerms = new Map<string, boolean>();

  /** Where usedOnlyAsName reads passages holding a term (the index's best ones: a sample at archive scale). */
  useTermTexts(source: (term: string) => Iterable<string>): void {
    this.termTexts = source;
    this.nameTerms.clear();
    this.lowerTerms.clear();
  }

  /** Whether the articles use this index term only in names (capitalised inside sentences, never in lower case); remembered. */
  usedOnlyAsName(term: string): boolean {
    return this.readTermTexts(this.nameTerms, term, usedOnlyAsName);
  }

  private readonly lowerTerms = new Map<string, boolean>();

  /** Whether the articles write this index term only in lower case (never as a name); remembered. */
  usedOnlyInLowerCase(term: string): boolean {
    return this.readTermTexts(this.lowerTerms, term, writtenOnlyInLowerCase);
  }

  /** A fact about how the passages holding a term write it, read once and remembered in `memo` (bounded). */
  private readTermTexts(memo: Map<string, boolean>, term: string, read: (term: string, texts: Iterable<string>, termsOf: typeof termsOfWord) => boolean): boolean {
    if (!this.termTexts) return false;
    let value = memo.get(term);
    if (value === undefined) {
      value = read(term, this.termTexts(term), termsOfWord);
      if (memo.size >= NAME_TERMS_MEMO) memo.clear();
      memo.set(term, value);
    }
    return value;
  }

  /** The articles' names an initialism may stand for ("au" → african union), each as folded words. */
  namesForInitialism(word: string): string[][] {
    if (!this.nameTexts) return [];
    this.initialisms ??= collectInitialisms(this.nameTexts());
    return this.initialisms.get(word) ?? [];
  }

  /** The letter-pair index for typo look-ups, built on first use (words are all added by then). */
  fuzzyIndex(): FuzzyWords {
    if (!this.fuzzy) {
      // The parts of hyphenated words too ("confidence" of "confidence-building"): the index has their terms,
      // so a typo of one ("cnfidence") is as much a typo of an article word as of a whole word.
      const words = new Set(this.known.keys());
      if (FUZZY_OPTIONS.hyphenParts) for (const word of this.known.keys()) if (word.includes('-')) for (const part of word.split('-')) if (part.length > 2 && !isStopWord(part)) words.add(part);
      this.fuzzy = new FuzzyWords([...words]);
    }
    return this.fuzzy;
  }

  /** Article words within `distance` edits of a word, closest first. */
  fuzzyWords(word: string, distance: number): Array<{ word: string; terms: string[]; distance: number }> {
    const hits: Array<{ word: string; terms: string[]; distance: number }> = [];
    if (distance === 0) {
      const terms = this.known.get(word);
      if (terms) hits.push({ word, terms, distance: 0 });
      return hits;
    }
    const found = this.fuzzyIndex().find(word, distance);
    if (found) {
      for (const [hit, d] of found) hits.push({ word: hit, terms: this.known.get(hit) ?? termsOfWord(hit), distance: d });
    } else {
      for (const [hit, [terms, d]] of this.words.fuzzyGet(word, distance)) hits.push({ word: hit, terms, distance: d });
    }
    return hits.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  }

  /** Article words that start with `prefix`. */
  prefixWords(prefix: string, limit = 20): Array<{ word: string; terms: string[] }> {
    const hits: Array<{ word: string; terms: string[] }> = [];
    for (const [word, terms] of this.words.atPrefix(prefix)) {
      if (word === prefix) continue;
      hits.push({ word, terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** A vocabulary as plain data (see Vocabulary.toSnapshot). */
export interface VocabularySnapshot {
  version: 1;
  words: Array<[string, string[]]>;
  termCounts: Array<[string, number]>;
  /** Words by id. */
  wordIds: string[];
  pairs: { table: Float64Array; count: number };
}

export function isVocabularySnapshot(value: unknown): value is VocabularySnapshot {
  const snapshot = value as VocabularySnapshot;
  return !!snapshot && snapshot.version === 1 && Array.isArray(snapshot.words) && Array.isArray(snapshot.termCounts) && Array.isArray(snapshot.wordIds) && snapshot.pairs?.table instanceof Float64Array;
}
