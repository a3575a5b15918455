import { baseForms } from './expand-word.js';
import type { WordNet } from './wordnet.js';
import { adjacentSwaps } from '../text/typo-variants.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The words `word` is one typist's slip from: with a letter it left out put back ("suposed" → supposed) or
 * two adjacent letters it swapped put right ("agreemnet" → agreement). A changed or an added letter is not
 * undone: those are the slips that turn names into words (biden → bided, kallas → dallas, orban → organ,
 * juba → cuba: 42 of 262 leaders', capitals' and countries' names no dictionary knows were "corrected"
 * with them, 5 without: babis, brics, homs, sint, seas), and "dedline" would be the commoner decline.
 */
function oneSlipAway(word: string): Set<string> {
  const out = new Set(adjacentSwaps(word));
  for (let i = 0; i <= word.length; i++) for (const letter of LETTERS) out.add(word.slice(0, i) + letter + word.slice(i));
  return out;
}

/**
 * How common a dictionary word is, and the entry that says so: WordNet's count of its senses seen in the
 * tagged corpus (0 for rare words and most names), by the word as written or as an inflection of a base
 * form ("deadlines" → deadline); -1 when WordNet does not know it. A comparative's base must be an
 * adjective: "steiner" is no form of stein.
 */
function commonness(wordNet: WordNet, word: string): { lemma: string; count: number } {
  let best = { lemma: word, count: -1 };
  for (const form of baseForms(word)) {
    let entries = wordNet.lookup(form);
    if (form !== word && /(?:er|est)$/.test(word) && form === word.replace(/(?:er|est)$/, '')) entries = entries.filter((entry) => entry.pos === 'a');
    const count = entries.length > 0 ? entries.reduce((sum, entry) => sum + entry.tagSenseCount, 0) : -1;
    if (count > best.count) best = { lemma: form, count };
  }
  return best;
}

/**
 * The dictionary word a misspelling most likely stands for ("suposed" → supposed, "deadlin" → deadline,
 * "dedline" → deadline), or undefined: of the dictionary words one slip away (oneSlipAway), the commonest.
 * None when the commonest is a rare word (seen in no tagged text), when two words are as common
 * ("ministr": minister or ministry), or when it is a name ("dalas" → Dallas, "londn" → London): a word no
 * dictionary knows is as likely a name of its own, and the names the articles use are caught as their
 * typos before this (vocabulary.fuzzyWords).
 */
export function correctSpelling(wordNet: WordNet, word: string): string | undefined {
  let best: { word: string; lemma: string; count: number } | undefined;
  let tied = false;
  for (const variant of oneSlipAway(word)) {
    const { lemma, count } = commonness(wordNet, variant);
    if (count <= 0 || (best !== undefined && count < best.count)) continue;
    // Two forms of one word ("supplie": supplied, supplies → supply) are no tie.
    if (best !== undefined && count === best.count) tied ||= lemma !== best.lemma;
    else {
      best = { word: variant, lemma, count };
      tied = false;
    }
  }
  return best !== undefined && !tied && !wordNet.isFirstlyProperName(best.lemma) ? best.word : undefined;
}
