/**
 * Verbs of leading: "lead", "head", "chair", "direct", "govern", "preside", "command". A question "who leads X"
 * asks for a person, as "who is the leader of X" does. Decided by WordNet, not a list: one of the verb's commonest
 * senses derives a person noun (noun.person) that is a kind of leader, head, administrator or presiding officer
 * (lead → leader, chair → president, direct → director); "want", "pay", "back", "host" derive no such noun.
 */
import { dictionaryForms } from './word-roots.js';
import { LEX_NOUN_PERSON, type WordNet } from './wordnet.js';

/** The kinds of person who lead (WordNet synset words). */
const LEADERS = new Set(['leader', 'head', 'administrator', 'presiding_officer']);
/** Verb senses looked at (WordNet lists them commonest first). */
const SENSES = 4;
/** Hypernym steps climbed from the derived noun. */
const STEPS = 6;

const memo = new Map<string, string[]>();

export function isLeadingVerb(wordNet: WordNet, word: string): boolean {
  return leaderNouns(wordNet, word).length > 0;
}

/** The leaders a verb of leading derives ("chaired" → president, chairman, chairwoman, chair, chairperson); [] for any other word. */
export function leaderNouns(wordNet: WordNet, word: string): string[] {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const forms = dictionaryForms(word);
  const nouns = new Set<string>();
  for (const form of forms) {
    for (const entry of wordNet.lookup(form)) {
      if (entry.pos !== 'v') continue;
      for (const offset of entry.offsets.slice(0, SENSES)) {
        for (const pointer of wordNet.synset('v', offset)?.pointers ?? []) {
          if (pointer.symbol === '+' && pointer.pos === 'n' && isLeaderNoun(wordNet, pointer.offset)) for (const noun of wordNet.synset('n', pointer.offset)?.words ?? []) nouns.add(noun);
        }
      }
    }
  }
  if (memo.size > 5_000) memo.clear();
  memo.set(word, [...nouns]);
  return [...nouns];
}

function isLeaderNoun(wordNet: WordNet, offset: number): boolean {
  return wordNet.synset('n', offset)?.lexFile === LEX_NOUN_PERSON && wordNet.reachesKind('n', [offset], LEADERS, STEPS);
}
