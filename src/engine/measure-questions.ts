/**
 * What a figure must measure to answer a "how much / how far / how fast / what percentage" question: a share
 * ("what percentage did shipping grow" → "rose by 37 per cent"), a distance ("how far from shore" → "within 500
 * metres"), a speed ("how fast must ships go" → "a 10‑knot speed limit"), an amount of a substance ("how much
 * water" → "31 billion cubic metres"), or the asked thing itself ("how much notice" → "24 hours' notice").
 * The question's nouns are told apart by WordNet's lexicographer files
 * (https://wordnet.princeton.edu/documentation/lexnames5wn), the units are data (measure-units.ts).
 */
import { baseForms } from '../lexicon/expand-word.js';
import { dictionaryForms, rootOf } from '../lexicon/word-roots.js';
import { termsOfWord } from '../text/analyze-terms.js';
import type { WordNet } from '../lexicon/wordnet.js';
import { AUXILIARIES, DETERMINERS } from '../text/function-words.js';
import { CARDINALS, MEASURE_UNITS, TIME_UNITS } from './measure-units.js';

/**
 * What an asked figure measures: each needs a figure of its kind (`change`: a share, a multiple, "by 300", "from 40
 * to 52"; `time`: a counted duration, "four days"); `thing` needs a figure counting the asked noun.
 */
export type MeasureKind = 'percent' | 'change' | 'length' | 'speed' | 'amount' | 'time' | 'thing';

export interface AskedMeasure {
  kind: MeasureKind;
  /** Only a passage giving a figure of this kind can answer. */
  strict: boolean;
  /** For `thing` and `amount`: the noun whose figure is asked ("notice" in "how much notice before patrols", "water"). */
  noun?: string;
  /** For `time`: the unit counted ("month" in "how many months"), when one is. */
  unit?: string;
  /** For `length`: the size of a thing ("how long is the wall"), which "800 metres from the wall" does not give. */
  ofThing?: boolean;
  /** For `amount`: land or track, measured out in lengths too ("how much track" → "1,344 kilometres"). */
  extent?: boolean;
}

/** Switches (eval/ablate.ts): each kind of measure a "how much / how far / what share" question may ask for. */
export const MEASURE_OPTIONS = {
  /** "what percentage / share / proportion" needs a share: "37 per cent", "12%", "half". */
  percent: true,
  /** "by how much", "how much / how far has X grown / fallen" needs a change: a share, a multiple, "by 300", "from 40 to 52" (not "9 pilots"). */
  change: true,
  /** "how far from shore", "how long is the dam wall", "how deep is the river" need a distance or a length. */
  length: true,
  /** "how fast must ships go" needs a speed (knots, km/h, mph). */
  speed: true,
  /** "how much water / oil / tuna / land" needs an amount with a unit (tonnes, cubic metres, barrels, hectares) or its worth ("$95,000 worth of skipjack"). */
  amount: true,
  /** "how many days of talks", "how much time": a counted duration ("four days of talks"), which is otherwise no number. */
  time: true,
  /** "how much notice" needs a figure of notice ("24 hours' notice"), not a number of something else. */
  thing: true,
  /** "percentage" in "what percentage…" and "go" in "how fast must ships go" say what is measured, not what about (no topic words). */
  measureWordsNoTopic: true,
  /** …and "days" in "how many days of talks". */
  timeUnitNoTopic: true,
};

/** WordNet lexicographer files. Things with a place and a size: noun.animal 5, artifact 6, location 15, object 17, substance 27. */
const LEX = { animal: 5, artifact: 6, food: 13, location: 15, object: 17, plant: 20, substance: 27, time: 28 } as const;
/** Subjects a length or a speed is asked of: a wall, a river, a ship, a narwhal, the ice. */
const PHYSICAL = new Set<number>([LEX.animal, LEX.artifact, LEX.location, LEX.object, LEX.substance]);
/** What a distance is measured from ("from shore", "off the coast", "from the dam"); "to" only a place ("close to the border", not "to a deal"). */
const REFERENCE_FROM = new Set<number>([LEX.artifact, LEX.location, LEX.object]);
const REFERENCE_TO = new Set<number>([LEX.location, LEX.object]);
/** Nouns weighed, poured or measured out rather than counted: water, oil, tuna, grain, and (noun.object) land, track. */
const AMOUNT_NOUNS = new Set<number>([LEX.animal, LEX.food, LEX.object, LEX.plant, LEX.substance]);

