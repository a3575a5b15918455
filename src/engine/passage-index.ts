import type { ParsedDocument } from '../content/document-model.js';
import { splitWords, termsOfWord } from '../text/analyze-terms.js';
import { CompactIndex, CompactIndexBuilder, isCompactIndexData, type CompactIndexData } from './compact-index.js';
import { leadInLabel, type Passage } from './passages.js';
import type { PassageStore } from './passage-store.js';
import type { TermGroup } from './resolve-query-terms.js';
import { Vocabulary, isVocabularySnapshot, type VocabularySnapshot } from './vocabulary.js';

/** Field boosts, measured on the evaluation set: a section's title says what all its passages are about. */
export const FIELD_BOOSTS = { text: 1, title: 1.5, context: 0.5, doc: 0.2 };

/** The index's fields and text analysis (MiniSearch's option names; also part of the snapshot key). */
export const INDEX_OPTIONS = {
  idField: 'i',
  fields: ['text', 'title', 'context', 'doc'],
  tokenize: (text: string) => splitWords(text),
  processTerm: (word: string) => termsOfWord(word),
};

/**
 * Above this many matching passages, `rank` keeps only the sections of the best RANK_TOP_PASSAGES
 * passages (with all their matching passages, so per-section coverage stays exact for them), instead
 * of materialising every match: at archive scale a common word matches a quarter of a million passages.
 * Below it, rank returns every match, exactly as a full MiniSearch search would.
 */
export const RANK_EXACT_LIMIT = 1_500;
export const RANK_TOP_PASSAGES = 200;
/**
 * Above this many postings for a query's terms in all, candidates come from the rarer terms (up to this
 * many postings) in full and from the commoner terms' tiers (their strongest postings); the sections of
 * the best RANK_TOP_PASSAGES candidates are then scored with every term, exactly (compact-index.ts). A
 * content folder of a few hundred articles never reaches it, so its answers are exactly MiniSearch's. Measured on the bench's 10,000-article
 * archive (150 queries): 40,000 → 20,000 postings cut the mean answer from 5.8 to 3.3 ms and p99 from
 * 16 to 9 ms (min of 7 runs), with 146 of 150 first citations unchanged; 10,000 gained little more.
 */
export const RANK_POSTING_BUDGET = 20_000;
/**
 * The posting budget when only the nearest sections are wanted ("possibly related" under a not_found): a
 * hint, so mostly from the tiers. Over a small folder no field has a tier and every posting is still read, so
 * the same sections come back (checked on every not_found of the eval's tune sets).
 */
export const RELATED_POSTING_BUDGET = 2_000;

/** What an index snapshot holds to skip the build: the postings and the vocabulary. */
export interface PassageIndexSnapshot {
  compact: CompactIndexData;
  vocabulary: VocabularySnapshot;
}

export function isPassageIndexSnapshot(value: unknown): value is PassageIndexSnapshot {
  const snapshot = value as PassageIndexSnapshot;
  return !!snapshot && isCompactIndexData(snapshot.compact) && isVocabularySnapshot(snapshot.vocabulary);
}

/** Indexing choices, part of the snapshot's fingerprint (start-engine.ts). */
export const PASSAGE_INDEX_OPTIONS = {
  /**
   * A list item's or a paragraph's lead-in label ("**Bigeye:** the longline limit falls…", "**The wagons:** Kabeya
   * said…") names its topic as a heading does: it is indexed with the section's title as well as in the text.
   */
  leadInLabelsAsTitles: true,
};

/** Postings and vocabulary made from passages (what a snapshot restores without indexing). */
export interface IndexedPassages {
  compact: CompactIndexData;
  vocabulary: Vocabulary;
}

/**
 * Indexes passages as they come: they may be made section by section and dropped once indexed, so a
 * cold build at archive scale never holds a million passage objects at once.
 */
export function indexPassages(documents: ParsedDocument[], passages: Iterable<Passage>): IndexedPassages {
  const builder = new CompactIndexBuilder(INDEX_OPTIONS);
  const vocabulary = new Vocabulary();
  for (const passage of passages) {
    const document = documents[passage.docIndex];
    const section = document?.sections[passage.sectionIndex];
    const label = PASSAGE_INDEX_OPTIONS.leadInLabelsAsTitles ? leadInLabel(passage) : undefined;
    const [text = [], title = [], context = []] = builder.add([passage.indexText ?? passage.text, label ? `${section?.title ?? ''} ${label}` : section?.title ?? '', passage.context, document?.title ?? '']);
    // The same words, in the same order, as splitWords(`${text} ${title} ${context}`).
    vocabulary.addPassageWords(text.concat(title, context));
  }
  return { compact: builder.finish(), vocabulary };
}

export interface ScoredPassage {
  passage: Passage;
  /** BM25 score with term weights. */
  score: number;
  /** Share of the query's term groups found in the passage or its section title. */
  coverage: number;
  /** Indexes of the term groups found (shared by passages that matched the same terms: never change it). */
  groups: ReadonlySet<number>;
  /** Like coverage, but each group counts at the weight of its best match here (exact 1, typo or lexicon less). */
  strength: number;
}

