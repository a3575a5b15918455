/**
 * The passages of all documents, built section by section on first use: only the sections a query
 * touches are made — at archive scale that saves a million objects and seconds of start-up — replaying
 * the recorded sentence splits, so every passage is the same as at build time. (A cold build indexes
 * every passage as it is made and keeps none; see indexPassages.)
 */
import type { ParsedDocument } from '../content/document-model.js';
import { buildSectionPassages, type Passage } from './passages.js';
import { replaySplitsFrom, type SentenceSplits } from './sentence-splits.js';

export class PassageStore {
  /** Per section, in document order (a section's "ordinal"): its document and index. */
  private readonly docOf: Uint32Array;
  private readonly sectionIndexOf: Uint32Array;
  /** First ordinal of each document. */
  private readonly firstOrdinal: Uint32Array;
  /** First passage of each ordinal, and one past the last (length ordinals + 1). */
  readonly sectionStart: Uint32Array;
  /** Ordinal of each passage. */
  readonly sectionOf: Uint32Array;
  /** Split call and sentence number each ordinal starts at (for replaying its sentence splits). */
  private readonly callStart: Uint32Array;
  private readonly sentenceStart: Uint32Array;
  private readonly built: Array<Passage[] | undefined>;
  private readonly literals: Map<number, string>;

  constructor(
    private readonly documents: ParsedDocument[],
    private readonly splits: SentenceSplits,
  ) {
    const ordinals = documents.reduce((n, document) => n + document.sections.length, 0);
    this.docOf = new Uint32Array(ordinals);
    this.sectionIndexOf = new Uint32Array(ordinals);
    this.firstOrdinal = new Uint32Array(documents.length + 1);
    this.sectionStart = new Uint32Array(ordinals + 1);
    this.callStart = new Uint32Array(ordinals + 1);
    this.sentenceStart = new Uint32Array(ordinals + 1);
    let ordinal = 0;
    let passages = 0;
    let call = 0;
    let sentence = 0;
    documents.forEach((document, d) => {
      this.firstOrdinal[d] = ordinal;
      document.sections.forEach((section, s) => {
        this.docOf[ordinal] = d;
        this.sectionIndexOf[ordinal] = s;
        this.sectionStart[ordinal] = passages;
        this.callStart[ordinal] = call;
        this.sentenceStart[ordinal] = sentence;
        for (const block of section.blocks) {
          if (block.type === 'paragraph') {
            const count = splits.counts[call++] ?? 0;
            sentence += count;
            passages += count;
          } else if (block.type === 'list') passages += block.items.length;
          else passages += block.rows.length;
        }
        ordinal += 1;
      });
    });
    this.firstOrdinal[documents.length] = ordinal;
    this.sectionStart[ordinal] = passages;
    this.callStart[ordinal] = call;
    this.sentenceStart[ordinal] = sentence;
    if (call !== splits.counts.length) throw new Error('passage store: the sentence splits do not match the documents');
    this.sectionOf = new Uint32Array(passages);
    for (let o = 0; o < ordinals; o++) this.sectionOf.fill(o, this.sectionStart[o] as number, this.sectionStart[o + 1] as number);
    this.built = new Array(ordinals);
    this.literals = new Map(splits.literals);
  }

  get length(): number {
    return this.sectionOf.length;
  }

  /** The ordinal of a document's section, or -1. */
  ordinalOf(docIndex: number, sectionIndex: number): number {
    const first = this.firstOrdinal[docIndex];
    const next = this.firstOrdinal[docIndex + 1];
    if (first === undefined || next === undefined || sectionIndex < 0 || first + sectionIndex >= next) return -1;
    return first + sectionIndex;
  }

  /** The passages of the section with this ordinal, in order (built on first use). */
  ofOrdinal(ordinal: number): Passage[] {
    let passages = this.built[ordinal];
    if (!passages) {
      const d = this.docOf[ordinal] as number;
      const s = this.sectionIndexOf[ordinal] as number;
      const section = this.documents[d]?.sections[s];
      if (!section) return [];
      const split = replaySplitsFrom(this.splits, this.literals, this.callStart[ordinal] as number, this.sentenceStart[ordinal] as number);
      passages = buildSectionPassages(section, d, s, split);
      this.built[ordinal] = passages;
    }
    return passages;
  }

  ofSection(docIndex: number, sectionIndex: number): Passage[] {
    const ordinal = this.ordinalOf(docIndex, sectionIndex);
    return ordinal < 0 ? [] : this.ofOrdinal(ordinal);
  }

  /** Passage number `i` (in reading order over all documents). */
  at(i: number): Passage {
    const ordinal = this.sectionOf[i] as number;
    return this.ofOrdinal(ordinal)[i - (this.sectionStart[ordinal] as number)] as Passage;
  }

  /** Every passage, in order (builds them all). */
  *all(): IterableIterator<Passage> {
    for (let o = 0; o < this.built.length; o++) yield* this.ofOrdinal(o);
  }
}
