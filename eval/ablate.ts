/**
 * `npm run eval:ablate`: the effect of each retrieval choice on the evaluation, one switched off at a
 * time against the shipped configuration (section@1, excerpt@1, out-of-scope refused, wrongly refused),
 * per set and split. Held-out numbers are shown only as totals, never per question.
 */
import { ANALYSIS_OPTIONS } from '../src/text/analyze-terms.js';
import { EVIDENCE } from '../src/engine/answer-query.js';
import { ANSWER_TYPE_OPTIONS } from '../src/engine/answer-types.js';
import { TABLE_MATCH_OPTIONS } from '../src/engine/table-match.js';
import { FUZZY_OPTIONS, VOCABULARY_OPTIONS } from '../src/engine/vocabulary.js';
import { FOLLOW_UP_OPTIONS } from '../src/engine/follow-ups.js';
import { THREAD_TABLE_OPTIONS } from '../src/engine/thread-tables.js';
import { ATTRIBUTION_OPTIONS } from '../src/engine/attribution.js';
import { FIELD_BOOSTS, PASSAGE_INDEX_OPTIONS } from '../src/engine/passage-index.js';
import { RESOLVE_OPTIONS } from '../src/engine/resolve-query-terms.js';
import { BRIDGE_OPTIONS } from '../src/engine/bridge-unknown-word.js';
import { EXPAND_OPTIONS } from '../src/lexicon/expand-word.js';
import { MEASURE_OPTIONS } from '../src/engine/measure-questions.js';
import { OUTCOME_OPTIONS } from '../src/engine/outcome-questions.js';
import { PASSAGE_OPTIONS } from '../src/engine/passages.js';
import type { EngineOptions } from '../src/index.js';
import { EVAL_SETS } from './eval-sets.js';
import { runEvalSet } from './run-eval-set.js';
import type { Metrics } from './score-eval.js';

interface Variant {
  name: string;
  options?: EngineOptions;
  /** Changes the tuning objects; returns the function that puts them back. */
  apply?: () => () => void;
}

function patch<T extends object>(target: T, values: Partial<T>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((key) => [key, target[key as keyof T]])) as Partial<T>;
  Object.assign(target, values);
  return () => Object.assign(target, saved);
}