/**
 * BM25 over passages (sentences, list items, table rows), with their section titles as a field:
 * MiniSearch's scoring, on the compact typed-array postings of compact-index.ts.
 */
export class PassageIndex {
  readonly search: CompactIndex;
  readonly vocabulary: Vocabulary;
  /** Terms of each section's title, by `doc:section`. */
  readonly sectionTitleTerms = new Map<string, ReadonlySet<string>>();
  /** Folded words of each section's title, by `doc:section`. */
  readonly sectionTitleWords = new Map<string, readonly string[]>();

  /** Every section as [docIndex, sectionIndex], in document order (a section's "ordinal"). */
  private readonly sectionKeys: Array<[number, number]> = [];
  /** Title term → ordinals of the sections whose title has it. */
  private readonly sectionsByTitleTerm = new Map<string, number[]>();
  /** Folded title word → ordinals of the sections whose title has it; and the words, sorted (prefix look-ups). */
  private readonly sectionsByTitleWord = new Map<string, number[]>();
  private readonly titleWords: string[];
  /** First passage of each section (by its number in passage order), and one past the last. */
  private readonly sectionStart: Uint32Array;
  /** Section of each passage (`doc:section` keys numbered in passage order), for per-section pruning. */
  private readonly sectionOf: Uint32Array;

  /**
   * `source`: postings and vocabulary already made (from a snapshot, or by indexPassages); without it (or
   * when it does not fit the passages) the passages are indexed here.
   */
  constructor(readonly documents: ParsedDocument[], readonly passages: PassageStore, source?: PassageIndexSnapshot | IndexedPassages) {
    if (source && source.compact.documentCount === passages.length) {
      this.search = new CompactIndex(source.compact);
      this.vocabulary = source.vocabulary instanceof Vocabulary ? source.vocabulary : Vocabulary.fromSnapshot(source.vocabulary);
    } else {
      const indexed = indexPassages(documents, passages.all());
      this.search = new CompactIndex(indexed.compact);
      this.vocabulary = indexed.vocabulary;
    }
    this.sectionOf = passages.sectionOf;
    this.sectionStart = passages.sectionStart;
    // Titles repeat across an archive ("Background", "Analysis"): each distinct one is analysed once, and its
    // words and terms are shared by the sections that bear it (read-only).
    const analysed = new Map<string, { words: string[]; terms: Set<string>; distinctWords: Set<string> }>();
    documents.forEach((document, d) =>
      document.sections.forEach((section, s) => {
        let title = analysed.get(section.title);
        if (!title) {
          const words = splitWords(section.title);
          // termsOfWord through the vocabulary's memo (the same terms; stemming 70,000 titles again is most of a warm start's index time).
          title = { words, terms: new Set(words.flatMap((word) => this.vocabulary.termsOfKnownWord(word) ?? termsOfWord(word))), distinctWords: new Set(words) };
          analysed.set(section.title, title);
        }
        this.sectionTitleTerms.set(`${d}:${s}`, title.terms);
        this.sectionTitleWords.set(`${d}:${s}`, title.words);
        const ordinal = this.sectionKeys.length;
        this.sectionKeys.push([d, s]);
        for (const term of title.terms) push(this.sectionsByTitleTerm, term, ordinal);
        for (const word of title.distinctWords) push(this.sectionsByTitleWord, word, ordinal);
      }),
    );
    this.titleWords = [...this.sectionsByTitleWord.keys()].sort();
    // Typo look-ups are ready before the first question, not built during it.
    this.vocabulary.fuzzyIndex();
  }

  /** Passages ranked for the resolved query; `filter` limits them (e.g. to one section). */
  rank(groups: TermGroup[], filter?: (passage: Passage) => boolean, postingBudget = RANK_POSTING_BUDGET): ScoredPassage[] {
    // Each term's search weight (its best in any group), and its weight for each group it stands for, so a
    // passage's strength counts a group once, at its best match.
    const weights = new Map<string, number>();
    const termGroupWeights = new Map<string, Array<[number, number]>>();
    groups.forEach((group, index) => {
      for (const { term, weight } of group.alternatives) {
        weights.set(term, Math.max(weights.get(term) ?? 0, weight));
        const list = termGroupWeights.get(term);
        if (list) list.push([index, weight]);
        else termGroupWeights.set(term, [[index, weight]]);
      }
    });
    if (weights.size === 0) return [];
    const known = groups.filter((group) => group.alternatives.length > 0).length;
    const { docs, scores, termsOf, termKeyOf } = this.search.score(
      [...weights].map(([term, weight]) => ({ term, boost: weight })),
      FIELD_BOOSTS,
      postingBudget,
      (candidates, scores) => this.bestSectionRanges(candidates, scores),
    );
    let kept: number[] = [];
    for (let i = 0; i < docs.length; i++) if (!filter || filter(this.passages.at(docs[i] as number))) kept.push(i);
    if (kept.length > RANK_EXACT_LIMIT) kept = this.bestSections(kept, docs, scores);
    // A stable sort by score, as MiniSearch sorts its results.
    kept.sort((a, b) => (scores[b] as number) - (scores[a] as number));
    // Passages that matched the same query terms share their groups, coverage and strength: worked out once per
    // set of terms (a handful per query), not once per passage (thousands at archive scale).
    const byTerms = new Map<number | string, Pick<ScoredPassage, 'coverage' | 'groups' | 'strength'>>();
    const matchOf = (doc: number) => {
      const key = termKeyOf(doc);
      let match = byTerms.get(key);
      if (!match) {
        const found = new Set<number>();
        const best = new Map<number, number>();
        for (const term of termsOf(doc)) {
          for (const [index, weight] of termGroupWeights.get(term) ?? []) {
            found.add(index);
            best.set(index, Math.max(best.get(index) ?? 0, weight));
          }
        }
        let strength = 0;
        for (const weight of best.values()) strength += weight;
        match = { coverage: known === 0 ? 0 : found.size / groups.length, strength: groups.length === 0 ? 0 : strength / groups.length, groups: found };
        byTerms.set(key, match);
      }
      return match;
    };
    return kept.map((i) => {
      const doc = docs[i] as number;
      const { coverage, groups: found, strength } = matchOf(doc);
      return { passage: this.passages.at(doc), score: scores[i] as number, coverage, strength, groups: found };
    });
  }

