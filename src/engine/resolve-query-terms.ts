import { baseForms, expandWord, expandWordLoosely, inDictionary } from '../lexicon/expand-word.js';
import { namesOneThing, type WordNet } from '../lexicon/wordnet.js';
import type { Expansion } from '../lexicon/expand-word.js';
import { countryRelatives, isCountryPhrase } from '../lexicon/country-names.js';
import { dictionaryForms, irregularFormsOf, rootOf } from '../lexicon/word-roots.js';
import { correctSpelling } from '../lexicon/spelling.js';
import { isStopWord, splitWords, stemWord, termsOfWord } from '../text/analyze-terms.js';
import { adjacentSwaps, oneSlipVariants } from '../text/typo-variants.js';
import type { Vocabulary } from './vocabulary.js';
import { withoutMeasureWords } from './measure-questions.js';

/** How a query word reached an article term. */
export type MatchHow = 'exact' | 'fuzzy' | 'prefix' | 'lexicon';

export interface TermAlternative {
  term: string;
  weight: number;
  how: MatchHow;
}

/** One content word of the query and the article terms that may stand for it. Empty = unknown to the articles. */
export interface TermGroup {
  word: string;
  alternatives: TermAlternative[];
}

/** Tuning knobs, measured on the evaluation set (see eval/README.md). */
export const RESOLVE_OPTIONS = {
  /** Words at least this long may match a typo… */
  fuzzyMinLength: 4,
  /**
   * …within one edit, or two from this length on (words no dictionary knows only). 5 rather than 6: on
   * every article word with two letters dropped or one dropped and one changed, 58% → 73% and 77% → 86%
   * found, with no more wrong matches (and real words never get two edits).
   */
  fuzzyTwoEditsFrom: 5,
  fuzzyWeight: 0.7,
  /** A word no dictionary knows, with no typo match, may be a swap of two letters plus one more slip. */
  swapPlusOneEdit: true,
  /** A real English word is taken for a typo (one edit) only from this length on. */
  realWordFuzzyMinLength: 5,
  prefixMinLength: 4,
  prefixWeight: 0.6,
  /** A keyword this long may name a section by the start of a title word ("intro", "bac"). */
  titlePrefixMinLength: 3,
  /** Lexicon (WordNet) alternatives weigh this much times the relation's own weight. */
  lexiconWeight: 0.7,
  /** Most lexicon alternatives kept per word. */
  lexiconMaxAlternatives: 8,
  /** For words the articles do use: lexicon relatives weigh this much less, and only this many. */
  exactWordLexiconScale: 0.6,
  exactWordLexiconMax: 4,
  /** A word the articles never use, with no close relative they use, reaches looser WordNet relatives (hypernyms, hyponyms…). */
  useLooseRelations: true,
  /** An inflected word the articles never use stands for its dictionary form (held → hold, crises → crisis)… */
  useWordRoots: true,
  /** A verb (or a verb relative) reaches the irregular forms the articles write it in (withdraw → withdrawn, hold → held). */
  useIrregularForms: true,
  /** …at this weight (it is the same word). */
  rootWeight: 0.95,
  /** Contractions of stop words ("what's") and indefinite pronouns ("anything") are no content words. */
  dropQueryFillers: true,
  /** A light verb before a noun ("playing host", "make progress") is no topic word: the noun says it. */
  dropLightVerbs: true,
  /** Prepositions and sentence adverbs the stop list lacks ("among", "really") are no content words either. */
  dropFunctionWords: true,
  /** Two query words the articles write as one word are joined ("de escalation"). */
  joinSplitWords: true,
  /** A dictionary compound the articles never use ("power company"), naming no particular place or body, stands for its words. */
  splitUnusedCompounds: true,
  /** A country's capital, former or short names stand for it (countries-list data), at this relation weight. */
  useCountryNames: true,
  countryNameWeight: 0.8,
  /** An unknown short word may be the initialism of a name the articles spell out ("au" → African Union)… */
  useInitialisms: true,
  /** After "the" ("what did the canadians say"), a people's name still reaches its country through its adjective senses. */
  demonymsAfterCues: true,
  /**
   * A dictionary relative never lands on a word the articles use only as a name, unless the dictionary itself
   * names something by it ("border" → march, a sense of "border on", is not the month the article dates by;
   * Tehran → Iran is kept: Iran names a country).
   */
  namesAreNoSynonyms: true,
  /** A dictionary name (US, March, China) reaches an article word only where the articles capitalise it. */
  namesNeedCapitals: true,
  /** …and so does the query's own word when it is only ever a name ("what does the us want" is not "leave us"). */
  ownNamesNeedCapitals: true,
  /**
   * A word after a preposition or a determiner ("on the deal", "about the talks") is a noun: its dictionary
   * relatives come from its noun senses (and the words they derive from), never from the verb senses of the
   * same spelling ("deal" → cope, handle; "fire" → dismiss).
   */
  nounSensesAfterCues: true,
  /** …when it ends the phrase: followed by nothing or a function word ("on the deal", not "the danish envoy"). */
  nounCueEndsPhrase: true,
  /** An unknown passive verb closing a where/when question frames it ("where were the talks held"). */
  passiveVerbFrames: true,
  /** "how long", "how big" ask for a measure: "long", "big" (and "last" closing "how long") are no topic words. */
  dropWhPhrase: true,
  /** …standing for the name's words at this weight. */
  initialismWeight: 0.9,
  /** A word no dictionary knows, up to this long, one slip from a stop word is a typo of it ("whihc"). */
  stopWordTypoMaxLength: 7,
  /** A word the articles never use that is a stop word with two letters swapped ("dose") is that stop word. */
  stopWordSwaps: true,
  /**
   * A word no dictionary knows and no article word is close to may be a typo of an ordinary English word
   * ("how long is the fund suposed to last"): it stands for that word (correctSpelling)…
   */
  dictionaryTypos: true,
  /** A slip of the opening question word before an auxiliary ("wen is", "wat did") is that word (question-word-typos.ts). */
  questionWordTypos: true,
  /** …from this length on (shorter slips are as often names or other words: "homs" → homes, "sint" → saint). */
  dictionaryTypoMinLength: 5,
  /** At most this many unknown framing words ("mood", "latest") are set aside… */
  maxFramingWords: 1,
  /** …and only when at least this many of the question's words are the articles' own. */
  minKnownWithFraming: 2,
};