const VARIANTS: Variant[] = [
  { name: 'shipped' },
  { name: 'no stemming', apply: () => patch(ANALYSIS_OPTIONS, { stemming: false }) },
  { name: 'no stop words', apply: () => patch(ANALYSIS_OPTIONS, { stopWords: false }) },
  { name: 'no title boost', apply: () => { const a = patch(FIELD_BOOSTS, { title: 0 }); const b = patch(EVIDENCE, { titleBoost: 0 }); return () => (a(), b()); } },
  { name: 'no fuzzy (typos)', apply: () => patch(RESOLVE_OPTIONS, { fuzzyMinLength: Infinity, realWordFuzzyMinLength: Infinity }) },
  { name: 'no swap + one edit typos', apply: () => patch(RESOLVE_OPTIONS, { swapPlusOneEdit: false }) },
  { name: 'no long stop-word typos', apply: () => patch(RESOLVE_OPTIONS, { stopWordTypoMaxLength: 4 }) },
  { name: 'no typos of dictionary words (suposed)', apply: () => patch(RESOLVE_OPTIONS, { dictionaryTypos: false }) },
  { name: "no question-word slips ('wen is')", apply: () => patch(RESOLVE_OPTIONS, { questionWordTypos: false }) },
  { name: 'no real-word typos by context', apply: () => patch(EVIDENCE, { contextTypos: false }) },
  { name: 'no prefix', apply: () => patch(RESOLVE_OPTIONS, { prefixMinLength: Infinity, titlePrefixMinLength: Infinity }) },
  { name: 'no WordNet expansion', options: { useLexicon: false } },
  { name: 'no answer-type checks', apply: () => patch(EVIDENCE, { useAnswerTypes: false }) },
  { name: 'no loose WordNet relations', apply: () => patch(RESOLVE_OPTIONS, { useLooseRelations: false }) },
  { name: 'no word roots (held→hold)', apply: () => patch(RESOLVE_OPTIONS, { useWordRoots: false }) },
  { name: 'no query fillers dropped', apply: () => patch(RESOLVE_OPTIONS, { dropQueryFillers: false }) },
  { name: "light verbs as topic words ('playing host')", apply: () => patch(RESOLVE_OPTIONS, { dropLightVerbs: false }) },
  { name: "'the canadians': noun senses only", apply: () => patch(RESOLVE_OPTIONS, { demonymsAfterCues: false }) },
  { name: 'no function words dropped', apply: () => patch(RESOLVE_OPTIONS, { dropFunctionWords: false }) },
  { name: 'no joining split words', apply: () => patch(RESOLVE_OPTIONS, { joinSplitWords: false }) },
  { name: 'no country names (data)', apply: () => patch(RESOLVE_OPTIONS, { useCountryNames: false }) },
  { name: 'no article initialisms', apply: () => patch(RESOLVE_OPTIONS, { useInitialisms: false }) },
  { name: "'who' by place: all own words", apply: () => patch(EVIDENCE, { entityOwnWordsShare: 1 }) },
  { name: 'no framing-word allowance', apply: () => patch(RESOLVE_OPTIONS, { maxFramingWords: 0 }) },
  { name: 'typed questions as keywords', apply: () => patch(EVIDENCE, { typedQuestionsAreNoKeywords: false }) },
  { name: "no 'what did X say' check", apply: () => patch(EVIDENCE, { useSpeakerCheck: false }) },
  { name: 'no splitting compounds', apply: () => patch(RESOLVE_OPTIONS, { splitUnusedCompounds: false }) },
  { name: 'no typos of hyphen parts', apply: () => patch(FUZZY_OPTIONS, { hyphenParts: false }) },
  { name: "no possessive phrases ('papua new guinea's')", apply: () => patch(VOCABULARY_OPTIONS, { possessivePhrases: false }) },
  { name: 'no stop-word swaps (dose)', apply: () => patch(RESOLVE_OPTIONS, { stopWordSwaps: false }) },
  { name: 'dates count as numbers', apply: () => patch(ANSWER_TYPE_OPTIONS, { numbersApartFromTime: false }) },
  { name: 'capital: on past country', apply: () => patch(EXPAND_OPTIONS, { capitalStopsAtCountry: false }) },
  { name: 'no taxonomy bridge', apply: () => patch(BRIDGE_OPTIONS, { useTaxonomyBridge: false }) },
  { name: "no 'who' by agent role", apply: () => patch(EVIDENCE, { whoByAgentRole: false }) },
  { name: 'verb senses after on/the', apply: () => patch(RESOLVE_OPTIONS, { nounSensesAfterCues: false }) },
  { name: 'synonyms may land on names', apply: () => patch(RESOLVE_OPTIONS, { namesAreNoSynonyms: false }) },
  { name: 'missing column: any word', apply: () => patch(EVIDENCE, { missingColumnNeedsParty: false }) },
  { name: 'bridge: best passage only', apply: () => patch(BRIDGE_OPTIONS, { passagesLooked: 1 }) },
  { name: 'bridge: stem-mates count', apply: () => patch(BRIDGE_OPTIONS, { wholeWordsOnly: false }) },
  { name: 'noun cue: any next word', apply: () => patch(RESOLVE_OPTIONS, { nounCueEndsPhrase: false }) },
  { name: "no 'he said' after a name", apply: () => patch(EVIDENCE, { pronounSpeakers: false }) },
  { name: 'no answering cell (who)', apply: () => patch(EVIDENCE, { cellNamesColumn: false }) },
  { name: "'how many X': any number", apply: () => patch(EVIDENCE, { countTheNoun: false }) },
  { name: "'how much' money: any number", apply: () => patch(ANSWER_TYPE_OPTIONS, { moneyType: false }) },
  { name: 'passive verb not framing', apply: () => patch(RESOLVE_OPTIONS, { passiveVerbFrames: false }) },
  { name: 'no party names for columns', apply: () => patch(EVIDENCE, { partyNamesColumn: false }) },
  { name: 'places: gazetteer only', apply: () => patch(ANSWER_TYPE_OPTIONS, { placeAfterPreposition: false }) },
  { name: "'how long' words as topic", apply: () => patch(RESOLVE_OPTIONS, { dropWhPhrase: false }) },
  { name: "'and X?' off the table: prose", apply: () => patch(EVIDENCE, { followUpPartyNeedsColumn: false }) },
  { name: 'names on lower-case words', apply: () => patch(RESOLVE_OPTIONS, { namesNeedCapitals: false }) },
  { name: "'who is <role>': any name", apply: () => patch(EVIDENCE, { roleHolderNamed: false }) },
  { name: "'when will': any date", apply: () => patch(EVIDENCE, { futureWhen: false }) },
  { name: "'what did X say': column first", apply: () => patch(EVIDENCE, { speakerBeforeColumn: false }) },
  { name: "'what did X say': X's row first", apply: () => patch(EVIDENCE, { rowIsNoSpeaker: false }) },
  { name: "no bare 'where?' follow-ups", apply: () => patch(EVIDENCE, { bareWhFollowUps: false }) },
  { name: 'rows answer for any party', apply: () => patch(EVIDENCE, { rowsSpeakForTheirColumns: false }) },
  { name: 'typed answer: far is fine', apply: () => patch(EVIDENCE, { farTypedAnswerFactor: 1 }) },
  { name: "'how big' money: any number", apply: () => patch(ANSWER_TYPE_OPTIONS, { sizeOfMoney: false }) },
  { name: 'rows by their whole label', apply: () => patch(TABLE_MATCH_OPTIONS, { partialRowLabels: false }) },
  { name: 'typed table cells: any', apply: () => patch(EVIDENCE, { typedCellsOnly: false }) },
  { name: 'older articles: same weight', apply: () => patch(EVIDENCE, { olderArticleFactor: 1 }) },
  { name: 'outcome questions: free', apply: () => patch(OUTCOME_OPTIONS, { outcomeQuestions: false }) },
  { name: 'outcome words: no WordNet', apply: () => patch(OUTCOME_OPTIONS, { widenByWordNet: false }) },
  { name: "'what happened to X': a free question", apply: () => patch(OUTCOME_OPTIONS, { outcomeOf: false }) },
  { name: "'quote' as a topic word", apply: () => patch(EVIDENCE, { quoteRequests: false }) },
  { name: "speech verb after 'of'/'will'", apply: () => patch(ANSWER_TYPE_OPTIONS, { speechVerbNotAfterFunctionWord: false }) },
  { name: "speech verb after a possessive", apply: () => patch(ANSWER_TYPE_OPTIONS, { speechVerbNotAfterPossessive: false }) },
  { name: "'what is the name of X': no type", apply: () => patch(ANSWER_TYPE_OPTIONS, { nameQuestions: false }) },
  { name: "names with U+2011 unfolded", apply: () => patch(ANSWER_TYPE_OPTIONS, { foldNames: false }) },
  { name: 'speaker by one word of its name', apply: () => patch(EVIDENCE, { wholeNameSpeakers: false }) },
  { name: "'who is X's role': any party's holder", apply: () => patch(EVIDENCE, { roleOfNamedParty: false }) },
  { name: "'who is <role>': relatives no role", apply: () => patch(EVIDENCE, { roleByRelative: false }) },
  { name: "'how many X': X's relatives waived", apply: () => patch(EVIDENCE, { countRelatives: false }) },
  { name: 'a party with no column: the prose', apply: () => patch(EVIDENCE, { partyWithoutColumn: false }) },
  { name: "'prime minister': a deputy too", apply: () => patch(EVIDENCE, { roleRanks: false }) },
  { name: "'its minister': the party named in the sentence only", apply: () => patch(EVIDENCE, { possessiveRoleParty: false }) },
  { name: "'the congolese minister' as a speaker: not by its holder's name", apply: () => patch(EVIDENCE, { speakersByRoleHolder: false }) },
  { name: "'the mali minister' as a speaker: any minister", apply: () => patch(EVIDENCE, { partyRoleSpeaksAsParty: false }) },
  { name: "'signed', 'wrote', 'recorded' as speaking", apply: () => patch(ANSWER_TYPE_OPTIONS, { sayingVerbsOnly: false }) },
  { name: 'lead-in labels as text only', apply: () => patch(PASSAGE_INDEX_OPTIONS, { leadInLabelsAsTitles: false }) },
  { name: "'only 412 had an observer' counts observers", apply: () => patch(ANSWER_TYPE_OPTIONS, { countEndsAtVerb: false }) },
  { name: "'how deep is X': any length", apply: () => patch(EVIDENCE, { measuredThingWindow: 0 }) },
  { name: "'tuesday's session': any day's", apply: () => patch(EVIDENCE, { otherDayOrMonth: false }) },
  { name: "'when did X begin': any beginning", apply: () => patch(EVIDENCE, { typedNounsInContext: false }) },
  { name: "'who leads X': a party or body", apply: () => patch(EVIDENCE, { leadersArePeople: false }) },
  { name: 'quotations cut at each sentence', apply: () => patch(PASSAGE_OPTIONS, { quotationsWhole: false }) },
  { name: "role's holder: window only", apply: () => patch(ANSWER_TYPE_OPTIONS, { appositionHolders: false }) },
  { name: "'X’s delegation, led by …, said': no speaker", apply: () => patch(ANSWER_TYPE_OPTIONS, { speakerAcrossInsertion: false }) },
  { name: "'how much of X': money only", apply: () => patch(ANSWER_TYPE_OPTIONS, { partsAreShares: false }) },
  { name: "'which X': X a person in any sense", apply: () => patch(ANSWER_TYPE_OPTIONS, { whichPersonByCommonSense: false }) },
  { name: "'want on <label word>': no row", apply: () => patch(EVIDENCE, { stanceVerbsAskForCells: false }) },
  { name: "'us' may be the pronoun", apply: () => patch(RESOLVE_OPTIONS, { ownNamesNeedCapitals: false }) },
  { name: 'one article answers alone', apply: () => patch(EVIDENCE, { otherArticleRatio: 99 }) },
  { name: "'what did X say': quotes first off", apply: () => patch(EVIDENCE, { quotesFirst: false }) },
  { name: "'where': any place", apply: () => patch(ANSWER_TYPE_OPTIONS, { placeSpans: false }) },
  { name: "no 'the other side' rows", apply: () => patch(FOLLOW_UP_OPTIONS, { otherSide: false }) },
  { name: "no 'who said that'/source", apply: () => patch(FOLLOW_UP_OPTIONS, { attribution: false }) },
  { name: "'and Y?' keeps X's quote", apply: () => patch(FOLLOW_UP_OPTIONS, { speakerSwap: false }) },
  { name: "'why?' repeats the row", apply: () => patch(FOLLOW_UP_OPTIONS, { whyBeyondRow: false }) },
  { name: "'and on X?' drops the outcome", apply: () => patch(FOLLOW_UP_OPTIONS, { keepOutcome: false }) },
  { name: "'what did he say': pronoun as asked", apply: () => patch(FOLLOW_UP_OPTIONS, { personPronouns: false }) },
  { name: "'no, I meant X' asked as it stands", apply: () => patch(FOLLOW_UP_OPTIONS, { corrections: false }) },
  { name: "'and Y?' swap: thread keeps X's question", apply: () => patch(FOLLOW_UP_OPTIONS, { swappedSpeakerStays: false }) },
  { name: "'when?' looks in the section first", apply: () => patch(FOLLOW_UP_OPTIONS, { whInLastAnswerFirst: false }) },
  { name: "'and X?' leaves the thread's table", apply: () => patch(THREAD_TABLE_OPTIONS, { threadTableFirst: false }) },
  { name: "'and on <label word>?' not a row", apply: () => patch(THREAD_TABLE_OPTIONS, { rowByLabelWord: false }) },
  { name: 'a ranked row leaves no table focus', apply: () => patch(THREAD_TABLE_OPTIONS, { rowFocusFromCitation: false }) },
  { name: "'who said that': a speaker paragraphs back", apply: () => patch(ATTRIBUTION_OPTIONS, { pronounNamedInParagraph: false }) },
  { name: "'what percentage': any number", apply: () => patch(MEASURE_OPTIONS, { percent: false }) },
  { name: "'how much grown': any number", apply: () => patch(MEASURE_OPTIONS, { change: false }) },
  { name: "'how far/long is': any number", apply: () => patch(MEASURE_OPTIONS, { length: false }) },
  { name: "'how fast': any number", apply: () => patch(MEASURE_OPTIONS, { speed: false }) },
  { name: "'how much water': no unit", apply: () => patch(MEASURE_OPTIONS, { amount: false }) },
  { name: "'how many days': no duration", apply: () => patch(MEASURE_OPTIONS, { time: false }) },
  { name: "'how much notice': any figure", apply: () => patch(MEASURE_OPTIONS, { thing: false }) },
  { name: "'percentage', 'go' as topic", apply: () => patch(MEASURE_OPTIONS, { measureWordsNoTopic: false }) },
  { name: "'days' of 'how many' as topic", apply: () => patch(MEASURE_OPTIONS, { timeUnitNoTopic: false }) },
];

