import nlp from 'compromise';
import { baseForms, inDictionary } from '../lexicon/expand-word.js';
import type { WordNet } from '../lexicon/wordnet.js';
import { dictionaryForms } from '../lexicon/word-roots.js';
import { analyzeText, splitWords, termsOfWord } from '../text/analyze-terms.js';
import { foldText } from '../text/fold-text.js';
import { asksLengthOfThing } from './measure-questions.js';
import { AUXILIARIES, DETERMINERS } from '../text/function-words.js';
import { CARDINALS } from './measure-units.js';
import { endsOnTitle } from './passages.js';

/** The kind of fact a question asks for; a passage that holds none cannot answer it. */
export type AnswerType = 'person' | 'date' | 'number' | 'money' | 'duration' | 'place';

/** "how much did it cost", and (ANSWER_TYPE_OPTIONS.sizeOfMoney) "how big is the fund": a measure that a word of money makes an amount of money. */
const HOW_MUCH = /\bhow much\b/;
const HOW_MUCH_OR_BIG = /\bhow (much|big|large|small)\b/;

/** "what is the name of the disputed field", "whats the envoys name": a name, as "who" asks. */
const NAME_QUESTION = /\bwhat(?:'s|s| is| was| are| were)? (?:the |their |its |his |her )?names? (?:of|for)\b|\bwhat(?:'s|s| is| was| are| were) (?:\S+ ){1,4}?names?[?!. ]*$/;

const TYPE_OF_WH: Array<[RegExp, AnswerType]> = [
  [/\bhow long\b/, 'duration'],
  [/\bhow (many|much)\b/, 'number'],
  // How big, far, high… asks for a measure.
  [/\bhow (big|large|small|high|far|deep|wide|tall|heavy|fast|old)\b/, 'number'],
  [/\bwhat (number|percentage|share|amount|proportion)\b/, 'number'],
  [/\b(when|what (date|day|time|year|month))\b/, 'date'],
  [/\b(who|whom|whose)\b/, 'person'],
  [NAME_QUESTION, 'person'],
  [/\bwhere\b/, 'place'],
];

/**
 * The answer type a question asks for, from its question words; `which official`, `what minister`
 * ask for a person when WordNet files the noun under noun.person.
 */
export function expectedAnswerType(foldedQuery: string, wordNet: WordNet | undefined): AnswerType | undefined {
  for (const [pattern, type] of TYPE_OF_WH) {
    if (!pattern.test(foldedQuery) || (!ANSWER_TYPE_OPTIONS.nameQuestions && pattern === NAME_QUESTION)) continue;
    // "how long is the dam wall": a length, which a duration cannot give.
    if (type === 'duration' && asksLengthOfThing(foldedQuery, wordNet)) return 'number';
    // "how much did the dam cost", "how much money is the eu putting up": an amount of money, not any number.
    // "how much of the fund will indonesia pay": a part of something, given as a share ("40% of the fund") as often as an amount.
    if (type === 'number' && ANSWER_TYPE_OPTIONS.partsAreShares && /\bhow much of\b/.test(foldedQuery)) return 'number';
    if (type === 'number' && ANSWER_TYPE_OPTIONS.moneyType && wordNet && (ANSWER_TYPE_OPTIONS.sizeOfMoney ? HOW_MUCH_OR_BIG : HOW_MUCH).test(foldedQuery) && splitWords(foldedQuery).some((word) => isMoneyWord(wordNet, word))) return 'money';
    return type;
  }
  // "which official", "what regional stakeholders": the noun right after the question word, or after one
  // modifier; "what did officials do" asks what they did, not who.
  const which = /\b(which|what)\s+(?!(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|should|about)\b)([a-z]+)(?:\s+([a-z]+))?/.exec(foldedQuery);
  if (which && wordNet) {
    for (const noun of which.slice(2)) {
      if (!noun) continue;
      const forms = baseForms(noun);
      // After "what", a word that can be a verb is read as one: "what counts as", "what matters".
      if (which[1] === 'what' && forms.some((form) => wordNet.lookup(form).some((entry) => entry.pos === 'v'))) continue;
      // "which court ruling" asks for a ruling, not a person: the noun must be a person in one of its commonest senses.
      if (forms.some((form) => (ANSWER_TYPE_OPTIONS.whichPersonByCommonSense ? wordNet.isFirstlyPersonNoun(form) : wordNet.isPersonNoun(form)))) return 'person';
    }
  }
  return undefined;
}

