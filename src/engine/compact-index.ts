/**
 * A compact inverted index over passages that scores exactly as MiniSearch does (BM25+ with the
 * same k, b, d, field boosts, term boosts and "quality" multiplier, summed in the same order, ties
 * kept in the same order), but keeps its postings in typed arrays instead of nested Maps.
 *
 * Why: measured on the synthetic archive (npm run bench), MiniSearch's Map-of-Maps postings over
 * ~1M passages with four fields need several GB and tens of seconds to build or to load from JSON,
 * and an OR query over common words scores hundreds of thousands of postings through object
 * allocations. Typed arrays hold the same postings in ~10 bytes each, serialize as raw buffers (the
 * index snapshot), and score in a tight loop. Scores are bit-identical to MiniSearch's for the same
 * options (index-parity.test.ts checks it), so the engine's answers do not change at small scale.
 */

export interface CompactIndexOptions {
  fields: readonly string[];
  /** Splits a field's text into words (MiniSearch's `tokenize`). */
  tokenize: (text: string) => string[];
  /** A word's index terms (MiniSearch's `processTerm`); the same word always gives the same terms. */
  processTerm: (word: string) => string[];
}

/** The plain data of a built index (typed arrays and strings): what the snapshot stores. */
export interface CompactIndexData {
  version: 1;
  fields: string[];
  documentCount: number;
  /** Running average of each field's length, computed as MiniSearch does. */
  avgFieldLength: number[];
  /** Unique words per (document, field): `fieldLength[doc * fields + field]`. */
  fieldLength: Uint16Array;
  /** Term dictionary, by term id. */
  terms: string[];
  /** CSR postings: entries of (term, field) `k = term * fields + field` are `start[k] .. start[k + 1]`. */
  start: Uint32Array;
  docs: Uint32Array;
  freqs: Uint16Array;
  /** The field length of each posting's (document, field), beside it: read in sequence, not looked up. */
  postingLengths: Uint16Array;
  /**
   * Each (term, field) with more than TIER_MIN postings also lists its TIER_SIZE or so strongest ones (by BM25
   * term frequency and length, the part of the score that differs between its postings), as positions in
   * the postings above, in document order: `tierPostings[tierStart[k] .. tierStart[k + 1]]`. A query over
   * common words picks its candidate sections from these instead of walking every posting.
   */
  tierStart: Uint32Array;
  tierPostings: Uint32Array;
}

/** A (term, field) with more postings than this gets a tier of its strongest ones. */
export const TIER_MIN = 2_000;
/** About how many postings a tier holds (up to twice this when many postings score alike). */
export const TIER_SIZE = 400;

export interface CompactQueryTerm {
  term: string;
  /** MiniSearch's `boostTerm` for this term. */
  boost: number;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/**
 * A typed buffer that grows by whole chunks: no copying and no spare third as it grows (at archive scale the
 * build holds tens of millions of postings), and finish() can free each chunk once it has read it.
 */
class Chunked<T extends Uint32Array | Uint16Array> {
  static readonly BITS = 20;
  static readonly SIZE = 1 << Chunked.BITS;
  length = 0;
  chunks: Array<T | undefined> = [];
  constructor(private readonly make: (size: number) => T) {}
  push(value: number): void {
    const offset = this.length & (Chunked.SIZE - 1);
    if (offset === 0) this.chunks.push(this.make(Chunked.SIZE));
    (this.chunks[this.chunks.length - 1] as T)[offset] = value;
    this.length += 1;
  }
  /** The values as one array of exactly `length`. */
  toArray(): T {
    const out = this.make(this.length);
    this.chunks.forEach((chunk, c) => {
      if (chunk) out.set(chunk.subarray(0, Math.min(Chunked.SIZE, this.length - c * Chunked.SIZE)), c * Chunked.SIZE);
    });
    return out;
  }
}

/** Adds documents field by field, then `finish()` lays the postings out. */
export class CompactIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** word → its term ids (processTerm is pure, and words repeat a lot). */
  private readonly wordTerms = new Map<string, number[]>();
  private readonly keys = new Chunked((n) => new Uint32Array(n));
  private readonly docs = new Chunked((n) => new Uint32Array(n));
  private readonly freqs = new Chunked((n) => new Uint16Array(n));
  private readonly lengths = new Chunked((n) => new Uint16Array(n));
  private readonly avg: number[];
  private documentCount = 0;
  /** The last analysed value of each field (titles and contexts repeat passage after passage). */
  private readonly lastValue: Array<{ value: string; unique: number; counts: Array<[number, number]>; words: string[] } | undefined>;

