/**
 * Sentence splits recorded while passages are built, so a restored engine cuts the same sentences
 * without running the Unicode segmenter again (at archive scale the segmenter is most of passage
 * building). Each sentence is kept as offsets into its paragraph when it is a substring of it (almost
 * always), else as its text.
 */
export interface SentenceSplits {
  version: 1;
  /** Sentences per split call, in call order. */
  counts: Uint32Array;
  /** [start, end) of each sentence in its paragraph; start = end = 0 for one kept as text. */
  bounds: Uint32Array;
  /** Sentence number → text, for sentences that are not substrings of their paragraph. */
  literals: Array<[number, string]>;
}

export function isSentenceSplits(value: unknown): value is SentenceSplits {
  const splits = value as SentenceSplits;
  return !!splits && splits.version === 1 && splits.counts instanceof Uint32Array && splits.bounds instanceof Uint32Array && Array.isArray(splits.literals);
}

/** Wraps a splitter so its results are recorded; `data()` returns them. */
export function recordSplits(split: (text: string) => string[]): { split: (text: string) => string[]; data: () => SentenceSplits } {
  const counts: number[] = [];
  const bounds: number[] = [];
  const literals: Array<[number, string]> = [];
  let sentence = 0;
  return {
    split: (text) => {
      const sentences = split(text);
      counts.push(sentences.length);
      let cursor = 0;
      for (const piece of sentences) {
        const at = text.indexOf(piece, cursor);
        if (at >= 0 && piece.length > 0) {
          bounds.push(at, at + piece.length);
          cursor = at + piece.length;
        } else {
          bounds.push(0, 0);
          literals.push([sentence, piece]);
        }
        sentence += 1;
      }
      return sentences;
    },
    data: () => ({ version: 1, counts: Uint32Array.from(counts), bounds: Uint32Array.from(bounds), literals }),
  };
}

/**
 * A splitter that replays recorded splits, call by call. Throws if called more often than recorded
 * or on a text whose recorded bounds do not fit (the snapshot does not match the documents).
 */
export function replaySplits(splits: SentenceSplits): (text: string) => string[] {
  const literals = new Map(splits.literals);
  let call = 0;
  let sentence = 0;
  return (text) => {
    if (call >= splits.counts.length) throw new Error('sentence splits: more paragraphs than recorded');
    const count = splits.counts[call++] as number;
    const out: string[] = [];
    for (let i = 0; i < count; i++, sentence++) {
      const start = splits.bounds[sentence * 2] as number;
      const end = splits.bounds[sentence * 2 + 1] as number;
      const literal = literals.get(sentence);
      if (literal !== undefined) out.push(literal);
      else if (end <= text.length) out.push(text.slice(start, end));
      else throw new Error('sentence splits: recorded bounds do not fit the paragraph');
    }
    return out;
  };
}

/**
 * Replays the splits from split call `call` (whose first sentence is number `sentence`) on: for
 * building one section's passages on its own.
 */
export function replaySplitsFrom(splits: SentenceSplits, literals: Map<number, string>, call: number, sentence: number): (text: string) => string[] {
  let nextCall = call;
  let nextSentence = sentence;
  return (text) => {
    if (nextCall >= splits.counts.length) throw new Error('sentence splits: more paragraphs than recorded');
    const count = splits.counts[nextCall++] as number;
    const out: string[] = [];
    for (let i = 0; i < count; i++, nextSentence++) {
      const literal = literals.get(nextSentence);
      if (literal !== undefined) out.push(literal);
      else out.push(text.slice(splits.bounds[nextSentence * 2] as number, splits.bounds[nextSentence * 2 + 1] as number));
    }
    return out;
  };
}
