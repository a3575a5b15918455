/**
 * Verbs of holding a position: "want", "think", "say", "propose", "demand", "insist". In "what does thailand want on
 * the maps" the verb only asks for Thailand's position, which a positions table's cell gives: it is no topic word the
 * row must explain. Decided by WordNet, not a list: the verb's commonest sense is one of thinking, telling or feeling
 * (lexicographer files verb.cognition, verb.communication, verb.emotion): not "fund", "map", "cost".
 */
import { dictionaryForms } from './word-roots.js';
import type { WordNet } from './wordnet.js';

/** verb.cognition 31, verb.communication 32, verb.emotion 37: https://wordnet.princeton.edu/documentation/lexnames5wn */
const STANCE_LEX_FILES = new Set([31, 32, 37]);

export function isStanceVerb(wordNet: WordNet, word: string): boolean {
  return dictionaryForms(word).some((form) => wordNet.lookup(form).some((entry) => entry.pos === 'v' && STANCE_LEX_FILES.has(wordNet.synset('v', entry.offsets[0] ?? -1)?.lexFile ?? -1)));
}