  constructor(private readonly options: CompactIndexOptions) {
    this.avg = options.fields.map(() => 0);
    this.lastValue = options.fields.map(() => undefined);
  }

  /** Term ids of a word (cached). */
  termsOfWord(word: string): number[] {
    let ids = this.wordTerms.get(word);
    if (!ids) {
      ids = this.options.processTerm(word).filter(Boolean).map((term) => this.termId(term));
      this.wordTerms.set(word, ids);
    }
    return ids;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /** Every distinct word seen, with its terms. */
  *words(): IterableIterator<[string, string[]]> {
    for (const [word, ids] of this.wordTerms) yield [word, ids.map((id) => this.terms[id] as string)];
  }

  /**
   * Adds one document (ids are 0, 1, 2… in call order). Returns the words of each field, so the
   * caller can reuse the tokenization.
   */
  add(values: readonly string[]): string[][] {
    const doc = this.documentCount;
    const fieldCount = this.options.fields.length;
    const wordsByField: string[][] = [];
    for (let field = 0; field < fieldCount; field++) {
      const value = values[field] ?? '';
      let analysed = this.lastValue[field];
      if (!analysed || analysed.value !== value) {
        const words = this.options.tokenize(value);
        const counts = new Map<number, number>();
        for (const word of words) for (const id of this.termsOfWord(word)) counts.set(id, (counts.get(id) ?? 0) + 1);
        analysed = { value, unique: new Set(words).size, counts: [...counts], words };
        this.lastValue[field] = analysed;
      }
      wordsByField.push(analysed.words);
      // MiniSearch keeps a running average of field lengths, in document order.
      const length = analysed.unique;
      this.avg[field] = ((this.avg[field] ?? 0) * doc + length) / (doc + 1);
      this.lengths.push(Math.min(length, 0xffff));
      for (const [id, count] of analysed.counts) {
        this.keys.push(id * fieldCount + field);
        this.docs.push(doc);
        this.freqs.push(Math.min(count, 0xffff));
      }
    }
    this.documentCount += 1;
    return wordsByField;
  }

  /**
   * Lays postings out by (term, field), documents ascending (a stable counting sort). Frees the builder's
   * postings chunk by chunk as it goes: call it once.
   */
  finish(): CompactIndexData {
    const fieldCount = this.options.fields.length;
    const keyCount = this.terms.length * fieldCount;
    const start = new Uint32Array(keyCount + 1);
    const n = this.keys.length;
    const { SIZE } = Chunked;
    const keyChunks = this.keys.chunks;
    for (let c = 0; c < keyChunks.length; c++) {
      const chunk = keyChunks[c] as Uint32Array;
      const end = Math.min(SIZE, n - c * SIZE);
      for (let i = 0; i < end; i++) start[(chunk[i] as number) + 1] = (start[(chunk[i] as number) + 1] as number) + 1;
    }
    for (let k = 0; k < keyCount; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
    const cursor = start.slice(0, keyCount);
    const lengths = this.lengths.toArray();
    this.lengths.chunks = [];
    const docs = new Uint32Array(n);
    const freqs = new Uint16Array(n);
    const postingLengths = new Uint16Array(n);
    for (let c = 0; c < keyChunks.length; c++) {
      const keyChunk = keyChunks[c] as Uint32Array;
      const docChunk = this.docs.chunks[c] as Uint32Array;
      const freqChunk = this.freqs.chunks[c] as Uint16Array;
      const end = Math.min(SIZE, n - c * SIZE);
      for (let i = 0; i < end; i++) {
        const key = keyChunk[i] as number;
        const at = cursor[key] as number;
        cursor[key] = at + 1;
        const doc = docChunk[i] as number;
        docs[at] = doc;
        freqs[at] = freqChunk[i] as number;
        postingLengths[at] = lengths[doc * fieldCount + (key % fieldCount)] as number;
      }
      keyChunks[c] = undefined;
      this.docs.chunks[c] = undefined;
      this.freqs.chunks[c] = undefined;
    }
    const { tierStart, tierPostings } = buildTiers(start, freqs, postingLengths, fieldCount, this.avg);
    return {
      version: 1,
      fields: [...this.options.fields],
      documentCount: this.documentCount,
      avgFieldLength: [...this.avg],
      fieldLength: lengths,
      terms: this.terms,
      start,
      docs,
      freqs,
      postingLengths,
      tierStart,
      tierPostings,
    };
  }
}

/** BM25's term-frequency part for one posting: within a (term, field) the score is this times a constant. */
function frequencyWeight(termFreq: number, fieldLength: number, avgFieldLength: number): number {
  const { k, b } = BM25;
  return (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength));
}

/** The tiers of CompactIndexData (see tierPostings): a histogram threshold per large (term, field), no sorting. Exported for the snapshot key. */
export function buildTiers(start: Uint32Array, freqs: Uint16Array, postingLengths: Uint16Array, fieldCount: number, avg: number[]): { tierStart: Uint32Array; tierPostings: Uint32Array } {
  const keyCount = start.length - 1;
  const tierStart = new Uint32Array(keyCount + 1);
  const picked = new Chunked((n) => new Uint32Array(n));
  const BUCKETS = 256;
  const buckets = new Uint32Array(BUCKETS);
  let weights = new Float64Array(0);
  for (let key = 0; key < keyCount; key++) {
    tierStart[key] = picked.length;
    const from = start[key] as number;
    const to = start[key + 1] as number;
    if (to - from <= TIER_MIN) continue;
    const avgFieldLength = avg[key % fieldCount] as number;
    if (weights.length < to - from) weights = new Float64Array(to - from);
    let max = 0;
    for (let i = from; i < to; i++) {
      const weight = frequencyWeight(freqs[i] as number, postingLengths[i] as number, avgFieldLength);
      weights[i - from] = weight;
      if (weight > max) max = weight;
    }
    buckets.fill(0);
    const bucketOf = (weight: number) => Math.min(BUCKETS - 1, Math.floor((weight / max) * BUCKETS));
    for (let i = 0; i < to - from; i++) buckets[bucketOf(weights[i] as number)] = (buckets[bucketOf(weights[i] as number)] as number) + 1;
    // The lowest bucket to take whole, and how many of the next one down may join (ties: early documents first).
    let threshold = BUCKETS;
    let taken = 0;
    while (threshold > 0 && taken + (buckets[threshold - 1] as number) <= TIER_SIZE) taken += buckets[--threshold] as number;
    let partial = threshold > 0 ? Math.min(buckets[threshold - 1] as number, 2 * TIER_SIZE - taken) : 0;
    for (let i = from; i < to; i++) {
      const bucket = bucketOf(weights[i - from] as number);
      if (bucket >= threshold) picked.push(i);
      else if (bucket === threshold - 1 && partial > 0) {
        picked.push(i);
        partial -= 1;
      }
    }
  }
  tierStart[keyCount] = picked.length;
  return { tierStart, tierPostings: picked.toArray() };
}

/** Checks that a deserialized value has the shape of CompactIndexData. */
export function isCompactIndexData(value: unknown): value is CompactIndexData {
  const data = value as CompactIndexData;
  return (
    !!data &&
    data.version === 1 &&
    Array.isArray(data.fields) &&
    Array.isArray(data.terms) &&
    data.start instanceof Uint32Array &&
    data.docs instanceof Uint32Array &&
    data.freqs instanceof Uint16Array &&
    data.postingLengths instanceof Uint16Array &&
    data.postingLengths.length === data.docs.length &&
    data.tierStart instanceof Uint32Array &&
    data.tierPostings instanceof Uint32Array &&
    data.tierStart.length === data.start.length &&
    data.fieldLength instanceof Uint16Array &&
    data.start.length === data.terms.length * data.fields.length + 1 &&
    data.docs.length === data.freqs.length &&
    data.fieldLength.length === data.documentCount * data.fields.length
  );
}

/** Scoring over CompactIndexData; reuses its scratch arrays between queries (not re-entrant). */
export class CompactIndex {
  private readonly termIds = new Map<string, number>();
  /**
   * Per-document scratch state, one 64-byte record per document (term stamp, term score, query stamp, total,
   * matched count, term masks): one cache line touched per posting instead of seven. Stamps (query, and term
   * within query) mean the scratch arrays need no clearing between queries. The scratch arrays (80 MB at a
   * million passages) are made on the first query, so a cold build saving its snapshot never holds them.
   */
  private state!: Float64Array;
  private orderList!: Uint32Array;
  private touchedList!: Uint32Array;
  /** Scores handed out by `score` (views of it: valid until the next call), so no query allocates its own. */
  private scoreList!: Float64Array;
  private stamp = 0;

