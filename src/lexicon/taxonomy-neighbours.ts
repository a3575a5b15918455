import type { WordNet } from './wordnet.js';
import { baseForms } from './expand-word.js';

/**
 * The nouns near a noun in WordNet's taxonomy, within a bounded path: what it is a kind of (hypernyms `@`,
 * up to `maxUp` steps: employee → worker, militia → body → social group), its own kinds (hyponyms `~`:
 * lake → reservoir), its siblings (a hypernym's hyponyms: gauge → measuring instrument → meter), and the
 * wholes it or its kind is a member or part of (`#m`, `#p`: civilian → citizen → citizenry, people). Only the
 * word's commonest noun senses are followed. Pointer symbols: https://wordnet.princeton.edu/documentation/wninput5wn
 *
 * Each neighbour comes with the number of steps it took; the caller decides how far is close enough.
 */
export interface TaxonomyNeighbour {
  lemma: string;
  steps: number;
}

export const TAXONOMY_OPTIONS = {
  /** Noun senses followed (WordNet lists the commonest first). */
  senses: 2,
  /** Its own kinds and its kind's other kinds (siblings) are neighbours too. */
  kindsAndSiblings: true,
  /** Hypernym steps up from the word. */
  maxUp: 2,
  /**
   * A kind with more kinds of its own than this is too general to stand for the word (person, group,
   * instrument have hundreds; worker, measuring instrument fewer): neither it nor its other kinds are
   * neighbours. A measure of how specific a bridge is; 25 bridged none of the hand-made probes.
   */
  maxKinds: 150,
};

const kindCount = (wordNet: WordNet, offset: number) => wordNet.synset('n', offset)?.pointers.filter((pointer) => pointer.symbol === '~').length ?? 0;

export function taxonomyNeighbours(wordNet: WordNet, word: string): TaxonomyNeighbour[] {
  const out = new Map<string, number>();
  const add = (lemmas: string[], steps: number) => {
    for (const lemma of lemmas) if (lemma !== word && (out.get(lemma) ?? Infinity) > steps) out.set(lemma, steps);
  };
  const wholes = (offset: number, steps: number) => {
    for (const pointer of wordNet.synset('n', offset)?.pointers ?? []) {
      if (pointer.symbol === '#m' || pointer.symbol === '#p') add(wordNet.synset(pointer.pos, pointer.offset)?.words ?? [], steps + 1);
    }
  };
  const kinds = (offset: number, steps: number) => {
    for (const pointer of wordNet.synset('n', offset)?.pointers ?? []) if (pointer.symbol === '~') add(wordNet.synset(pointer.pos, pointer.offset)?.words ?? [], steps + 1);
  };
  for (const form of baseForms(word)) {
    for (const entry of wordNet.lookup(form)) {
      if (entry.pos !== 'n') continue;
      for (const offset of entry.offsets.slice(0, TAXONOMY_OPTIONS.senses)) {
        const synset = wordNet.synset('n', offset);
        if (!synset) continue;
        add(synset.words, 0);
        if (TAXONOMY_OPTIONS.kindsAndSiblings && kindCount(wordNet, offset) <= TAXONOMY_OPTIONS.maxKinds) kinds(offset, 0);
        wholes(offset, 0);
        let level = [offset];
        for (let up = 1; up <= TAXONOMY_OPTIONS.maxUp; up++) {
          const next: number[] = [];
          for (const at of level) {
            for (const pointer of wordNet.synset('n', at)?.pointers ?? []) {
              if (pointer.symbol !== '@' || pointer.pos !== 'n') continue;
              if (kindCount(wordNet, pointer.offset) > TAXONOMY_OPTIONS.maxKinds) continue;
              add(wordNet.synset('n', pointer.offset)?.words ?? [], up);
              if (up === 1) {
                if (TAXONOMY_OPTIONS.kindsAndSiblings) kinds(pointer.offset, up);
                wholes(pointer.offset, up);
              }
              next.push(pointer.offset);
            }
          }
          level = next;
        }
      }
    }
  }
  return [...out.entries()].map(([lemma, steps]) => ({ lemma, steps })).sort((a, b) => a.steps - b.steps || a.lemma.localeCompare(b.lemma));
}