/** The months' names, for the patterns below (the number words are CARDINALS, measure-units.ts). */
export const MONTH_LIST = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** Capitalised month names (May only before a day number, as it is also a verb). */
const MONTH_NAMES = /\b(January|February|March|April|June|July|August|September|October|November|December|May \d{1,2})\b/;
const MONTHS = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+\d{1,2}\b|\b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|tonight)\b/i;
const YEAR = /\b(1[89]|20)\d\d\b/;

/** The years a text names ("in late April 2027" → 2027). */
export function yearsOf(text: string): number[] {
  return [...text.matchAll(YEAR_ALL)].map((match) => Number(match[0]));
}
const RELATIVE_DATE = /\b(last|next|this|earlier this|later this)\s+(week|month|year|spring|summer|autumn|fall|winter)\b/i;
/** A season or a period's end as the time of something: "could come by summer", "talks resume in the spring", "by the end of the year". */
const SEASON_DATE = /\b(by|in|until|before|after|during|over|from)\s+(the\s+)?(early\s+|late\s+)?(spring|summer|autumn|winter|end of the (week|month|year))\b/i;
const NUMBER_WORDS = new RegExp(`\\b(${CARDINALS}|dozens?|hundreds?|thousands?|millions?|billions?|percent|half)\\b`, 'i');
const DURATION = new RegExp(
  `\\b(\\d+|a|an|${CARDINALS}|several|few|many|a couple of)[\\s‑-]+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\\b|\\bfor (decades|years|months|weeks|days|hours)\\b|\\b(until|till|through|up to)\\s+(at least\\s+)?((the\\s+)?end\\s+of|(19|20)\\d\\d\\b|(${MONTH_LIST})\\b)`,
  'i',
);

const DURATION_ALL = new RegExp(DURATION.source, 'gi');
const YEAR_ALL = new RegExp(YEAR.source, 'g');
const MONTHS_ALL = new RegExp(MONTHS.source, 'gi');
/** Switch (eval/ablate.ts): whether "how many / how much" needs a number other than a date or a duration. */
export const ANSWER_TYPE_OPTIONS = {
  /** A count's noun comes before any auxiliary verb: "only 412 had an observer on board" counts no observers. */
  countEndsAtVerb: true,
  /** A verb of speaking says something: not signing, writing, recording, authorizing, publishing or agreeing, which WordNet also files under communication. */
  sayingVerbsOnly: true,
  /** "China’s delegation, led by Liu Jianhua, a vice‑minister of water resources, said…": a subject's phrase set off by commas does not part it from its verb. */
  speakerAcrossInsertion: true,
  numbersApartFromTime: true,
  /** "How much" with a word of money (cost, pay, price, money, bill…) needs an amount of money ("140 million euros"). */
  moneyType: true,
  /** …and so does "how big / how large" with a word of money ("how big is the rescue fund" → "$240 million"). */
  sizeOfMoney: true,
  /** A capitalised name after "in", "at", "near"… counts as a place, past compromise's gazetteer. */
  placeAfterPreposition: true,
  /** "where" questions: a place after a preposition ("talks in Barbados") is the answer answerNearQuestion looks for next to the question's words. */
  placeSpans: true,
  /** A word of speaking after a determiner, a preposition, a modal or "to" is no speaker's verb ("of talks", "will pay"). */
  speechVerbNotAfterFunctionWord: true,
  /** "What is the name of X" asks for a name, as "who" does. */
  nameQuestions: true,
  /** Names are looked for in folded text (U+2011 and other hyphens as '-'): "Jean‑Pierre Kabeya" is a name. */
  foldNames: true,
  /** …nor after a possessive ("the IMO's ban", "Japan's offer"). */
  speechVerbNotAfterPossessive: true,
  /** A role's holder may follow the role's whole phrase after a comma ("minister of natural resources and environmental sustainability, Hamzah Idris"). */
  appositionHolders: true,
  /** "How much of X" asks for a part of X: any figure, a share as well as an amount of money. */
  partsAreShares: true,
  /** "Which X" asks for a person only when a person is one of X's two commonest senses ("which minister", not "which court"). */
  whichPersonByCommonSense: true,
};