  constructor(readonly data: CompactIndexData) {
    data.terms.forEach((term, id) => this.termIds.set(term, id));
  }

  private ensureScratch(): void {
    if (this.state) return;
    const n = this.data.documentCount;
    this.state = new Float64Array(n * RECORD);
    this.orderList = new Uint32Array(n);
    this.touchedList = new Uint32Array(n);
    this.scoreList = new Float64Array(n);
  }

  get documentCount(): number {
    return this.data.documentCount;
  }

  hasTerm(term: string): boolean {
    return this.termIds.has(term);
  }

  private nextStamp(): number {
    if (this.stamp >= 0xfffffff0) {
      this.state.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /**
   * Scores documents for an OR of exact terms, as MiniSearch's `search({ combineWith: 'OR', queries })`
   * with `boost` (field boosts) and `boostTerm` would. Returns the matching documents in the order
   * MiniSearch lists them before its (stable) sort by score, with their final scores, and a function
   * giving the query terms a document matched.
   *
   * `postingBudget`: when the query's terms have more postings than this in all (common words over a
   * large archive), candidates come from the rarer terms' postings (up to the budget) and the other terms'
   * tiers (their strongest postings); `selectRanges` picks document ranges (the best sections) from those
   * candidates' scores, and every term is then scored inside those ranges only, by seeking in its postings.
   * Inside the ranges the result is exactly MiniSearch's; outside them nothing is returned. Under the budget
   * (always, for a content folder of a few hundred articles) the whole result is exactly MiniSearch's.
   */
  score(
    queries: readonly CompactQueryTerm[],
    boosts: Readonly<Record<string, number>>,
    postingBudget = Infinity,
    /** Given the documents the rarer terms brought in and their scores so far, the document ranges to finish scoring. */
    selectRanges?: (docs: Uint32Array, scores: Float64Array) => Array<[number, number]>,
  ): CompactScores {
    this.ensureScratch();
    const { data } = this;
    const fieldCount = data.fields.length;
    const orderList = this.orderList;
    let orderLength = 0;
    const used: Array<{ term: string; termId: number; bit: number; boost: number; postings: number }> = [];
    // MiniSearch walks the fields in its own option order, each with the search's boost or 1.
    const fieldOrder = data.fields.map((field, id) => ({ id, boost: boosts[field] || 1 }));
    for (const { term, boost } of queries) {
      const termId = term ? this.termIds.get(term) : undefined;
      if (termId === undefined) continue;
      const postings = (data.start[(termId + 1) * fieldCount] as number) - (data.start[termId * fieldCount] as number);
      used.push({ term, termId, bit: used.length, boost, postings });
    }
    const total = used.reduce((sum, entry) => sum + entry.postings, 0);
    let query: number;
    if (total <= postingBudget || !selectRanges) {
      // Every posting of every term: exactly MiniSearch's result.
      query = this.nextStamp();
      for (const entry of used) orderLength = this.scoreTerm(entry, query, fieldOrder, 'all', orderLength);
    } else {
      // Candidates: the rarest terms up to the budget in full, the others by their tiers (strongest postings).
      const open = new Set<(typeof used)[number]>();
      let spent = 0;
      for (const entry of [...used].sort((a, b) => a.postings - b.postings)) {
        if (spent + entry.postings > postingBudget) break;
        open.add(entry);
        spent += entry.postings;
      }
      // The rarer terms' candidates choose sections on their own first (so the commoner terms' strongest
      // postings cannot crowd them out), then with the tiers added; both sets of sections are kept.
      const selection = this.nextStamp();
      for (const entry of used) if (open.has(entry)) orderLength = this.scoreTerm(entry, selection, fieldOrder, 'all', orderLength);
      const openRanges = orderLength > 0 ? this.selectFrom(selectRanges, orderLength) : [];
      for (const entry of used) if (!open.has(entry)) orderLength = this.scoreTerm(entry, selection, fieldOrder, 'tier', orderLength);
      const ranges = unionRanges(openRanges, this.selectFrom(selectRanges, orderLength));
      // Then every term, exactly, inside the chosen ranges only (the rarer terms first, as they came in).
      query = this.nextStamp();
      orderLength = 0;
      for (const entry of [...used.filter((entry) => open.has(entry)), ...used.filter((entry) => !open.has(entry))]) {
        orderLength = this.scoreTerm(entry, query, fieldOrder, ranges, orderLength);
      }
    }
    const state = this.state;
    const docs = orderList.subarray(0, orderLength);
    const scores = this.scoreList.subarray(0, docs.length);
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      // MiniSearch multiplies by the number of query terms matched ("quality").
      scores[i] = (state[doc * RECORD + TOTAL] as number) * (state[doc * RECORD + MATCHED] as number);
    }
    const termsOf = (doc: number): string[] =>
      used
        .filter(({ termId, bit }) => {
          if (bit < 32) return (((state[doc * RECORD + MASK_LOW] as number) >>> bit) & 1) === 1;
          if (bit < 64) return (((state[doc * RECORD + MASK_HIGH] as number) >>> (bit - 32)) & 1) === 1;
          return this.hasPosting(termId, doc);
        })
        .map(({ term }) => term);
    // Up to 53 terms the two masks fit one exact number; past that (rare) a string, with the postings checked.
    const termKeyOf = (doc: number): number | string => {
      const low = state[doc * RECORD + MASK_LOW] as number;
      const high = state[doc * RECORD + MASK_HIGH] as number;
      return used.length <= 53 ? low + high * 0x1_0000_0000 : termsOf(doc).join(' ');
    };
    return { docs, scores, termsOf, termKeyOf };
  }

  /** Calls selectRanges on the first `length` documents of the order list and their scores so far. */
  private selectFrom(selectRanges: (docs: Uint32Array, scores: Float64Array) => Array<[number, number]>, length: number): Array<[number, number]> {
    // Views of the scratch lists, not copies: a query allocates nothing in proportion to its matches.
    const docs = this.orderList.subarray(0, length);
    const scores = this.scoreList.subarray(0, length);
    for (let i = 0; i < length; i++) {
      const record = (docs[i] as number) * RECORD;
      scores[i] = (this.state[record + TOTAL] as number) * (this.state[record + MATCHED] as number);
    }
    return selectRanges(docs, scores);
  }

  /**
   * Scores one term in every field — all its postings, its tiers' postings only, or its postings inside
   * document ranges — and adds it to the totals of query `query`; returns the new length of the order list.
   */
  private scoreTerm(
    entry: { termId: number; bit: number; boost: number },
    query: number,
    fieldOrder: ReadonlyArray<{ id: number; boost: number }>,
    which: 'all' | 'tier' | ReadonlyArray<readonly [number, number]>,
    orderLength: number,
  ): number {
    const { data, state, touchedList } = this;
    const fieldCount = data.fields.length;
    const postingDocs = data.docs;
    const pass = this.nextStamp();
    let touched = 0;
    for (const { id: field, boost: fieldBoost } of fieldOrder) {
      const key = entry.termId * fieldCount + field;
      const from = data.start[key] as number;
      const to = data.start[key + 1] as number;
      if (to === from) continue;
      const matchingCount = to - from;
      const avgFieldLength = data.avgFieldLength[field] as number;
      const invDocFreq = Math.log(1 + (data.documentCount - matchingCount + 0.5) / (matchingCount + 0.5));
      const weight = entry.boost * fieldBoost;
      const tierFrom = data.tierStart[key] as number;
      const tierTo = data.tierStart[key + 1] as number;
      if (which === 'all' || (which === 'tier' && tierTo === tierFrom)) {
        touched = scorePostings(postingDocs, data.freqs, data.postingLengths, from, to, invDocFreq, avgFieldLength, weight, state, pass, touchedList, touched);
      } else if (which === 'tier') {
        touched = scorePostings(postingDocs, data.freqs, data.postingLengths, tierFrom, tierTo, invDocFreq, avgFieldLength, weight, state, pass, touchedList, touched, data.tierPostings);
      } else if (to - from <= which.length * LINEAR_SCAN_FACTOR) {
        // Fewer postings than seeks would cost: walk them beside the (sorted) ranges.
        let range = 0;
        let i = from;
        while (i < to && range < which.length) {
          const [rangeFrom, rangeTo] = which[range] as readonly [number, number];
          const doc = postingDocs[i] as number;
          if (doc >= rangeTo) range += 1;
          else if (doc < rangeFrom) i += 1;
          else {
            let end = i + 1;
            while (end < to && (postingDocs[end] as number) < rangeTo) end += 1;
            touched = scorePostings(postingDocs, data.freqs, data.postingLengths, i, end, invDocFreq, avgFieldLength, weight, state, pass, touchedList, touched);
            i = end;
          }
        }
      } else {
        // Ranges come sorted: each seek starts where the last one ended.
        let at = from;
        for (const [rangeFrom, rangeTo] of which) {
          at = lowerBound(postingDocs, at, to, rangeFrom);
          const end = lowerBound(postingDocs, at, to, rangeTo);
          if (end > at) touched = scorePostings(postingDocs, data.freqs, data.postingLengths, at, end, invDocFreq, avgFieldLength, weight, state, pass, touchedList, touched);
          at = end;
        }
      }
    }
    return mergeTerm(touchedList, touched, state, query, entry.bit, this.orderList, orderLength);
  }

  /** True when the document has the term in some field (postings are sorted by document). */
  private hasPosting(termId: number, doc: number): boolean {
    const fieldCount = this.data.fields.length;
    for (let field = 0; field < fieldCount; field++) {
      let lo = this.data.start[termId * fieldCount + field] as number;
      let hi = (this.data.start[termId * fieldCount + field + 1] as number) - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const value = this.data.docs[mid] as number;
        if (value === doc) return true;
        if (value < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return false;
  }
}

export interface CompactScores {
  /** Matching documents, first seen first (a view of scratch space: valid until the next `score` call). */
  docs: Uint32Array;
  /** Final score of `docs[i]` (likewise valid until the next `score` call). */
  scores: Float64Array;
  /** The query terms a document matched (valid until the next `score` call). */
  termsOf: (doc: number) => string[];
  /**
   * A key naming which query terms a document matched: documents with the same key matched the same terms,
   * and termsOf gives them (valid until the next `score` call). Cheaper than termsOf per document.
   */
  termKeyOf: (doc: number) => number | string;
}

/** Two sorted lists of disjoint document ranges as one sorted list, each range once. */
function unionRanges(a: Array<[number, number]>, b: Array<[number, number]>): Array<[number, number]> {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return all.filter((range, i) => i === 0 || range[0] !== (all[i - 1] as [number, number])[0] || range[1] !== (all[i - 1] as [number, number])[1]);
}

/**
 * First position in docs[from, to) holding a document >= doc (postings are sorted by document). Gallops from
 * `from` first: successive seeks over sorted ranges land close to where the last one ended.
 */
function lowerBound(docs: Uint32Array, from: number, to: number, doc: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < to && (docs[hi] as number) < doc) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/** Below this many postings per range, scoring inside ranges walks the postings instead of seeking. */
const LINEAR_SCAN_FACTOR = 8;

/** Layout of a document's scratch record in CompactIndex.state. */
const RECORD = 8;
const TERM_STAMP = 0;
const TERM_SCORE = 1;
const QUERY_STAMP = 2;
const TOTAL = 3;
const MATCHED = 4;
const MASK_LOW = 5;
const MASK_HIGH = 6;

/**
 * The hot loop of `score`, on its own so the JIT keeps one stable optimized version of it (inside the
 * large, branchy score method it was deoptimized query after query): BM25+ of one term in one field
 * over postings [from, to), accumulated per document; returns the new length of the touched list.
 */
function scorePostings(
  postingDocs: Uint32Array,
  postingFreqs: Uint16Array,
  postingLengths: Uint16Array,
  from: number,
  to: number,
  invDocFreq: number,
  avgFieldLength: number,
  weight: number,
  state: Float64Array,
  pass: number,
  touchedList: Uint32Array,
  touchedLength: number,
  /** When given, [from, to) indexes these posting positions (a tier) instead of the postings themselves. */
  positions?: Uint32Array,
): number {
  const { k, b, d } = BM25;
  let length = touchedLength;
  for (let j = from; j < to; j++) {
    const i = positions ? (positions[j] as number) : j;
    const doc = postingDocs[i] as number;
    const record = doc * RECORD;
    const termFreq = postingFreqs[i] as number;
    const fieldLength = postingLengths[i] as number;
    // The same expression, in the same order, as MiniSearch's calcBM25Score and termResults.
    const raw = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
    const weighted = weight * raw;
    if (state[record + TERM_STAMP] !== pass) {
      state[record + TERM_STAMP] = pass;
      state[record + TERM_SCORE] = weighted;
      touchedList[length++] = doc;
    } else {
      state[record + TERM_SCORE] = (state[record + TERM_SCORE] as number) + weighted;
    }
  }
  return length;
}

/** Adds one term's per-document scores to the query's totals, counts and term masks; returns the new order length. */
function mergeTerm(touchedList: Uint32Array, touchedLength: number, state: Float64Array, query: number, bit: number, orderList: Uint32Array, orderLength: number): number {
  let length = orderLength;
  for (let i = 0; i < touchedLength; i++) {
    const doc = touchedList[i] as number;
    const record = doc * RECORD;
    if (state[record + QUERY_STAMP] !== query) {
      state[record + QUERY_STAMP] = query;
      state[record + TOTAL] = state[record + TERM_SCORE] as number;
      state[record + MATCHED] = 1;
      state[record + MASK_LOW] = 0;
      state[record + MASK_HIGH] = 0;
      orderList[length++] = doc;
    } else {
      state[record + TOTAL] = (state[record + TOTAL] as number) + (state[record + TERM_SCORE] as number);
      state[record + MATCHED] = (state[record + MATCHED] as number) + 1;
    }
    if (bit < 32) state[record + MASK_LOW] = ((state[record + MASK_LOW] as number) | (1 << bit)) >>> 0;
    else if (bit < 64) state[record + MASK_HIGH] = ((state[record + MASK_HIGH] as number) | (1 << (bit - 32))) >>> 0;
  }
  return length;
}