  /** The postings and vocabulary as plain data, for the index snapshot. */
  toSnapshot(): PassageIndexSnapshot {
    return { compact: this.search.data, vocabulary: this.vocabulary.toSnapshot() };
  }

  /**
   * The sections whose title has one of `terms`, or a word starting with `prefix`, as [docIndex,
   * sectionIndex] in document order: the only sections a title look-up needs to consider.
   */
  sectionsByTitle(terms: Iterable<string>, prefix?: string): Array<[number, number]> {
    const ordinals = new Set<number>();
    for (const term of terms) for (const ordinal of this.sectionsByTitleTerm.get(term) ?? []) ordinals.add(ordinal);
    if (prefix) {
      let lo = 0;
      let hi = this.titleWords.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.titleWords[mid] as string) < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < this.titleWords.length && (this.titleWords[i] as string).startsWith(prefix); i++) {
        for (const ordinal of this.sectionsByTitleWord.get(this.titleWords[i] as string) ?? []) ordinals.add(ordinal);
      }
    }
    return [...ordinals].sort((a, b) => a - b).map((ordinal) => this.sectionKeys[ordinal] as [number, number]);
  }

  /** Passage-id ranges of the sections holding the RANK_TOP_PASSAGES best-scoring candidates. */
  private bestSectionRanges(candidates: Uint32Array, scores: Float64Array): Array<[number, number]> {
    const threshold = scoreThresholdOf(scores, RANK_TOP_PASSAGES);
    const sections: number[] = [];
    for (let i = 0; i < candidates.length; i++) if ((scores[i] as number) >= threshold) sections.push(this.sectionOf[candidates[i] as number] as number);
    // Candidates come in passage order per term, not overall: sort, then drop repeats.
    sections.sort((a, b) => a - b);
    const ranges: Array<[number, number]> = [];
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i] as number;
      if (i > 0 && section === sections[i - 1]) continue;
      ranges.push([this.sectionStart[section] as number, this.sectionStart[section + 1] as number]);
    }
    return ranges;
  }

  /** The matches that sit in the sections of the RANK_TOP_PASSAGES best-scoring matches (in their order). */
  private bestSections(kept: number[], docs: Uint32Array, scores: Float64Array): number[] {
    const threshold = scoreThreshold(kept, scores, RANK_TOP_PASSAGES);
    const sections = new Set<number>();
    for (const i of kept) if ((scores[i] as number) >= threshold) sections.add(this.sectionOf[docs[i] as number] as number);
    return kept.filter((i) => sections.has(this.sectionOf[docs[i] as number] as number));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Reused by scoreThreshold: the scores it reads, gathered (grown as needed, never shrunk). */
let gathered = new Float64Array(0);

/** A score such that about `count` of the entries `kept` (indexes into `scores`) score at or above it. */
function scoreThreshold(kept: number[], scores: Float64Array, count: number): number {
  if (gathered.length < kept.length) gathered = new Float64Array(Math.max(kept.length, gathered.length * 2));
  for (let i = 0; i < kept.length; i++) gathered[i] = scores[kept[i] as number] as number;
  return scoreThresholdOf(gathered.subarray(0, kept.length), count);
}

/** A score such that about `count` of the scores are at or above it (a histogram, not a full sort). */
function scoreThresholdOf(scores: Float64Array, count: number): number {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if ((scores[i] as number) > max) max = scores[i] as number;
  if (max <= 0) return 0;
  const buckets = new Uint32Array(1024);
  for (let i = 0; i < scores.length; i++) {
    const bucket = Math.min(1023, Math.floor(((scores[i] as number) / max) * 1023));
    buckets[bucket] = (buckets[bucket] as number) + 1;
  }
  let total = 0;
  for (let bucket = 1023; bucket >= 0; bucket--) {
    total += buckets[bucket] as number;
    if (total >= count) return (bucket / 1023) * max;
  }
  return 0;
}