/** "in Nuuk", "at Longyearbyen", "near Tromsø": a preposition of place, then a capitalised word (not sentence-initial). */
const PLACE_AFTER_PREPOSITION = /\b(?:in|at|near|outside|inside|from|to|towards|across)\s+(?:the\s+)?\p{Lu}[\p{L}’'-]+/u;
/** Capitalised words after those prepositions that are no places: months, days, seasons' names, pronouns. */
const NOT_PLACES = new RegExp(`\\b(?:in|at|near|outside|inside|from|to|towards|across)\\s+(?:the\\s+)?(?:${MONTH_LIST}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I|It|Its|This|That|These|Those|Their|His|Her|Our|My|Your)\\b`, 'g');

/** WordNet's synsets for money and paying: a word whose commonest senses are kinds of them is a word of money. */
const MONEY_NOUNS = new Set(['money', 'monetary_value', 'cost', 'payment', 'financial_obligation', 'fund', 'sum', 'fee', 'charge', 'expense', 'price', 'assets', 'debt']);
const MONEY_VERBS = new Set(['pay', 'spend', 'cost', 'owe', 'finance', 'fund', 'charge']);
/** Hypernym steps looked up from a sense. */
const MONEY_DEPTH = 5;

/** Whether a word is about money in its commonest noun or verb senses (bills → bill → statement of money owed). */
export function isMoneyWord(wordNet: WordNet, word: string): boolean {
  for (const form of dictionaryForms(word)) {
    for (const entry of wordNet.lookup(form)) {
      if (entry.pos !== 'n' && entry.pos !== 'v') continue;
      if (wordNet.reachesKind(entry.pos, entry.offsets.slice(0, 2), entry.pos === 'n' ? MONEY_NOUNS : MONEY_VERBS, MONEY_DEPTH)) return true;
    }
  }
  return false;
}

/** An amount of money: a currency sign or code by a number, or a number with a currency's name. */
const MONEY = /[$€£¥]\s?\d|\d\s?(?:[$€£¥]|(?:USD|EUR|GBP)\b)|\b(?:USD|EUR|GBP)\s?\d|\d[\d,.]*\s+(?:(?:million|billion|thousand|trillion|m|bn)\s+)?(?:[A-Z][a-z]+\s+)?(?:dollars?|euros?|pounds?|kroner|krona|kronor|francs?|yen|yuan|renminbi|roubles?|rubles?|dinars?|rupees?|shekels?|rials?|riyals?|dirhams?|lira|pesos?|rand|naira|shillings?|birr|won)\b/i;

/**
 * The text names are looked for in: typographic hyphens and quotes folded ("Jean‑Pierre Kabeya" with U+2011 is no name
 * to compromise or to the capitalised-run check; "Jean-Pierre Kabeya" is). Excerpts keep the article's characters.
 */
function namesText(text: string): string {
  return ANSWER_TYPE_OPTIONS.foldNames ? foldText(text) : text;
}

/** Places and organisations a passage names (compromise's entity tags). */
export function entityNames(text: string): string[] {
  const doc = nlp(namesText(text));
  return [...doc.places().out('array'), ...doc.organizations().out('array')] as string[];
}

/** What answer types a passage holds (every type; `holdsType` decides one, tagging only when it must). */
export function answerTypesOf(text: string, wordNet: WordNet | undefined): Set<AnswerType> {
  const types = new Set<AnswerType>();
  for (const type of ANSWER_TYPES) if (holdsType(text, type, wordNet)) types.add(type);
  return types;
}

const ANSWER_TYPES: readonly AnswerType[] = ['number', 'money', 'date', 'duration', 'place', 'person'];

/**
 * Whether a passage holds one answer type: the same test as `answerTypesOf` for that type, but the
 * regular expressions and WordNet come first and compromise tags the text only when they cannot decide
 * (tagging is the costly part: dates and durations never need it).
 */
export function holdsType(text: string, type: AnswerType, wordNet: WordNet | undefined): boolean {
  switch (type) {
    case 'number': {
      // A count or an amount: numbers that only give a date or a duration ("four days of talks", "in 2020") do not answer "how much".
      const rest = ANSWER_TYPE_OPTIONS.numbersApartFromTime ? text.replace(DURATION_ALL, ' ').replace(YEAR_ALL, ' ').replace(MONTHS_ALL, ' ') : text;
      return /\d/.test(rest) || NUMBER_WORDS.test(rest) || nlp(rest).match('#Cardinal').found;
    }
    case 'money':
      return MONEY.test(text);
    case 'date':
      return MONTH_NAMES.test(text) || MONTHS.test(text) || WEEKDAYS.test(text) || YEAR.test(text) || RELATIVE_DATE.test(text) || SEASON_DATE.test(text);
    case 'duration':
      return DURATION.test(text);
    case 'place':
      // Compromise knows countries and big cities; news copy also puts a place after "in" ("in Nuuk and in Longyearbyen").
      return (ANSWER_TYPE_OPTIONS.placeAfterPreposition && PLACE_AFTER_PREPOSITION.test(text.replace(NOT_PLACES, ' '))) || nlp(text).match('#Place').found;
    case 'person':
      return hasNameLikeSequence(namesText(text), wordNet) || nlp(namesText(text)).match('#Person').found;
  }
}

/** Each regular expression of a type, to find where in a text its answers are (the `g` flag on a copy). */
const PLACE_AFTER_PREPOSITION_ALL = new RegExp(PLACE_AFTER_PREPOSITION.source, 'gu');
const SPAN_PATTERNS: Partial<Record<AnswerType, RegExp[]>> = {
  money: [MONEY],
  date: [MONTH_NAMES, MONTHS, WEEKDAYS, YEAR, RELATIVE_DATE, SEASON_DATE],
  duration: [DURATION],
  number: [/\d[\d,.]*%?/, NUMBER_WORDS],
};
const SPAN_PATTERNS_ALL = Object.fromEntries(Object.entries(SPAN_PATTERNS).map(([type, patterns]) => [type, patterns.map((pattern) => new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))])) as Partial<Record<AnswerType, RegExp[]>>;