const COPULAS = new Set(['is', 'are', 'was', 'were']);
/** Words that end a noun phrase: prepositions, conjunctions, question and relative words, and the auxiliaries. */
const PHRASE_ENDS = new Set([
  ...AUXILIARIES,
  ...'of in on at from to by for with between into onto off near under over across along within around past after before during than and or but who what which that when where how why'.split(' '),
]);

const PERCENT_QUESTION = /\bwhat (?:percentage|percent|per cent|share|proportion|fraction)\b|\bby what (?:percentage|percent|per cent|proportion|factor)\b|\bhow many (?:per cent|percent|percentage points)\b/;
const SPATIAL = /\bhow (far|close|near|deep|wide|high|tall|long|fast)\b/;
const HOW_MUCH_NOUN = /\bhow much (?:more |less |of the |of )?([a-z]+)/;

/** The noun a "how many" question counts ("how many officials were…" → officials), or undefined. */
export function countedNoun(foldedQuery: string): string | undefined {
  return /\bhow many\s+(?:more\s+|new\s+|of\s+the\s+)?([a-z]+)/.exec(foldedQuery)?.[1];
}

/** A question's measure, or undefined when it asks for no measure or an ordinary number will do. */
export function askedMeasure(foldedQuery: string, wordNet: WordNet | undefined): AskedMeasure | undefined {
  if (MEASURE_OPTIONS.percent && PERCENT_QUESTION.test(foldedQuery)) return { kind: 'percent', strict: true };
  const counted = countedNoun(foldedQuery);
  const unit = counted?.replace(/s$/, '');
  if (MEASURE_OPTIONS.time && unit !== undefined && TIME_UNITS.has(unit)) return { kind: 'time', strict: true, unit };
  if (!wordNet) return undefined;
  const words = foldedQuery.split(/[^a-z0-9'’]+/).filter(Boolean);
  const spatial = SPATIAL.exec(foldedQuery);
  const asksChange = /\bby how much\b/.test(foldedQuery) || (/\bhow (much|far)\b/.test(foldedQuery) && words.some((word) => isChangeVerb(wordNet, word)));
  if (MEASURE_OPTIONS.change && asksChange) return { kind: 'change', strict: true };
  if (spatial) {
    const adverb = spatial[1] as string;
    const after = foldedQuery.slice(spatial.index + spatial[0].length).split(/[^a-z0-9'’]+/).filter(Boolean);
    if (adverb === 'fast') return MEASURE_OPTIONS.speed && physicalSubject(wordNet, after, false) ? { kind: 'speed', strict: true } : undefined;
    if (!MEASURE_OPTIONS.length) return undefined;
    if (adverb === 'far' || adverb === 'close' || adverb === 'near') return measuredFromPlace(wordNet, after) ? { kind: 'length', strict: true } : undefined;
    return physicalSubject(wordNet, after, true) ? { kind: 'length', strict: true, ofThing: true } : undefined;
  }
  const much = HOW_MUCH_NOUN.exec(foldedQuery)?.[1];
  if (much && !AUXILIARIES.has(much)) {
    const senses = nounSenses(wordNet, much);
    if (senses.length === 0) return undefined;
    const kinds = senses.slice(0, 2).map((sense) => sense.lexFile);
    if (MEASURE_OPTIONS.amount && kinds.some((kind) => AMOUNT_NOUNS.has(kind))) return { kind: 'amount', strict: true, noun: much, extent: !kinds.some((kind) => kind !== LEX.object && AMOUNT_NOUNS.has(kind)) };
    // "how much time / delay": a noun of time (noun.time, in one of its two commonest senses) is measured by a duration.
    if (senses.slice(0, 2).some((sense) => sense.lexFile === LEX.time)) return MEASURE_OPTIONS.time ? { kind: 'time', strict: true } : undefined;
    if (MEASURE_OPTIONS.thing) return { kind: 'thing', strict: true, noun: much };
  }
  return undefined;
}

/** "what percentage did shipping grow", "what share of the catch": the measure after "what", like "long" after "how". */
const WHAT_MEASURE = new Set(['percentage', 'percent', 'proportion', 'share', 'fraction']);
/** WordNet's verb.motion file: go, sail, travel, come. */
const LEX_VERB_MOTION = 38;

/**
 * A question's words without those that only name the measure it asks for: "percentage" after "what", the unit
 * of "how many days", and after "how fast / far / close / near" a verb of moving ("how fast must ships go", "how close can ships come"):
 * a word whose commonest sense is a verb of verb.motion, used more as a verb than as a noun (not "ship").
 */
export function withoutMeasureWords(words: string[], wordNet: WordNet | undefined): string[] {
  if (!MEASURE_OPTIONS.measureWordsNoTopic) return words;
  const what = words.indexOf('what');
  if (what >= 0 && WHAT_MEASURE.has(words[what + 1] ?? '')) return [...words.slice(0, what + 1), ...words.slice(what + 2)];
  const how = words.indexOf('how');
  // "how many days of talks": the unit of time is how the answer is counted, as "long" in "how long".
  if (how >= 0 && words[how + 1] === 'many' && MEASURE_OPTIONS.timeUnitNoTopic && TIME_UNITS.has((words[how + 2] ?? '').replace(/s$/, ''))) return [...words.slice(0, how + 2), ...words.slice(how + 3)];
  if (how < 0 || !wordNet || !['fast', 'far', 'close', 'near'].includes(words[how + 1] ?? '')) return words;
  return words.filter((word, i) => i <= how + 1 || !isMotionVerb(wordNet, word));
}

function isMotionVerb(wordNet: WordNet, word: string): boolean {
  const entries = wordNet.lookup(word);
  const verb = entries.find((entry) => entry.pos === 'v');
  const noun = entries.find((entry) => entry.pos === 'n');
  return verb !== undefined && verb.tagSenseCount > (noun?.tagSenseCount ?? 0) && wordNet.synset('v', verb.offsets[0] ?? -1)?.lexFile === LEX_VERB_MOTION;
}

/** "how long is the dam wall", "how long are the new berths": a length asked of a thing, not a duration. */
export function asksLengthOfThing(foldedQuery: string, wordNet: WordNet | undefined): boolean {
  const match = /\bhow long\b/.exec(foldedQuery);
  if (!match || !wordNet || !MEASURE_OPTIONS.length) return false;
  return physicalSubject(wordNet, foldedQuery.slice(match.index + match[0].length).split(/[^a-z0-9'’]+/).filter(Boolean), true);
}

interface NounSense {
  lexFile: number;
  properName: boolean;
}

/**
 * A word's noun senses, commonest first, as written or as a plural (ships → ship); none for a past form or a
 * short -s form ("held", "goes"), which are verbs.
 */
function nounSenses(wordNet: WordNet, word: string): NounSense[] {
  const forms = wordNet.lookup(word).length > 0 ? [word] : baseForms(word).filter((form) => form !== word && /s$/.test(word) && !/(ed|ing)$/.test(word));
  for (const form of forms) {
    const entry = wordNet.lookup(form).find((candidate) => candidate.pos === 'n');
    if (!entry) continue;
    return entry.offsets.flatMap((offset) => {
      const synset = wordNet.synset('n', offset);
      return synset ? [{ lexFile: synset.lexFile, properName: synset.properName || synset.pointers.some((pointer) => pointer.symbol === '@i') }] : [];
    });
  }
  return [];
}

/** The noun phrase opening `words`, after its determiner ("the dam wall"), and the words after it. */
function openingPhrase(words: string[]): { phrase: string[]; rest: string[] } {
  let i = 0;
  while (i < words.length && DETERMINERS.has(words[i] as string)) i++;
  const start = i;
  while (i < words.length && i - start < 4 && !PHRASE_ENDS.has(words[i] as string)) i++;
  return { phrase: words.slice(start, i), rest: words.slice(i) };
}

/**
 * "how long is the dam wall", "how deep is the river", "how fast must ships go": the subject after the verb is a
 * thing with a size. With `copulaOnly`, the verb is "is / are / was / were" (or "will … be") and nothing but a
 * place follows the subject: "how long will ships be held" asks for a duration.
 */
function physicalSubject(wordNet: WordNet, after: string[], copulaOnly: boolean): boolean {
  const verb = after[0];
  if (verb === undefined || !AUXILIARIES.has(verb) || (copulaOnly && !COPULAS.has(verb) && verb !== 'will' && verb !== 'would')) return false;
  const { phrase, rest } = openingPhrase(after.slice(1));
  if (copulaOnly) {
    // "how long are trains held at dilolo": a passive verb after the subject asks how long something lasts.
    const tail = COPULAS.has(verb) ? rest : rest[0] === 'be' ? rest.slice(1) : undefined;
    if (tail === undefined || (tail.length > 0 && (AUXILIARIES.has(tail[0] as string) || !PHRASE_ENDS.has(tail[0] as string)))) return false;
    if (phrase.length > 1 && rootOf(phrase[phrase.length - 1] as string).verbForm) return false;
  } else if (phrase.length > 1 && wordNet.lookup(phrase[phrase.length - 1] as string).some((entry) => entry.pos === 'v')) {
    // "how fast must ships go": the phrase runs on into the main verb.
    phrase.pop();
  }
  const head = phrase[phrase.length - 1];
  const first = head === undefined ? undefined : nounSenses(wordNet, head)[0];
  return first !== undefined && !first.properName && PHYSICAL.has(first.lexFile);
}

/** "how far from shore", "how close to the narwhal areas": a distance from a thing or a place, not "how close to a deal". */
function measuredFromPlace(wordNet: WordNet, after: string[]): boolean {
  for (let i = 0; i < after.length; i++) {
    const preposition = after[i] as string;
    const kinds = preposition === 'from' || preposition === 'off' ? REFERENCE_FROM : preposition === 'to' ? REFERENCE_TO : undefined;
    if (!kinds) continue;
    const { phrase } = openingPhrase(after.slice(i + 1));
    const head = phrase[phrase.length - 1];
    const first = head === undefined ? undefined : nounSenses(wordNet, head)[0];
    if (first && kinds.has(first.lexFile)) return true;
  }
  return false;
}

/** WordNet's verbs of changing in amount: a sense is one of them, or its hypernym a step or two up ("rise" → grow → increase). */
const CHANGE_ANCHORS = new Set(['increase', 'decrease']);
const CHANGE_DEPTH = 2;

/** Whether a word is a verb of growing or shrinking (grown, fell, risen, dropped, doubled), in any of its verb senses. */
export function isChangeVerb(wordNet: WordNet, word: string): boolean {
  // Past participles the stemmer and compromise leave as they are: grown, risen, fallen, shrunk.
  const forms = new Set([...dictionaryForms(word), word.replace(/en$/, ''), word.replace(/n$/, '')]);
  for (const form of forms) {
    for (const entry of wordNet.lookup(form)) {
      if (entry.pos !== 'v') continue;
      if (wordNet.reachesKind('v', entry.offsets, CHANGE_ANCHORS, CHANGE_DEPTH)) return true;
    }
  }
  return false;
}

/** A figure: digits, or a number word, optionally of millions ("31 billion", "four", "1.8"). */
const FIGURE = `(?:\\d[\\d,.]*|${CARDINALS})(?:\\s+(?:hundred|thousand|million|billion))?`;
/** Between a figure and its unit: a space or a hyphen, often a non-breaking one ("10‑knot", "500-metre"). */
const JOIN = '[\\s\\u2010\\u2011-]*';
const unitsPattern = (units: readonly string[]) => new RegExp(`\\b${FIGURE}${JOIN}(?:${units.map((unit) => unit.replace(/\\s\+/g, '[\\s\\u2010\\u2011-]+')).join('|')})(?![\\p{L}\\d])`, 'giu');

const PERCENT = new RegExp(`\\b${FIGURE}${JOIN}(?:%|per\\s?cent\\b|percent\\b|percentage points?\\b)|\\d%`, 'gi');
const FRACTION = /\b(?:half|(?:a|one|two)[\s-]thirds?|(?:a|one|three)[\s-]quarters?|a (?:fifth|sixth|tenth)|one in (?:two|three|four|five|six|ten)|\d+ (?:in|out of) \d+)\b/gi;
/** A counted duration: a number of units of time ("four days", "18 months", "24 hours'"), not "for decades" nor "every five years". */
const countedTime = (units: readonly string[]) => new RegExp(`(?<!\\bevery\\s)\\b(?:${FIGURE}|a few|several|a couple of)${JOIN}(?:${units.join('|')})s?\\b`, 'gi');
const COUNTED_TIME = new Map<string | undefined, RegExp>([[undefined, countedTime([...TIME_UNITS])], ...[...TIME_UNITS].map((unit): [string, RegExp] => [unit, countedTime([unit])])]);
const MULTIPLE = /\b(?:doubled|tripled|trebled|quadrupled|halved|(?:two|three|four|five|ten)fold)\b/gi;
/** Not a year: "by 2030" is a deadline and "from 2013 to 2023" a period, no change. */
const NO_YEAR = '(?!(?:19|20)\\d\\d\\b)';
/** A change told by its size or its ends: "rose by 300", "fell by about $2,000", "cut by a third", "from 40 to 52", "from $8,000 to $10,000". */
const CHANGE_BY = new RegExp(`\\bby\\s+(?:about\\s+|some\\s+|nearly\\s+|almost\\s+|more than\\s+|over\\s+)?(?:${NO_YEAR}[$€£]?${FIGURE}|half|a (?:third|quarter|fifth|tenth))`, 'gi');
const FROM_TO = new RegExp(`\\bfrom\\s+(?:about\\s+)?${NO_YEAR}[$€£]?${FIGURE}\\S*\\s+(?:\\S+\\s+){0,3}?to\\s+(?:about\\s+)?[$€£]?${FIGURE}`, 'gi');
/** After a distance: what it is measured from ("800 metres from the wall", "500 metres off the coast"). */
const DISTANCE_FROM = /^\s+(?:from|off|away|short)\b/i;

/** An amount told by its worth: "about $95,000 worth of skipjack", "€2 million worth of fuel". */
const WORTH = /(?:[$€£¥]\s?\d[\d,.]*(?:\s?(?:million|billion|thousand|m|bn))?|\d[\d,.]*\s+(?:(?:million|billion|thousand)\s+)?(?:dollars|euros|pounds))\s+worth\s+of\b/gi;
const SPAN_PATTERNS: Record<Exclude<MeasureKind, 'thing' | 'time'>, RegExp[]> = {
  percent: [PERCENT, FRACTION],
  change: [PERCENT, MULTIPLE, CHANGE_BY, FROM_TO],
  length: [unitsPattern(MEASURE_UNITS.length)],
  speed: [unitsPattern(MEASURE_UNITS.speed)],
  amount: [unitsPattern(MEASURE_UNITS.amount), WORTH],
};
const EXTENT = [unitsPattern([...MEASURE_UNITS.amount, ...MEASURE_UNITS.length]), WORTH];

/**
 * Where a text gives a figure of a measure, as [start, end) character ranges. Empty for `thing`, which any
 * figure next to its noun answers.
 */
export function measureSpans(text: string, measure: AskedMeasure): Array<[number, number]> {
  const { kind } = measure;
  if (kind === 'thing') return [];
  // "how many months": a number of months, not "every five years".
  const patterns = kind === 'time' ? [COUNTED_TIME.get(measure.unit) ?? (COUNTED_TIME.get(undefined) as RegExp)] : kind === 'amount' && measure.extent ? EXTENT : SPAN_PATTERNS[kind];
  const spans = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match): [number, number] => [match.index, match.index + match[0].length]));
  // "800 metres from the harbour wall" is how far something keeps from the wall, not how long the wall is.
  return measure.ofThing ? spans.filter(([, end]) => !DISTANCE_FROM.test(text.slice(end, end + 12))) : spans;
}

/** A number as a word of text: digits, or a number word ("24", "1,930", "four"). */
const NUMBER_WORD = new RegExp(`^(?:[$€£]?\\d[\\d,.]*%?|${CARDINALS})$`, 'i');
/** Words that put a figure to the noun before them: "notice of 24 hours", "the bills at about 140 million euros". */
const FIGURE_LINKS = new Set(['of', 'at']);
/** Words of its figure this close after the noun ("bills at about 140"). */
const FIGURE_AFTER_WINDOW = 3;

/**
 * Whether a text puts a figure to the noun after it: one of `terms`, then "of" or "at" and within a few words a
 * number ("a notice of 24 hours", "puts the unpaid bills at about 140 million euros"). Figures before the noun
 * ("24 hours' notice") are what `holdsCount` finds.
 */
export function figureAfterNoun(text: string, terms: ReadonlySet<string>): boolean {
  const tokens = text.split(/\s+/).map((token) => token.replace(/^[^\p{L}\p{N}$€£]+|[^\p{L}\p{N}%]+$/gu, ''));
  for (let i = 0; i < tokens.length; i++) {
    if (!termsOfWord((tokens[i] as string).toLowerCase()).some((term) => terms.has(term))) continue;
    const after = tokens.slice(i + 1, i + 1 + FIGURE_AFTER_WINDOW + 1);
    const link = after.findIndex((token) => FIGURE_LINKS.has(token.toLowerCase()));
    if (link >= 0 && after.slice(link + 1).some((token) => NUMBER_WORD.test(token))) return true;
  }
  return false;
}

/** Where a text gives a share ("97%", "15 per cent", "half"): of an amount when it stands by the amount's noun ("97%: the share of Egypt's fresh water"). */
export function shareSpans(text: string): Array<[number, number]> {
  return [PERCENT, FRACTION].flatMap((pattern) => [...text.matchAll(pattern)].map((match): [number, number] => [match.index, match.index + match[0].length]));
}
