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
}

export interface CompactQueryTerm {
  term: string;
  /** MiniSearch's `boostTerm` for this term. */
  boost: number;
}

export interface CompactResult {
  doc: number;
  score: number;
  /** The query terms the document matched, in query order. */
  terms: string[];
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
    };
  }
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
   * Per-document scratch state, one 64-byte record per document (term stamp, term score, query
   * stamp, total, matched count, term masks): one cache line touched per posting instead of seven.
   */
  private readonly state: Float64Array;
  /** Which of the query's first 64 terms each document matched. */

  /** Stamps (query, and term within query) so scratch arrays need no clearing between queries. */

  private readonly orderList: Uint32Array;
  private readonly touchedList: Uint32Array;
  /** Scores handed out by `score` (views of it: valid until the next call), so no query allocates its own. */
  private readonly scoreList: Float64Array;
  private stamp = 0;

  constructor(readonly data: CompactIndexData) {
    data.terms.forEach((term, id) => this.termIds.set(term, id));
    const n = data.documentCount;
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
   * large archive), only the rarer terms, up to the budget, score the whole index; `selectRanges` then
   * picks document ranges (the best sections) from those scores, and the commoner terms are scored
   * inside those ranges only, by seeking in their postings. Inside the ranges the result is exactly
   * MiniSearch's; outside them nothing is returned. Under the budget (always, for a content folder
   * of a few hundred articles) the whole result is exactly MiniSearch's.
   */
  score(
    queries: readonly CompactQueryTerm[],
    boosts: Readonly<Record<string, number>>,
    postingBudget = Infinity,
    /** Given the documents the rarer terms brought in and their scores so far, the document ranges to finish scoring. */
    selectRanges?: (docs: Uint32Array, scores: Float64Array) => Array<[number, number]>,
  ): CompactScores {
    const { data } = this;
    const fieldCount = data.fields.length;
    const query = this.nextStamp();
    // Scratch lists as large as the index, reused across queries: no growth checks in the hot loops.
    const orderList = this.orderList;
    const touchedList = this.touchedList;
    let orderLength = 0;
    let touchedLength = 0;
    const used: Array<{ term: string; termId: number; bit: number; boost: number; postings: number }> = [];
    // MiniSearch walks the fields in its own option order, each with the search's boost or 1.
    const fieldOrder = data.fields.map((field, id) => ({ id, boost: boosts[field] || 1 }));
    for (const { term, boost } of queries) {
      const termId = term ? this.termIds.get(term) : undefined;
      if (termId === undefined) continue;
      const postings = (data.start[(termId + 1) * fieldCount] as number) - (data.start[termId * fieldCount] as number);
      used.push({ term, termId, bit: used.length, boost, postings });
    }
    // Which terms may bring documents in: all of them, or the rarest ones up to the budget (at least one).
    const bringsIn = new Set(used);
    const total = used.reduce((sum, entry) => sum + entry.postings, 0);
    if (total > postingBudget) {
      bringsIn.clear();
      let spent = 0;
      for (const entry of [...used].sort((a, b) => a.postings - b.postings)) {
        if (bringsIn.size > 0 && spent + entry.postings > postingBudget) break;
        bringsIn.add(entry);
        spent += entry.postings;
      }
    }
    const closed = used.filter((entry) => !bringsIn.has(entry));
    let ranges: Array<[number, number]> | undefined;
    const passes = [...used.filter((entry) => bringsIn.has(entry)), ...closed];
    // Typed arrays in locals: the inner loop runs over hundreds of thousands of postings per query.
    const postingDocs = data.docs;
    const postingFreqs = data.freqs;
    const postingLengths = data.postingLengths;
    const state = this.state;
    const { k, b, d } = BM25;
    for (const entry of passes) {
      const { termId, bit, boost: termBoost } = entry;
      const isOpen = bringsIn.has(entry);
      if (closed.length > 0 && entry === closed[0] && selectRanges) {
        // Views of the scratch lists, not copies: a query allocates nothing in proportion to its matches (at
        // archive scale, megabytes of array buffers a query, which brought on full garbage collections).
        const sofar = orderList.subarray(0, orderLength);
        const sofarScores = this.scoreList.subarray(0, orderLength);
        for (let i = 0; i < sofar.length; i++) {
          const record = (sofar[i] as number) * RECORD;
          sofarScores[i] = (state[record + TOTAL] as number) * (state[record + MATCHED] as number);
        }
        ranges = selectRanges(sofar, sofarScores);
      }
      // Closed terms without ranges only score the documents already in.
      const onlyKnown = !isOpen && !ranges;
      const pass = this.nextStamp();
      touchedLength = 0;
      for (const { id: field, boost: fieldBoost } of fieldOrder) {
        const key = termId * fieldCount + field;
        const from = data.start[key] as number;
        const to = data.start[key + 1] as number;
        if (to === from) continue;
        const matchingCount = to - from;
        const avgFieldLength = data.avgFieldLength[field] as number;
        const invDocFreq = Math.log(1 + (data.documentCount - matchingCount + 0.5) / (matchingCount + 0.5));
        const weight = termBoost * fieldBoost;
        // Open terms walk all their postings; closed ones with ranges only the postings inside them.
        const spans: Array<[number, number]> = ranges && !isOpen ? ranges.map(([a, z]) => [lowerBound(postingDocs, from, to, a), lowerBound(postingDocs, from, to, z)]) : [[from, to]];
        for (const [spanFrom, spanTo] of spans) {
          touchedLength = scorePostings(postingDocs, postingFreqs, postingLengths, spanFrom, spanTo, invDocFreq, avgFieldLength, weight, onlyKnown, state, query, pass, touchedList, touchedLength);
        }
      }
      orderLength = mergeTerm(touchedList, touchedLength, state, query, bit, orderList, orderLength);
    }
    let docs = orderList.subarray(0, orderLength);
    if (ranges) {
      let kept = 0;
      for (let i = 0; i < docs.length; i++) if (inRange(ranges, docs[i] as number)) docs[kept++] = docs[i] as number;
      docs = docs.subarray(0, kept);
    }
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

/** First position in docs[from, to) holding a document >= doc (postings are sorted by document). */
function lowerBound(docs: Uint32Array, from: number, to: number, doc: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when doc falls in one of the sorted, disjoint [a, b) ranges. */
function inRange(ranges: Array<[number, number]>, doc: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const [a, b] = ranges[mid] as [number, number];
    if (doc < a) hi = mid - 1;
    else if (doc >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

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
  onlyKnown: boolean,
  state: Float64Array,
  query: number,
  pass: number,
  touchedList: Uint32Array,
  touchedLength: number,
): number {
  const { k, b, d } = BM25;
  let length = touchedLength;
  for (let i = from; i < to; i++) {
    const doc = postingDocs[i] as number;
    const record = doc * RECORD;
    if (onlyKnown && state[record + QUERY_STAMP] !== query) continue;
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