/**
 * Where a text gives an answer of a type found by its patterns (a date, a duration, an amount, a number), as
 * [start, end) character ranges; undefined for the types only a tagger finds (a person, a place). Numbers that
 * only give a date or a duration are no numbers, as in `holdsType`.
 */
export function answerSpans(text: string, type: AnswerType): Array<[number, number]> | undefined {
  const blank = (match: string) => ' '.repeat(match.length);
  // A place after "in", "at", "near"… ("talks in Barbados"); the names compromise alone tags have no span here.
  if (type === 'place' && ANSWER_TYPE_OPTIONS.placeSpans) return [...text.replace(NOT_PLACES, blank).matchAll(PLACE_AFTER_PREPOSITION_ALL)].map((match): [number, number] => [match.index, match.index + match[0].length]);
  const patterns = SPAN_PATTERNS_ALL[type];
  if (!patterns) return undefined;
  const searched = type === 'number' && ANSWER_TYPE_OPTIONS.numbersApartFromTime ? text.replace(DURATION_ALL, blank).replace(YEAR_ALL, blank).replace(MONTHS_ALL, blank) : text;
  return patterns.flatMap((pattern) => [...searched.matchAll(pattern)].map((match): [number, number] => [match.index, match.index + match[0].length]));
}

/**
 * Two or more capitalised words in a row, not opening the sentence, at least one of which is no
 * ordinary English word (WordNet does not know it) — how most people's names look in news copy.
 */
function hasNameLikeSequence(text: string, wordNet: WordNet | undefined): boolean {
  return nameLikeRuns(text.split(/\s+/), wordNet).length > 0;
}

/**
 * The capitalised runs of two words or more, one of them no dictionary word, among `tokens[from..to]` (never the
 * first token, nor a word opening a sentence): "Jean-Pierre Kabeya", "Pattama Srisuk". A comma or a full stop ends a run.
 */