const pct = (rate: { rate: number | null }) => (rate.rate === null ? '   -' : `${(rate.rate * 100).toFixed(0).padStart(3)}%`);
const cells = (m: Metrics) => [pct(m.sectionAt1), pct(m.excerptAt1), pct(m.outOfScopeRefusal), pct(m.wronglyRefused)].join(' ');

console.log('sec@1 exc@1 oos-refused wrongly-refused, per set and split');
console.log(`${'variant'.padEnd(26)} ${EVAL_SETS.flatMap((set) => ['tune', 'heldout'].map((split) => `${set.name.slice(0, 12)}/${split}`.padEnd(24))).join('')}`);
// `npm run eval:ablate -- <words>` runs only the variants whose names contain them (and the shipped one).
const only = process.argv.slice(2).join(' ');
for (const variant of VARIANTS.filter((v, i) => !only || i === 0 || v.name.includes(only))) {
  const restore = variant.apply?.() ?? (() => undefined);
  try {
    const columns: string[] = [];
    for (const set of EVAL_SETS) {
      const run = await runEvalSet(set, variant.options ?? {});
      for (const split of ['tune', 'heldout'] as const) columns.push(cells(run.splits[split].report.overall).padEnd(24));
    }
    console.log(`${variant.name.padEnd(26)} ${columns.join('')}`);
  } finally {
    restore();
  }
}
