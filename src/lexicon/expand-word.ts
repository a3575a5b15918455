import { isCountryPhrase } from './country-names.js';
import type { WordNet } from './wordnet.js';

/**
 * WordNet relations used to bridge a question's words to an article's: synonyms (same synset),
 * derivations (`+`: negotiate ↔ negotiation), pertainyms (`\`: Iranian → Iran), part and member
 * holonyms (`#p`, `#m`: Tehran → Iran) and, weaker, hypernyms (`@`). Pointer symbols:
 * https://wordnet.princeton.edu/documentation/wninput5wn
 */
const STRONG_POINTERS = new Set(['+', '\\', '&', '^', '=']);
/** Part holonyms are followed only from a city to what it is part of (Tehran → Iran, not Syria → Middle East). */
const CITY_HYPERNYMS = new Set(['city', 'national_capital', 'capital', 'state_capital', 'port', 'town', 'metropolis']);
// Hypernyms (`@`, `@i`) were measured to hurt: every country reached "nation", every official "person".
const WEAK_POINTERS = new Set<string>([]);
/** Relation choices, switchable to measure them (eval/ablate.ts). */
export const EXPAND_OPTIONS = {
  /**
   * A capital's country is as far as it goes (Tehran → Iran, not on to the Middle East Iran is part of); only a
   * whole that is no country is climbed once more (Washington → D.C. → United States).
   */
  capitalStopsAtCountry: true,
};
/** WordNet lists senses most frequent first; rarer senses mostly add noise. */
const SENSES_PER_POS = 4;

export interface Expansion {
  lemma: string;
  /** 1 for synonyms and close relations, lower for looser ones. */
  weight: number;
}

/** Base forms WordNet may list a word under (its "morphy" rules, for regular inflections). */
export function baseForms(word: string): string[] {
  const forms = new Set([word]);
  const rules: Array<[RegExp, string]> = [[/ies$/, 'y'], [/ses$/, 's'], [/xes$/, 'x'], [/ches$/, 'ch'], [/shes$/, 'sh'], [/s$/, ''], [/ied$/, 'y'], [/ed$/, 'e'], [/ed$/, ''], [/ing$/, 'e'], [/ing$/, ''], [/er$/, ''], [/est$/, ''], [/'s$/, '']];
  for (const [suffix, replacement] of rules) if (suffix.test(word) && word.length > 4) forms.add(word.replace(suffix, replacement));
  return [...forms];
}

/** Whether the dictionary knows a word, as written or by a regular base form ("talks" → talk). */
export function inDictionary(wordNet: WordNet | undefined, word: string): boolean {
  return wordNet !== undefined && baseForms(word).some((form) => wordNet.has(form));
}

/** Lemmas related to a word, strongest first, without the word itself; only from `onlyPos` senses when given. */
export function expandWord(wordNet: WordNet, word: string, onlyPos?: 'n' | 'v' | 'a' | 'r'): Expansion[] {
  const out = new Map<string, number>();
  const add = (lemma: string, weight: number) => {
    if (lemma === word) return;
    out.set(lemma, Math.max(out.get(lemma) ?? 0, weight));
  };
  for (const form of baseForms(word)) {
    if (form !== word) add(form, 1);
    for (const entry of wordNet.lookup(form)) {
      if (onlyPos && entry.pos !== onlyPos) continue;
      for (const offset of entry.offsets.slice(0, SENSES_PER_POS)) {
        const synset = wordNet.synset(entry.pos, offset);
        if (!synset) continue;
        for (const lemma of synset.words) add(lemma, 0.8);
        const isCity = synset.pointers.some((pointer) => (pointer.symbol === '@' || pointer.symbol === '@i') && wordNet.synset(pointer.pos, pointer.offset)?.words.some((lemma) => CITY_HYPERNYMS.has(lemma)));
        for (const pointer of synset.pointers) {
          if (pointer.symbol === '#p' && isCity) {
            // A capital stands for its country, sometimes through a district (Washington → D.C. → United States).
            const whole = wordNet.synset(pointer.pos, pointer.offset);
            for (const lemma of whole?.words ?? []) add(lemma, 0.8);
            const isCountry = EXPAND_OPTIONS.capitalStopsAtCountry && (whole?.words.some(isCountryPhrase) ?? false);
            if (!isCountry) for (const up of whole?.pointers.filter((next) => next.symbol === '#p') ?? []) for (const lemma of wordNet.synset(up.pos, up.offset)?.words ?? []) add(lemma, 0.7);
            continue;
          }
          const strong = STRONG_POINTERS.has(pointer.symbol);
          if (!strong && !WEAK_POINTERS.has(pointer.symbol)) continue;
          const target = wordNet.synset(pointer.pos, pointer.offset);
          for (const lemma of target?.words ?? []) add(lemma, strong ? 0.6 : 0.4);
        }
      }
    }
  }
  return [...out.entries()].map(([lemma, weight]) => ({ lemma, weight })).sort((a, b) => b.weight - a.weight || a.lemma.localeCompare(b.lemma));
}

/**
 * Looser relations, for a word the articles never use and whose close relatives they do not use either:
 * what it is a kind of and its kinds (hypernyms `@`/`@i`, hyponyms `~`/`~i`: "fighting" → conflict), verb
 * groups (`$`), entailments (`*`), causes (`>`), and the relatives of its synonyms (two steps: a
 * synonym's derivation). Each is weaker than expandWord's relations; only the commonest senses are followed,
 * and only verb senses when `onlyPos` is `v` (a past form such as "brokered" names the action, not the broker).
 */
const LOOSE_POINTERS: Record<string, number> = { '@': 0.5, '@i': 0.5, '~': 0.45, '~i': 0.45, $: 0.5, '*': 0.45, '>': 0.45 };
const LOOSE_SENSES_PER_POS = 2;

export function expandWordLoosely(wordNet: WordNet, word: string, onlyPos?: 'n' | 'v' | 'a' | 'r'): Expansion[] {
  const out = new Map<string, number>();
  const add = (lemma: string, weight: number) => {
    if (lemma === word) return;
    out.set(lemma, Math.max(out.get(lemma) ?? 0, weight));
  };
  for (const form of baseForms(word)) {
    for (const entry of wordNet.lookup(form)) {
      if (onlyPos && entry.pos !== onlyPos) continue;
      for (const offset of entry.offsets.slice(0, LOOSE_SENSES_PER_POS)) {
        const synset = wordNet.synset(entry.pos, offset);
        if (!synset) continue;
        for (const pointer of synset.pointers) {
          const weight = LOOSE_POINTERS[pointer.symbol];
          if (weight !== undefined) for (const lemma of wordNet.synset(pointer.pos, pointer.offset)?.words ?? []) add(lemma, weight);
          // A synonym's derivation or pertainym: two steps away.
          if (STRONG_POINTERS.has(pointer.symbol)) {
            const target = wordNet.synset(pointer.pos, pointer.offset);
            for (const next of target?.pointers ?? []) if (next.symbol === '+') for (const lemma of wordNet.synset(next.pos, next.offset)?.words ?? []) add(lemma, 0.4);
          }
        }
      }
    }
  }
  return [...out.entries()].map(([lemma, weight]) => ({ lemma, weight })).sort((a, b) => b.weight - a.weight || a.lemma.localeCompare(b.lemma));
}