/**
 * The query's content words (stop words and question words dropped), folded, in order, unique. With a
 * dictionary, adjacent words that make one of its entries stay together as `addis_ababa`, `saudi_arabia`.
 */
export function contentWords(query: string, wordNet?: WordNet, vocabulary?: Vocabulary): string[] {
  const seen = new Set<string>();
  const words = RESOLVE_OPTIONS.dropWhPhrase ? withoutWhPhrase(withoutMeasureWords(splitWords(query), wordNet)) : splitWords(query);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let word = words[i] as string;
    if (wordNet) {
      for (const size of [3, 2]) {
        // A possessive ends the phrase, not the name: "addis ababa's" is addis_ababa.
        const joined = words.slice(i, i + size).join('_').replace(/'s$/, '');
        if (i + size <= words.length && (wordNet.has(joined) || (RESOLVE_OPTIONS.useCountryNames && isCountryPhrase(joined))) && !words.slice(i, i + size).every(isStopWord)) {
          word = joined;
          i += size - 1;
          break;
        }
      }
    }
    if (isStopWord(word) || isQueryFiller(word) || seen.has(word) || (!word.includes('_') && termsOfWord(word).length === 0)) continue;
    // "playing host", "make progress", "give ground": a light verb before its noun says nothing the noun does not.
    if (RESOLVE_OPTIONS.dropLightVerbs && wordNet && LIGHT_VERBS.has(word) && isNounNext(words[i + 1], wordNet)) continue;
    // A short word one slip from a stop word is that stop word, unless the articles use it ("SAF", "Army (SAF)").
    if (wordNet && isStopWordTypo(word, wordNet) && !vocabulary?.termsOfKnownWord(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}

/** Verbs that lend their meaning to the noun after them ("play host", "take part", "make progress", "give ground"). */
const LIGHT_VERBS = new Set(['play', 'plays', 'playing', 'played', 'take', 'takes', 'taking', 'took', 'taken', 'make', 'makes', 'making', 'made', 'give', 'gives', 'giving', 'gave', 'given', 'get', 'gets', 'getting', 'got']);

/** Whether the next query word is a noun (its commonest sense in WordNet), not a stop word. */
function isNounNext(next: string | undefined, wordNet: WordNet): boolean {
  if (next === undefined || isStopWord(next)) return false;
  const entries = wordNet.lookup(next);
  const noun = entries.find((entry) => entry.pos === 'n');
  const verb = entries.find((entry) => entry.pos === 'v');
  return noun !== undefined && (verb === undefined || noun.tagSenseCount >= verb.tagSenseCount);
}

/** "how long", "how big": the measure a question asks for (its answer type), not its topic. */
const HOW_MEASURE = new Set(['long', 'big', 'large', 'far', 'high', 'old', 'deep', 'wide', 'tall', 'heavy', 'fast', 'soon', 'often']);
/** "how long will the waivers last / did the talks take": the verb that closes a duration question. */
const DURATION_VERBS = new Set(['last', 'lasts', 'lasted', 'take', 'takes', 'took', 'run', 'runs', 'ran']);

/** The question's words without the measure after "how" and, for "how long", the verb closing the question. */
function withoutWhPhrase(words: string[]): string[] {
  const at = words.indexOf('how');
  if (at < 0 || !HOW_MEASURE.has(words[at + 1] ?? '')) return words;
  const out = [...words.slice(0, at + 1), ...words.slice(at + 2)];
  if (words[at + 1] === 'long' && DURATION_VERBS.has(out[out.length - 1] ?? '') && out.length > at + 2) out.pop();
  return out;
}

/**
 * Words that only frame a question, never its topic: contractions of stop words ("what's", "didn't",
 * "they're"), indefinite pronouns ("anything", "someone") and placeholder nouns ("calm things down").
 * The articles' own text keeps them.
 */
const INDEFINITE_PRONOUNS = new Set(['anything', 'something', 'everything', 'anyone', 'someone', 'everyone', 'anybody', 'somebody', 'everybody', 'thing', 'things', 'stuff']);

/**
 * Closed-class words the stop list lacks: prepositions of place and relation, sentence adverbs, and chat
 * shorthand ("cc", "fyi", "btw", "quick q"), and the event verbs of "what happened in…" / "what happens to…".
 * In a question they say how it is asked ("the mood among observers", "oman, cc @ana"), never what about.
 */
const FUNCTION_WORDS = new Set(['among', 'amid', 'amidst', 'within', 'toward', 'towards', 'across', 'upon', 'onto', 'along', 'around', 'throughout', 'regarding', 'concerning', 'per', 'versus', 'vs', 'v', 'via', 'whether', 'yet', 'already', 'ever', 'even', 'really', 'actually', 'again', 'though', 'although', 'tho', 'gonna', 'wanna', 'okay', 'ok', 'pls', 'plz', 'cc', 'fyi', 'btw', 'asap', 'tbh', 'iirc', 'afaik', 'quick', 'q', 'happen', 'happens', 'happened', 'happening', 'occur', 'occurs', 'occurred']);

function isQueryFiller(word: string): boolean {
  if (!RESOLVE_OPTIONS.dropQueryFillers) return false;
  if (INDEFINITE_PRONOUNS.has(word) || (RESOLVE_OPTIONS.dropFunctionWords && FUNCTION_WORDS.has(word))) return true;
  const contraction = /^([a-z]+)(?:'s|'re|'ve|'ll|'d|'m|n't)$/.exec(word);
  return contraction !== null && isStopWord(contraction[1] as string);
}

/**
 * "wat", "teh", "abt", "whihc", "thier", "shoudl": a word no dictionary knows, one slip away from a stop
 * word (from 5 letters on, a stop word of 4 letters or more: "thre" is not taken for "the"). Words of up to
 * 4 letters are dropped before look-up; longer ones only when they match no article word (resolveQueryTerms).
 */
function isStopWordTypo(word: string, wordNet: WordNet, maxLength = 4): boolean {
  // A real word's inflection is no typo ("pays" is pay, not "says").
  if (word.length > maxLength || [...baseForms(word), word.replace(/e?s$/, '')].some((form) => wordNet.has(form)) || /\d/.test(word)) return false;
  const minStopWord = word.length > 4 ? 4 : 1;
  return oneSlipVariants(word).some((variant) => variant.length >= minStopWord && isStopWord(variant));
}

/** "dose" for does, "form" for from: a stop word of 3 letters or more with two adjacent letters swapped. */
function isStopWordSwap(word: string): boolean {
  return RESOLVE_OPTIONS.stopWordSwaps && word.length >= 3 && adjacentSwaps(word).some(isStopWord);
}


const NO_WORDS: ReadonlySet<string> = new Set();
/** Words after which a question's next word is a noun: prepositions of topic and determiners. */
const NOUN_CUES = new Set(['on', 'about', 'over', 'regarding', 'of', 'for', 'the', 'a', 'an', 'any', 'some', 'their', 'its', 'his', 'her', 'our', 'these', 'those']);

/** The words of a query that follow a noun cue ("on sanctions", "the talks"), as contentWords writes them. */
export function nounContextWords(query: string): Set<string> {
  const words = splitWords(query);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    if (!NOUN_CUES.has(words[i - 1] as string) || isStopWord(words[i] as string)) continue;
    // "the danish envoy": a word with a content word after it may be that noun's modifier, not the noun.
    const next = words[i + 1];
    if (RESOLVE_OPTIONS.nounCueEndsPhrase && next !== undefined && !isStopWord(next) && !NOUN_CUES.has(next)) continue;
    out.add(words[i] as string);
  }
  return out;
}

/** Resolves each content word of the query to article terms: exact stem, else typo, prefix or lexicon. */
export function resolveQueryTerms(words: string[], vocabulary: Vocabulary, wordNet: WordNet | undefined, nouns: ReadonlySet<string> = NO_WORDS): TermGroup[] {
  const groups = joinSplitWords(words, vocabulary).flatMap((typed) => {
    let word = typed;
    let alternatives = memoizedResolve(word, vocabulary, wordNet, nouns.has(word));
    const corrected = alternatives.length === 0 ? dictionaryTypoOf(word, wordNet) : undefined;
    if (corrected !== undefined) {
      word = corrected;
      alternatives = memoizedResolve(word, vocabulary, wordNet, nouns.has(typed));
    }
    if (alternatives.length > 0 || !isUnusedCompound(word, wordNet)) return [{ word, alternatives }];
    // A dictionary compound for a kind of thing ("power company") the articles write otherwise: its own words decide.
    return word.split('_').filter((part) => !isStopWord(part) && !isQueryFiller(part)).map((part) => ({ word: part, alternatives: memoizedResolve(part, vocabulary, wordNet) }));
  });
  // A longer slip of a stop word ("whihc", "thier") is set aside only when it is no typo of an article word.
  // So is a real word the articles never use that is a stop word with two letters swapped ("dose", "form").
  return wordNet ? groups.filter((group) => group.alternatives.length > 0 || !(isStopWordTypo(group.word, wordNet, RESOLVE_OPTIONS.stopWordTypoMaxLength) || isStopWordSwap(group.word))) : groups;
}

/** Most corrections remembered per dictionary (each costs some 400 look-ups the first time). */
const CORRECTIONS_MEMO_SIZE = 20_000;
const corrections = new WeakMap<WordNet, Map<string, string | undefined>>();

/**
 * The ordinary English word a query word no article word is close to was meant to be ("how long is the fund
 * suposed to last" → supposed): it then takes the path a correctly spelt word takes, its dictionary
 * relatives reaching the articles' words or set aside as a framing word (dropUnknownModifiers), where the
 * question used to be refused for a word the articles "never mention". Only for a word no dictionary knows
 * in any form and no slip of a stop word ("thier" is their, not thief); undefined otherwise.
 */
function dictionaryTypoOf(word: string, wordNet: WordNet | undefined): string | undefined {
  if (!RESOLVE_OPTIONS.dictionaryTypos || !wordNet || word.length < RESOLVE_OPTIONS.dictionaryTypoMinLength || !/^[a-z]+$/.test(word)) return undefined;
  if (dictionaryForms(word).some((form) => wordNet.has(form)) || isStopWordTypo(word, wordNet, RESOLVE_OPTIONS.stopWordTypoMaxLength) || isStopWordSwap(word)) return undefined;
  let memo = corrections.get(wordNet);
  if (!memo) corrections.set(wordNet, (memo = new Map()));
  if (memo.has(word)) return memo.get(word);
  const corrected = correctSpelling(wordNet, word);
  if (memo.size >= CORRECTIONS_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(word, corrected);
  return corrected;
}

/** A multi-word dictionary entry naming no one thing in particular (no country, no named instance). */
function isUnusedCompound(word: string, wordNet: WordNet | undefined): boolean {
  if (!RESOLVE_OPTIONS.splitUnusedCompounds || !wordNet || !word.includes('_')) return false;
  return !isCountryPhrase(word) && !wordNet.isProperName(word);
}

/**
 * Two query words that the articles write as one ("de escalation" → de-escalation, "cease fires" →
 * ceasefires): a typo of spacing, joined before look-up.
 */
function joinSplitWords(words: string[], vocabulary: Vocabulary): string[] {
  if (!RESOLVE_OPTIONS.joinSplitWords || words.length < 2) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const joined = next !== undefined && !word.includes('_') && !next.includes('_') ? [`${word}-${next}`, `${word}${next}`].find((form) => vocabulary.termsOfKnownWord(form) !== undefined) : undefined;
    if (joined) {
      out.push(joined);
      i += 1;
    } else out.push(word);
  }
  return out;
}

/** Most resolved words remembered per index (the same words come back in every newsroom's questions). */
export const RESOLVED_WORDS_MEMO_SIZE = 20_000;

// A word resolves the same way against the same vocabulary, and resolving is the costliest part of a short
// query (WordNet relations, typo look-ups); remembered per vocabulary, so a rebuilt index starts afresh.
const memos = new WeakMap<Vocabulary, Map<string, TermAlternative[]>>();

function memoizedResolve(word: string, vocabulary: Vocabulary, wordNet: WordNet | undefined, asNoun = false): TermAlternative[] {
  const nounContext = asNoun && RESOLVE_OPTIONS.nounSensesAfterCues && wordNet !== undefined;
  const key = `${wordNet ? 'l' : 'n'}${nounContext ? 'N' : ''}${word}`;
  let memo = memos.get(vocabulary);
  if (!memo) memos.set(vocabulary, (memo = new Map()));
  const known = memo.get(key);
  if (known) return known;
  // Noun senses only when the word has some (a word with none keeps all its senses).
  const nounOnly = nounContext && baseForms(word).some((form) => wordNet.lookup(form).some((entry) => entry.pos === 'n'));
  const alternatives = resolveWord(word, vocabulary, wordNet, nounOnly ? 'n' : undefined);
  if (memo.size >= RESOLVED_WORDS_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, alternatives);
  return alternatives;
}

/** Whether WordNet knows the word only as a name ("us" → US, "tehran"; not "march", also a verb, nor "domino", also a game). */
export function onlyAName(wordNet: WordNet, word: string): boolean {
  // Nor the form of another word: "sat" (Saturday) is also sit's past.
  const forms = dictionaryForms(word);
  // Every sense a name: "domino" is a cloak and a game before it is Fats Domino.
  return wordNet.isFirstlyProperName(word) && [...forms].every((form) => wordNet.lookup(form).every((entry) => entry.pos === 'n' && entry.offsets.every((offset) => namesOneThing(wordNet.synset('n', offset)))));
}

function resolveWord(word: string, vocabulary: Vocabulary, wordNet: WordNet | undefined, onlyPos?: 'n'): TermAlternative[] {
  if (word.includes('_')) return resolvePhrase(word, vocabulary, wordNet);
  let exact = termsOfWord(word).filter((term) => vocabulary.hasTerm(term));
  // A word that is only ever a name ("us": the United States) is not the articles' word where they write it only in
  // lower case ("leave us the mercury"); its other names may still reach the article below.
  if (RESOLVE_OPTIONS.ownNamesNeedCapitals && wordNet && exact.length > 0 && onlyAName(wordNet, word) && exact.every((term) => vocabulary.usedOnlyInLowerCase(term))) exact = [];
  const found = new Map<string, TermAlternative>();
  for (const term of exact) found.set(term, { term, weight: 1, how: 'exact' });
  const add = (term: string, weight: number, how: MatchHow) => {
    const previous = found.get(term);
    if (vocabulary.hasTerm(term) && (!previous || previous.weight < weight)) found.set(term, { term, weight, how });
  };
  // An irregular or unstemmed inflection of an article word (held → hold): the same word.
  const root = exact.length === 0 && RESOLVE_OPTIONS.useWordRoots ? rootOf(word).root : word;
  if (root !== word) for (const term of termsOfWord(root)) add(term, RESOLVE_OPTIONS.rootWeight, 'exact');
  // …and the other way: a verb the articles write only in an irregular form ("withdraw" → "withdrawn", "hold" → "held").
  if (exact.length === 0 && found.size === 0 && RESOLVE_OPTIONS.useIrregularForms) {
    for (const form of irregularFormsOf(root)) for (const term of vocabulary.termsOfKnownWord(form) ?? []) add(term, RESOLVE_OPTIONS.rootWeight, 'exact');
  }
  const bare = word.replace(/['-]/g, '');
  // A word no dictionary knows may be a typo of an article word; a real word only when it is long enough
  // for one slip to be unlikely to make another real word ("piece" for "peace", but "mood" is not "good").
  const inWordNet = inDictionary(wordNet, word);
  const knownWord = inWordNet || (wordNet !== undefined && root !== word && wordNet.has(root));
  const fuzzyFloor = knownWord ? RESOLVE_OPTIONS.realWordFuzzyMinLength : RESOLVE_OPTIONS.fuzzyMinLength;
  if (exact.length === 0 && bare.length >= fuzzyFloor && !/\d/.test(bare)) {
    for (const swapped of adjacentSwaps(bare)) for (const hit of vocabulary.fuzzyWords(swapped, 0)) for (const term of hit.terms) add(term, RESOLVE_OPTIONS.fuzzyWeight, 'fuzzy');
    const distance = !knownWord && bare.length >= RESOLVE_OPTIONS.fuzzyTwoEditsFrom ? 2 : 1;
    const hits = vocabulary.fuzzyWords(bare, distance);
    const best = hits[0]?.distance;
    for (const hit of hits) if (hit.distance === best) for (const term of hit.terms) add(term, RESOLVE_OPTIONS.fuzzyWeight, 'fuzzy');
    // A swap and one more slip ("negotaitons"): three edits for Levenshtein, two for a typist.
    if (found.size === 0 && !knownWord && RESOLVE_OPTIONS.swapPlusOneEdit && bare.length >= RESOLVE_OPTIONS.fuzzyTwoEditsFrom) {
      for (const swapped of adjacentSwaps(bare)) for (const hit of vocabulary.fuzzyWords(swapped, 1)) for (const term of hit.terms) add(term, RESOLVE_OPTIONS.fuzzyWeight, 'fuzzy');
    }
  }
  if (wordNet) {
    let kept = 0;
    const addLexicon = (expansions: Expansion[], scale: number, limit: number, minWeight: number) => {
      for (const { lemma, weight } of expansions) {
        if (kept >= limit) break;
        if (weight < minWeight) continue;
        const words = lemma.split(/[_\s]+/);
        const parts = words.filter((part) => !isStopWord(part));
        const terms = parts.map((part) => stemWord(part)).filter((term) => vocabulary.hasTerm(term));
        // A multi-word lemma ("united_nations") counts only where the articles use it as a phrase.
        if (terms.length === 0 || terms.length < parts.length || (words.length > 1 && !vocabulary.hasPhrase(words))) continue;
        if (RESOLVE_OPTIONS.namesAreNoSynonyms && words.length === 1 && terms.every((term) => vocabulary.usedOnlyAsName(term)) && !wordNet.isEntityWord(lemma)) continue;
        // …and a name never lands on a word the articles write only in lower case (Washington → US, not "leave us the mercury").
        if (RESOLVE_OPTIONS.namesNeedCapitals && words.length === 1 && wordNet.isFirstlyProperName(lemma) && terms.every((term) => vocabulary.usedOnlyInLowerCase(term))) continue;
        for (const term of terms) add(term, RESOLVE_OPTIONS.lexiconWeight * weight * scale, 'lexicon');
        kept += 1;
      }
    };
    // A word the articles use still reaches its close relatives (Iran → Iranian), at a lower weight.
    const scale = exact.length > 0 ? RESOLVE_OPTIONS.exactWordLexiconScale : 1;
    const limit = exact.length > 0 ? RESOLVE_OPTIONS.exactWordLexiconMax : RESOLVE_OPTIONS.lexiconMaxAlternatives;
    // WordNet lists irregular forms under their root only ("sought" → seek).
    const lemma = !inWordNet && root !== word ? root : word;
    const nounOnly = expandWord(wordNet, lemma, onlyPos);
    // A people's name ("the canadians", "the americans") reaches its country through the adjective's senses ("canadian" → Canada).
    const people = onlyPos === 'n' && RESOLVE_OPTIONS.demonymsAfterCues && exact.length === 0 ? baseForms(lemma).find((form) => wordNet.isFirstlyProperName(form)) : undefined;
    const demonym = people !== undefined && !nounOnly.some(({ lemma: other }) => other.split(/[_\s]+/).every((part) => isStopWord(part) || vocabulary.hasTerm(stemWord(part)))) ? expandWord(wordNet, people) : [];
    addLexicon([...countryExpansions(word), ...nounOnly, ...demonym], scale, limit, exact.length > 0 ? 0.6 : 0);
    // Never for a concrete thing or a name: its kind ("Russia" → country, "centrifuge" → machine) is not what was asked about.
    if (exact.length === 0 && found.size === 0 && RESOLVE_OPTIONS.useLooseRelations && !isConcreteWord(word, wordNet)) addLexicon(expandWordLoosely(wordNet, lemma, onlyPos ?? (RESOLVE_OPTIONS.useWordRoots && rootOf(word).verbForm ? 'v' : undefined)), 1, limit, 0);
  }
  // An initialism of an article's name ("au" → African Union): for a word the articles never use, or one no
  // dictionary knows that they also write short ("RSF" in running text, "Rapid Support Forces" as a column).
  if ((exact.length === 0 || !knownWord) && RESOLVE_OPTIONS.useInitialisms && /^[a-z]{2,6}$/.test(word)) {
    for (const name of vocabulary.namesForInitialism(word)) {
      for (const part of name) if (!isStopWord(part)) for (const term of termsOfWord(part)) add(term, RESOLVE_OPTIONS.initialismWeight, 'lexicon');
    }
  }
  if (exact.length === 0 && found.size === 0 && bare.length >= RESOLVE_OPTIONS.prefixMinLength) {
    for (const hit of vocabulary.prefixWords(bare)) for (const term of hit.terms) add(term, RESOLVE_OPTIONS.prefixWeight, 'prefix');
  }
  return [...found.values()].sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
}

/** The country a capital or another of its names stands for, and its other names ("kyiv" → ukraine). */
function countryExpansions(word: string): Expansion[] {
  if (!RESOLVE_OPTIONS.useCountryNames) return [];
  return countryRelatives(word).map((lemma) => ({ lemma, weight: RESOLVE_OPTIONS.countryNameWeight }));
}

/** A word naming a concrete thing, place, group or person in one of its base forms. */
function isConcreteWord(word: string, wordNet: WordNet): boolean {
  // "brokered", "hosted": a verb form names an action, even when its root also names a person or thing.
  if (RESOLVE_OPTIONS.useWordRoots && rootOf(word).verbForm) return false;
  return baseForms(word).some((form) => wordNet.isConcreteNoun(form) || wordNet.isEntityWord(form));
}

/**
 * Drops words the articles never use when they are ordinary English words for no concrete thing
 * ("mood", "rush", "big", "latest"): they frame a question without naming its topic, so the rest of the
 * question decides. A word naming a concrete thing the articles never mention ("centrifuges", "Russia",
 * "president"), or one no dictionary knows (most names), stays, and makes the question unanswerable.
 * When every word would go, none does.
 */
export function dropUnknownModifiers(groups: TermGroup[], wordNet: WordNet | undefined, query = ''): TermGroup[] {
  if (!wordNet) return groups;
  // "where were the talks held", "when was the ceasefire announced": the passive verb closing a where/when
  // question only frames it (the place or date is the answer, checked by type), when the articles never use it.
  const passive = RESOLVE_OPTIONS.passiveVerbFrames ? closingPassiveVerb(query) : undefined;
  if (passive !== undefined) {
    const rest = groups.filter((group) => !(group.word === passive && group.alternatives.length === 0));
    if (rest.length < groups.length && rest.some((group) => group.alternatives.length > 0)) groups = rest;
  }
  const framing = (group: TermGroup) => {
    if (group.alternatives.length > 0 || /\d/.test(group.word)) return false;
    const forms = baseForms(group.word).filter((form) => wordNet.has(form));
    return forms.length > 0 && !forms.some((form) => wordNet.isConcreteNoun(form));
  };
  const kept = groups.filter((group) => !framing(group));
  const dropped = groups.length - kept.length;
  // One framing word in a question that still has two words the articles use; more is a different question.
  return dropped <= RESOLVE_OPTIONS.maxFramingWords && kept.filter((group) => group.alternatives.length > 0).length >= RESOLVE_OPTIONS.minKnownWithFraming ? kept : groups;
}

/** The last word of a where/when question in the passive ("where were the talks held" → held), if it reads as a participle. */
function closingPassiveVerb(query: string): string | undefined {
  const match = /^(?:where|when)\b.*\b(?:was|were|is|are|be|been|being|get|got)\b(?:\s+\S+)*\s+([a-z]+)\s*[?!.]*$/.exec(query);
  const word = match?.[1];
  if (!word) return undefined;
  return /(?:ed|en)$/.test(word) || rootOf(word).root !== word ? word : undefined;
}


/** A dictionary phrase from the query ("united_states"): its words when the articles use the phrase, else its relatives. */
function resolvePhrase(phrase: string, vocabulary: Vocabulary, wordNet: WordNet | undefined): TermAlternative[] {
  const words = phrase.split('_');
  const content = words.filter((word) => !isStopWord(word));
  const found = new Map<string, TermAlternative>();
  const exact = vocabulary.hasPhrase(words);
  if (exact) for (const term of content.flatMap((word) => termsOfWord(word))) found.set(term, { term, weight: 1, how: 'exact' });
  if (wordNet) {
    for (const { lemma, weight } of [...countryExpansions(phrase), ...expandWord(wordNet, phrase)]) {
      if (exact && weight < 0.6) continue;
      const parts = lemma.split(/[_\s]+/);
      const terms = parts.filter((part) => !isStopWord(part)).map(stemWord);
      if (terms.length === 0 || !terms.every((term) => vocabulary.hasTerm(term)) || (parts.length > 1 && !vocabulary.hasPhrase(parts))) continue;
      const scale = exact ? RESOLVE_OPTIONS.exactWordLexiconScale : 1;
      for (const term of terms) if (!found.has(term)) found.set(term, { term, weight: RESOLVE_OPTIONS.lexiconWeight * weight * scale, how: 'lexicon' });
      if (found.size >= RESOLVE_OPTIONS.lexiconMaxAlternatives) break;
    }
  }
  return [...found.values()];
}
