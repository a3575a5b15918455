/**
 * Words within a few edits of a query word, over a fixed word list: the same answers as MiniSearch's
 * SearchableMap.fuzzyGet (Levenshtein distance), found through shared letter pairs instead of walking
 * the whole radix tree. At archive scale (tens of thousands of words) a two-edit look-up through the
 * tree took tens of milliseconds per query word.
 *
 * Why the filter is safe: one edit changes at most two of a word's letter pairs, so a word within k
 * edits still has all but 2k of the query's distinct pairs. When that bound is zero or less (short
 * words), the caller falls back to the tree.
 */
export class FuzzyWords {
  private readonly pairs = new Map<string, number[]>();
  private readonly counts: Uint16Array;

  constructor(private readonly words: readonly string[]) {
    words.forEach((word, id) => {
      for (const pair of distinctPairs(word)) {
        const list = this.pairs.get(pair);
        if (list) list.push(id);
        else this.pairs.set(pair, [id]);
      }
    });
    this.counts = new Uint16Array(words.length);
  }

  /**
   * Words within `distance` edits of `word`, with their distance; undefined when the letter-pair bound
   * cannot prune (the caller then asks the tree).
   */
  find(word: string, distance: number): Array<[string, number]> | undefined {
    const pairs = distinctPairs(word);
    const needed = pairs.size - 2 * distance;
    if (needed <= 0) return undefined;
    const touched: number[] = [];
    for (const pair of pairs) {
      for (const id of this.pairs.get(pair) ?? []) {
        if (this.counts[id] === 0) touched.push(id);
        this.counts[id] = (this.counts[id] as number) + 1;
      }
    }
    const hits: Array<[string, number]> = [];
    for (const id of touched) {
      if ((this.counts[id] as number) >= needed) {
        const candidate = this.words[id] as string;
        if (Math.abs(candidate.length - word.length) <= distance) {
          const d = boundedLevenshtein(word, candidate, distance);
          if (d <= distance) hits.push([candidate, d]);
        }
      }
      this.counts[id] = 0;
    }
    return hits;
  }
}

function distinctPairs(word: string): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < word.length; i++) pairs.add(word.slice(i - 1, i + 1));
  return pairs;
}

/** Levenshtein distance (insertions, deletions, substitutions), or max + 1 as soon as it must exceed max. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}