function nameLikeRuns(tokens: readonly string[], wordNet: WordNet | undefined, from = 1, to = tokens.length - 1): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 2 && run.some((word) => word.length > 1 && !inDictionary(wordNet, splitWords(word)[0] ?? ''))) runs.push(run.join(' '));
    run = [];
  };
  for (let i = Math.max(1, from); i <= to && i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    // A capitalised word, hyphenated ones too ("Jean-Pierre"), perhaps closing a clause or a quotation.
    const capital = /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*[,.;:”"’)]*$/u.test(token) && !/[.!?]$/.test(tokens[i - 1] ?? '');
    if (capital) run.push(token.replace(/[,.;:”"’)]+$/u, ''));
    if (!capital || /[,.;:”"’)]$/u.test(token)) close();
  }
  close();
  return runs;
}

/** The noun a "how many" question counts (measure-questions.ts, which also reads "how many days" as a duration). */
export { countedNoun } from './measure-questions.js';

const NUMBER_TOKEN = new RegExp(`^(?:[$€£]?\\d[\\d,.]*%?|${CARDINALS}|hundreds?|thousands?|millions?|dozens?|several|both)$`, 'i');

/**
 * Whether a passage counts the thing: a number, then within a few words one of `terms` ("two new rescue
 * coordination centres", "its 410 passengers", "4,500 households").
 */
export function holdsCount(text: string, terms: ReadonlySet<string>, window = 4): boolean {
  const tokens = text.split(/\s+/).map((token) => token.replace(/^[^\p{L}\p{N}$€£]+|[^\p{L}\p{N}%]+$/gu, ''));
  for (let i = 0; i < tokens.length; i++) {
    // A year counts nothing ("since 1969, when its soldiers…").
    if (!NUMBER_TOKEN.test(tokens[i] as string) || yearsOf(tokens[i] as string).length > 0) continue;
    for (let j = i + 1; j <= i + window && j < tokens.length; j++) {
      const word = (tokens[j] as string).toLowerCase();
      // "412 had an observer on board": a verb ends the number's phrase; what follows is not what it counts.
      if (ANSWER_TYPE_OPTIONS.countEndsAtVerb && AUXILIARIES.has(word)) break;
      if (termsOfWord(word).some((term) => terms.has(term))) return true;
    }
  }
  return false;
}

/** Words that make a role another post: a deputy minister is not the minister (closed-class English rank words). */
const RANKS = new Set(['deputy', 'vice', 'assistant', 'acting', 'former', 'junior', 'interim', 'shadow', 'ex', 'under', 'associate', 'outgoing']);

/** Words either side of a role ("Guyana's foreign secretary, Rajendra Persaud") where its holder's name is looked for. */
const ROLE_NAME_WINDOW = 6;

/**
 * Whether a passage names the holder of a role: a person's name within a few words of one of the role's
 * terms ("EU mediator Lucia Marin", "Kari Nordvik, Norway's state secretary"), not merely a role and a name
 * somewhere in the same sentence ("Clarke said she hoped to bring the two presidents together").
 */
export function namesRoleHolder(text: string, roleTerms: ReadonlySet<string>, wordNet: WordNet | undefined, parties: ReadonlyArray<ReadonlySet<string>> = [], askedWords?: ReadonlySet<string>, sentenceBefore?: string): boolean {
  // "who is japan's fisheries minister": the party is named in the passage ("Zambia sent … the head of its revenue
  // authority, Grace Phiri"), or the role's holder is another's ("Solomon Islands fisheries minister Ruth Tanabose").
  // "Its minister of natural resources, Khamphet Vongsavath" after "Laos, whose revenues…": its party is the one named before.
  if (parties.length > 0) {
    const named = new Set([...analyzeText(text), ...(sentenceBefore !== undefined && POSSESSIVE_PRONOUN.test(text) ? analyzeText(sentenceBefore) : [])]);
    if (!parties.every((terms) => [...terms].some((term) => named.has(term)))) return false;
  }
  const tokens = text.split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    if (!splitWords(tokens[i] as string).some((word) => termsOfWord(word).some((term) => roleTerms.has(term)))) continue;
    // "who is kosovo's prime minister": a "deputy prime minister" holds another post (a rank the question did not name).
    if (askedWords && tokens.slice(Math.max(0, i - 2), i).some((token) => splitWords(token).some((word) => RANKS.has(word) && !askedWords.has(word)))) continue;
    const window = tokens.slice(Math.max(0, i - ROLE_NAME_WINDOW), i + ROLE_NAME_WINDOW + 1).join(' ');
    if (hasNameLikeSequence(namesText(window), wordNet) || nlp(namesText(window)).match('#Person').found) return true;
    if (ANSWER_TYPE_OPTIONS.appositionHolders && namesInApposition(tokens, i, wordNet)) return true;
  }
  return false;
}

/** A possessive pronoun that stands for a party named earlier ("its minister", "their envoy"). */
const POSSESSIVE_PRONOUN = /\b(?:its|their)\b/i;

/**
 * The names of the people a passage gives a role's holder as, next to the role ("its minister of transport,
 * Jean‑Pierre Kabeya" → "Jean-Pierre Kabeya"): capitalised runs of two words or more, one of them no dictionary word,
 * within the role's window.
 */
export function roleHolderNames(text: string, roleTerms: ReadonlySet<string>, wordNet: WordNet | undefined): string[] {
  const tokens = namesText(text).split(/\s+/);
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!splitWords(tokens[i] as string).some((word) => termsOfWord(word).some((term) => roleTerms.has(term)))) continue;
    // After the role, as far as its own phrase may run ("minister of natural resources and environment, Pattama Srisuk").
    for (const name of nameLikeRuns(tokens, wordNet, i - ROLE_NAME_WINDOW, i + APPOSITION_WINDOW)) names.add(name);
  }
  return [...names];
}

/** How far a role's own phrase may run before the comma of its holder's name ("minister of natural resources and environmental sustainability, Hamzah Idris"). */
const APPOSITION_WINDOW = 12;

/** The role at `i` is followed, after its phrase and a comma, by a name: news copy's apposition. */
function namesInApposition(tokens: readonly string[], i: number, wordNet: WordNet | undefined): boolean {
  for (let j = i; j < Math.min(tokens.length, i + APPOSITION_WINDOW); j++) {
    // The role's phrase ends at the first comma; a full stop or a semicolon ends the sentence's clause first.
    if (/[.;:!?]["”’]?$/.test(tokens[j] as string)) return false;
    if (!(tokens[j] as string).endsWith(',')) continue;
    const after = namesText(tokens.slice(j + 1, j + 4).join(' '));
    return /^\p{Lu}/u.test(after) && (hasNameLikeSequence(` ${after}`, wordNet) || nlp(after).match('^#Person').found);
  }
  return false;
}

/**
 * "What did Israel say", "what does Serbia think of…": a question about what a party said. Returns the
 * words naming the speaker, or undefined for any other question.
 */
export function askedSpeaker(foldedQuery: string): string | undefined {
  const match = /\b(?:what|how)\s+(?:did|does|do|has|have|had|is|are|was|were)\s+(.+?)\s+(?:say|saying|said|tell|telling|told|claim|claiming|think|thinking|argue|arguing)\b/.exec(foldedQuery);
  return match?.[1];
}

/** WordNet's lexicographer file for verbs of telling, asking, ordering, singing: https://wordnet.princeton.edu/documentation/lexnames5wn */
const LEX_VERB_COMMUNICATION = 32;
/**
 * Acts WordNet files under communication that say nothing of their own (a sense at or under one of these): signing and
 * writing, recording and filing, authorizing and ratifying, publishing, agreeing. "Vietnam … signed the Mekong
 * Agreement" is no answer to "what did vietnam say", nor "the foreign fleets that fish their waters agreed…" to "what
 * did the fishing companies say".
 */
const NOT_SAYING: ReadonlySet<string> = new Set(['write', 'record', 'authorize', 'validate', 'publicize', 'agree']);
/** Hypernym steps looked up from a sense of communication. */
const SAYING_DEPTH = 4;

/** A speaker's name and its verb sit this close in news copy ("Kosovo's deputy prime minister, Arta Krasniqi, said"). */
const SPEAKER_VERB_WINDOW = 8;
/** The comma opening a subject's inserted phrase comes within this many words of the speaker ("China’s delegation,")… */
const INSERTION_OPENS_WITHIN = 2;
/** …and the phrase runs at most this long before the closing comma and the verb. */
const INSERTION_MAX_WORDS = 20;
/** "…,” said the EU's envoy", "according to the Arctic Council's…": the speaker this close after the verb. */
const INVERTED_ATTRIBUTION_WINDOW = 3;

/** Whether a word is a verb of speaking in one of its two commonest verb senses (said, stressed, conveyed, told, warned). */
export function isCommunicationVerb(word: string, wordNet: WordNet): boolean {
  // A modal or auxiliary ("will", "may", "can") is never the verb of speaking, whatever its dictionary senses (will → decree).
  if (AUXILIARIES.has(word)) return false;
  const forms = dictionaryForms(word);
  for (const form of forms) {
    for (const entry of wordNet.lookup(form)) {
      if (entry.pos === 'v' && entry.offsets.slice(0, 2).some((offset) => wordNet.synset('v', offset)?.lexFile === LEX_VERB_COMMUNICATION && (!ANSWER_TYPE_OPTIONS.sayingVerbsOnly || !wordNet.reachesKind('v', [offset], NOT_SAYING, SAYING_DEPTH)))) return true;
    }
  }
  return false;
}

/**
 * Whether a passage has the speaker speaking: one of `speakerTerms` followed, within a few words of the same
 * sentence, by a verb of speaking ("Iranian representatives conveyed", "Keita told reporters"). A passage
 * that only mentions the party ("escalations between Israel and…") cannot say what it said.
 */
export function holdsSpeech(text: string, speakerTerms: ReadonlySet<string>, wordNet: WordNet): boolean {
  return speaks(text, (words, i) => namesSpeakerAt(words, i, speakerTerms), wordNet);
}

/**
 * Whether the word at `i` names the speaker: one of its terms, or the last word of a name of several words
 * (the entry "unit state" for "the United States") whose other words come right before it — "the nine
 * island states" does not name the United States.
 */
export function namesSpeakerAt(words: readonly string[], i: number, speakerTerms: ReadonlySet<string>): boolean {
  if (termsOfWord(words[i] ?? '').some((term) => speakerTerms.has(term))) return true;
  for (const entry of speakerTerms) {
    if (!entry.includes(' ')) continue;
    const parts = entry.split(' ');
    const start = i - parts.length + 1;
    if (start >= 0 && parts.every((part, k) => termsOfWord(words[start + k] ?? '').includes(part))) return true;
  }
  return false;
}

const PRONOUNS = new Set(['he', 'she', 'they']);

/** Whether a passage has a pronoun speaking ("…,” he said on Thursday): its speaker is named before it. */
export function holdsPronounSpeech(text: string, wordNet: WordNet): boolean {
  // The pronoun is the verb's subject, right before it ("he said", "she added"), not any "they" of the sentence.
  return speaks(text, (words, i) => PRONOUNS.has(words[i] ?? ''), wordNet, { window: PRONOUN_VERB_WINDOW, acrossInsertion: false });
}

/** "he said", "she told reporters", "he added on Thursday": a pronoun speaker right before its verb. */
const PRONOUN_VERB_WINDOW = 1;

/** A passage's clauses, cut after sentence and clause punctuation but never after a title before a name ('said Dr. Amal Fathy'). */
function clausesOf(text: string): string[] {
  const clauses: string[] = [];
  for (const piece of text.split(/(?<=[.!?;:])\s+/)) {
    const last = clauses.length - 1;
    if (last >= 0 && endsOnTitle(clauses[last] ?? '')) clauses[last] = `${clauses[last]} ${piece}`;
    else clauses.push(piece);
  }
  return clauses;
}

/**
 * Words after which a word of speaking is no verb of the speaker's: a determiner or a preposition makes it a
 * noun ("four days of talks", "the question"), a modal or "to" an infinitive ("will pay", "could not agree").
 * Closed-class English function words.
 */
const NO_VERB_AFTER = new Set([...DETERMINERS, 'my', 'your', 'no', 'of', 'in', 'on', 'for', 'with', 'from', 'at', 'by', 'about', 'into', 'over', 'under', 'between', 'among', 'to', 'not', 'never', ...[...AUXILIARIES].filter((word) => !/^(?:have|has|had|be|is|are|was|were|been|being)$/.test(word))]);

/** Whether the word after `previous` cannot be a verb: after a function word, or after a possessive ("the IMO's ban", "Japan's offer": a noun). */
function noVerbAfter(previous: string | undefined): boolean {
  if (previous === undefined) return false;
  if (ANSWER_TYPE_OPTIONS.speechVerbNotAfterFunctionWord && NO_VERB_AFTER.has(previous)) return true;
  return ANSWER_TYPE_OPTIONS.speechVerbNotAfterPossessive && /'s$|s'$/.test(previous);
}

function speaks(text: string, isSpeaker: (words: readonly string[], i: number) => boolean, wordNet: WordNet, near: { window: number; acrossInsertion: boolean } = { window: SPEAKER_VERB_WINDOW, acrossInsertion: true }): boolean {
  const { window } = near;
  for (const sentence of clausesOf(text)) {
    // Words with their case: a capitalised word inside the sentence is a name ("the United States"), never the verb.
    const tokens = sentence.split(/\s+/);
    // Each word knows whether its token is capitalised (a name) and whether the token before it closed a quote or a clause.
    const words = tokens.flatMap((token, t) => splitWords(token).map((word) => ({ word, name: t > 0 && /^[\p{Lu}]/u.test(token), afterBreak: t === 0 || /[,”"’'—]$/.test(tokens[t - 1] ?? ''), afterComma: t > 0 && /,$/.test(tokens[t - 1] ?? '') })));
    const plain = words.map(({ word }) => word);
    let lastSpeaker = -Infinity;
    let lastVerb = -Infinity;
    // Where the clause's subject phrase is set off by a comma right after the speaker ("China’s delegation, led by …,"), if it is.
    let insertionFrom = -Infinity;
    for (let i = 0; i < words.length; i++) {
      const { word, name, afterBreak, afterComma } = words[i] as { word: string; name: boolean; afterBreak: boolean; afterComma: boolean };
      if (isSpeaker(plain, i)) {
        for (let k = i + 1; k <= i + INSERTION_OPENS_WITHIN && k < words.length; k++) {
          if (words[k]?.afterComma) {
            insertionFrom = k;
            break;
          }
        }
        // Attribution after the quote, "… said the envoy", or "according to the envoy".
        if (i - lastVerb <= INVERTED_ATTRIBUTION_WINDOW) return true;
        // …or the name in apposition to the speaker's role: "…,” said Malaysia’s minister of natural resources and environmental sustainability, Hamzah Idris.
        if (ANSWER_TYPE_OPTIONS.appositionHolders && afterBreak && i - lastVerb <= APPOSITION_WINDOW && words.slice(lastVerb + 1, i - 1).every((between) => !between.afterBreak)) return true;
        lastSpeaker = i;
      } else if (!name && !noVerbAfter(words[i - 1]?.word) && isCommunicationVerb(word, wordNet)) {
        if (i - lastSpeaker <= window) return true;
        // "China’s delegation, led by Liu Jianhua, a vice‑minister of water resources, said …": the subject, a phrase set off by
        // commas, then its verb right after the closing comma.
        if (ANSWER_TYPE_OPTIONS.speakerAcrossInsertion && near.acrossInsertion && afterComma && insertionFrom > lastSpeaker && i - insertionFrom <= INSERTION_MAX_WORDS) return true;
        // Only a verb opening its clause introduces the speaker after it ("…,” said Marin"), not one taking an object ("acknowledged Oman's mediation").
        if (afterBreak) lastVerb = i;
      } else if (word === 'according' && words[i + 1]?.word === 'to') lastVerb = i + 1;
    }
  }
  return false;
}

/**
 * The people or bodies a passage names as the doer of a passive verb, by their role ("brokered by the envoy's
 * team", "read by a neutral contractor"): the head nouns after "by", up to three words on, that WordNet files
 * as a person or a group (the last of them: the head of "a neutral contractor"). A "who" question is answered by them when the passage holds the whole question.
 */
export function passiveAgentRoles(text: string, wordNet: WordNet): string[] {
  const roles: string[] = [];
  const words = text.toLowerCase().split(/[^a-z'’]+/).filter(Boolean);
  for (let i = 0; i + 1 < words.length; i++) {
    // A past participle before "by" ("brokered", "read", "paid"): a verb in WordNet, as written or by its regular root.
    const verb = words[i - 1] ?? '';
    if (words[i] !== 'by' || !baseForms(verb).some((form) => wordNet.lookup(form).some((entry) => entry.pos === 'v'))) continue;
    // The last such noun of the phrase is its head: "a neutral contractor", "the envoy's team".
    let head: string | undefined;
    for (const word of words.slice(i + 1, i + 4)) {
      const bare = word.replace(/['’]s$/, '');
      if (wordNet.isPersonNoun(bare) || wordNet.isGroupNoun(bare)) head = bare;
    }
    if (head) roles.push(head);
  }
  return roles;
}
