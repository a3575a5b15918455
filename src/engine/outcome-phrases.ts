/**
 * How English states the outcome of talks: whether a sentence, list item, table cell or heading says that
 * something was agreed ("agreed to pool money", "Agreed in principle", "the memorandum signed on Tuesday")
 * or that it was not ("No agreement on when to ban heavy fuel oil", "ended without a deal on the Tigri
 * area", "could not agree whether", "the question that has stalled every round", "Open; Angola to table…").
 *
 * The constructions are closed-class phrasing (negators, modals, conditionals and a few fixed idioms of
 * negotiation: sticking point, deadlock, put off), kept here as short lists; none is a word of a particular
 * article. The agreement words themselves are a few kept verbs and nouns, widened through WordNet by their
 * derivations (settle → settlement, decide → decision) and antonyms (agree → disagree, resolved →
 * unresolved, settled → unsettled).
 */
import { stemWord, splitWords } from '../text/analyze-terms.js';
import type { WordNet } from '../lexicon/wordnet.js';

/** What an outcome question asks for: what was left without agreement, or what was agreed. */
export type OutcomePolarity = 'unsettled' | 'agreed';

/** 1: the agreement itself is stated or denied; 2: softer wording (stalled, put off, still open). */
export type OutcomeTier = 1 | 2;

/** Verbs and nouns of agreeing; a negator before one makes a non-agreement ("could not agree", "no deal"). */
const AGREEMENT_WORDS = ['agree', 'agreement', 'deal', 'accord', 'consensus', 'settle', 'resolve', 'decide', 'accept', 'sign', 'endorse', 'compromise', 'breakthrough'];
/**
 * Seeds whose WordNet derivations and antonyms widen the lists, in the part of speech meant and their first
 * senses only ("settle" is also to colonise; the noun "resolve" is firmness).
 */
const WIDENED_SEEDS: Array<[string, 'n' | 'v']> = [['agree', 'v'], ['agreement', 'n'], ['settle', 'v'], ['resolve', 'v'], ['decide', 'v']];
/** Adjectives whose WordNet antonyms state a non-agreement (resolved → unresolved, settled → unsettled). */
const WIDENED_ADJECTIVES = ['resolved', 'solved', 'settled', 'agreed'];
/** Words that state a non-agreement by themselves (matched as written, with their inflections: "differed", not "differences"). */
const UNSETTLED_WORDS = ['disagree', 'disagreement', 'unresolved', 'deadlock', 'deadlocked', 'impasse', 'stalemate', 'standstill'];
/** Softer: positions that diverge ("divergent strategic visions"). */
const DIVERGING_WORDS = ['divergent', 'divergence', 'diverge'];
/** Softer: talks that stall, items that stay open or are put off. */
const STALLED_WORDS = ['stall', 'stuck', 'postpone', 'defer', 'deferred', 'shelve'];
/** Nouns whose absence ("without a date", "ended without a text") says nothing was settled, softly. */
const MISSING_RESULT_NOUNS = new Set(['date', 'deadline', 'timetable', 'text', 'result', 'solution', 'outcome']);

const NEGATORS = new Set(['no', 'not', 'never', 'without', 'none', 'neither', 'nor', 'cannot', 'failed', 'fail', 'fails', 'unable']);
/** Words that may stand between a negator and the agreement word: "no formal deal", "could not reach an agreement". */
const BRIDGE_WORDS = new Set(['a', 'an', 'the', 'any', 'to', 'be', 'been', 'yet', 'reach', 'reached', 'strike', 'struck', 'come', 'formal', 'final', 'firm', 'full', 'new', 'signed', 'binding', 'clear', 'still', 'even', 'ever', 'so', 'far', 'have', 'has', 'had', 'was', 'were', 'is', 'are', 'being']);
/** A clause with these says what would happen, not what did ("if there is no settlement", "until it was signed"). */
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'until', 'once', 'should']);
/** Before an agreement verb, these make it a plan, a hope or a duty, not a fact ("hoped to agree", "will sign"). */
const NOT_YET = new Set(['will', 'would', 'could', 'might', 'may', 'must', 'shall', 'to', 'hope', 'hopes', 'hoped', 'want', 'wants', 'wanted', 'expected', 'expect', 'due', 'aim', 'aims', 'plan', 'plans', 'planned', 'yet']);
/** Past forms that state an agreement ("agreed", "signed on Tuesday", "accepted a plan", "adopted the text"). */
const AGREED_FORMS = new Set(['agreed', 'agreeing', 'accepted', 'adopted', 'signed', 'settled', 'endorsed', 'concluded']);
/** …and a deal reached: "reached a deal", "struck an agreement", "broke the deadlock". */
const REACHED_VERBS = new Set(['reached', 'struck', 'sealed', 'clinched', 'secured', 'broke', 'broken', 'ended', 'overcame', 'overcome', 'cleared']);
const ENDS_DEADLOCK = new Set(['deadlock', 'impasse', 'stalemate', 'standstill']);
/** "the sides were divided over", "still open", "put off": fixed idioms of talks that did not settle something. */
const UNSETTLED_IDIOMS: RegExp[] = [/\bsticking points?\b/, /\bstumbling blocks?\b/, /\bat odds\b/, /\b(?:divided|split) (?:over|on)\b/];
const STALLED_IDIOMS: RegExp[] = [
  /\b(?:still|remains?|remained|kept|leaves?|left|stays?|stayed) (?:wide )?open\b(?! to\b)/,
  /^open\b/,
  /\bput off\b/,
  /\bleft (?:\S+ ){0,5}?for (?:later|next \w+|another \w+|the next \w+)\b/,
  /\bnot there yet\b/,
  /\bfar apart\b/,
  /\bneither (?:side|party|government|country|delegation)\b/,
  /\bno progress\b/,
  /\bbroke down\b/,
];

/** The kept and widened outcome words, built once per dictionary. */
export interface OutcomeLexicon {
  /** Stems of the agreement words (agree, agreed, agreeing and agreement all count). */
  agreement: ReadonlySet<string>;
  /** Written forms of the words stating a non-agreement, and of the softer ones. */
  unsettled: ReadonlySet<string>;
  stalled: ReadonlySet<string>;
}

/** A word's regular inflections as written (disagree → disagrees, disagreed, disagreeing); extra forms are harmless. */
function inflections(word: string): string[] {
  const ing = word.endsWith('ee') ? `${word}ing` : `${word.replace(/e$/, '')}ing`;
  return [word, `${word}s`, `${word}es`, word.endsWith('e') ? `${word}d` : `${word}ed`, ing];
}

const lexicons = new WeakMap<object, OutcomeLexicon>();
const NO_WORDNET = {};

/** The outcome words, widened by WordNet when given (derivations and antonyms of the seeds' first senses). */
export function outcomeLexicon(wordNet: WordNet | undefined, widen = true): OutcomeLexicon {
  const key = wordNet && widen ? wordNet : NO_WORDNET;
  const known = lexicons.get(key);
  if (known) return known;
  const agreement = new Set(AGREEMENT_WORDS);
  const unsettled = new Set(UNSETTLED_WORDS);
  if (wordNet && widen) {
    const related = (lemma: string, pos: string, symbol: string) =>
      wordNet
        .lookup(lemma)
        .filter((entry) => entry.pos === pos)
        .flatMap((entry) => entry.offsets.slice(0, 2).flatMap((offset) => (wordNet.synset(entry.pos, offset)?.pointers ?? []).filter((pointer) => pointer.symbol === symbol).flatMap((pointer) => wordNet.synset(pointer.pos, pointer.offset)?.words ?? [])));
    for (const [seed, pos] of WIDENED_SEEDS) {
      // Only the nouns of the act (agreement, settlement, decision), not of its agents or qualities (judge, decisive).
      for (const word of related(seed, pos, '+')) if (/^[a-z]+(?:ment|tion|sion|ance|ence)$/.test(word)) agreement.add(word);
      for (const word of related(seed, pos, '!')) if (/^[a-z]+$/.test(word)) unsettled.add(word);
    }
    for (const adjective of WIDENED_ADJECTIVES) for (const word of related(adjective, 'a', '!')) if (/^[a-z]+$/.test(word)) unsettled.add(word);
  }
  const forms = (words: Iterable<string>) => new Set([...words].flatMap(inflections));
  const lexicon = { agreement: new Set([...agreement].map(stemWord)), unsettled: forms(unsettled), stalled: forms([...STALLED_WORDS, ...DIVERGING_WORDS]) };
  lexicons.set(key, lexicon);
  return lexicon;
}

/** Words of the idioms and soft constructions above, for finding candidate passages in the index. */
const IDIOM_WORDS = ['sticking', 'stumbling', 'odds', 'divided', 'split', 'open', 'put', 'left', 'apart', 'progress', 'broke', ...MISSING_RESULT_NOUNS];

/** The index terms (stems) an outcome passage may hold: what the index is asked for to find candidates. */
export function outcomeCueTerms(lexicon: OutcomeLexicon): string[] {
  return [...new Set([...lexicon.agreement, ...[...lexicon.unsettled, ...lexicon.stalled, ...IDIOM_WORDS].map(stemWord)])];
}

/** Clauses of a text, as folded lowercase words: cut at sentence and clause punctuation (not at commas). */
function clausesOf(text: string): string[][] {
  return text
    .split(/[.;:!?()\u2014\u2013]+|\s-\s|\n/)
    .map((clause) => splitWords(clause))
    .filter((words) => words.length > 0);
}

const isNegator = (word: string) => NEGATORS.has(word) || /n't$|^(?:didnt|couldnt|wouldnt|wasnt|werent|hasnt|havent|dont|doesnt|cant|wont)$/.test(word);

/** Whether the word at `at` has a negator before it, across bridge words only ("could not reach an agreement"). */
function negatedAt(words: string[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 5; i--) {
    const word = words[i] as string;
    if (isNegator(word)) return true;
    if (!BRIDGE_WORDS.has(word)) return false;
  }
  return false;
}

/** "…if there is no settlement", "without an agreement by the end of June": a condition, not what happened. */
function hypothetical(words: string[], at: number): boolean {
  if (words.slice(0, at).some((word) => CONDITIONALS.has(word))) return true;
  return words[at + 1] === 'by';
}

/** How strongly a text states that something was NOT agreed, or undefined when it does not. */
export function statesUnsettled(text: string, lexicon: OutcomeLexicon): OutcomeTier | undefined {
  let tier: OutcomeTier | undefined;
  for (const words of clausesOf(text)) {
    const joined = words.join(' ');
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const stem = stemWord(word);
      if (lexicon.agreement.has(stem) && negatedAt(words, i) && !hypothetical(words, i)) return 1;
      // "broke the deadlock" is an agreement.
      if (lexicon.unsettled.has(word) && !(ENDS_DEADLOCK.has(word) && words.slice(Math.max(0, i - 3), i).some((w) => REACHED_VERBS.has(w))) && !hypothetical(words, i)) return 1;
      if (MISSING_RESULT_NOUNS.has(word) && negatedAt(words, i) && !hypothetical(words, i)) tier = 2;
      if (lexicon.stalled.has(word)) tier = 2;
    }
    if (UNSETTLED_IDIOMS.some((idiom) => idiom.test(joined))) return 1;
    if (STALLED_IDIOMS.some((idiom) => idiom.test(joined))) tier = 2;
  }
  return tier;
}

/**
 * Whether a text states that something WAS agreed (a past agreement verb, not denied, not a plan or a
 * condition); with `signedOnly`, that something was signed ("was an agreement signed" asks for that act).
 */
export function statesAgreed(text: string, lexicon: OutcomeLexicon, signedOnly = false): OutcomeTier | undefined {
  for (const words of clausesOf(text)) {
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const before = words.slice(Math.max(0, i - 3), i);
      const agreedVerb = signedOnly ? word === 'signed' : AGREED_FORMS.has(word) || (lexicon.agreement.has(stemWord(word)) && before.some((w) => REACHED_VERBS.has(w)));
      if (!agreedVerb || negatedAt(words, i) || hypothetical(words, i)) continue;
      // "could end with something signed", "hoped to have agreed": a plan or a hope in the clause, unless a perfect tense ("had agreed").
      const clauseBefore = words.slice(0, i);
      if (clauseBefore.some((w) => NOT_YET.has(w)) && !before.some((w) => w === 'have' || w === 'has' || w === 'had')) continue;
      return 1;
    }
  }
  return undefined;
}

/** Whether a text says something was NOT signed ("ended without a signed agreement"). */
export function statesUnsigned(text: string): OutcomeTier | undefined {
  for (const words of clausesOf(text)) {
    const at = words.indexOf('signed');
    if (at >= 0 && negatedAt(words, at) && !hypothetical(words, at)) return 1;
  }
  return undefined;
}

/** What a passage is checked for: a non-agreement, an agreement, a signing, or a signing denied. */
export type OutcomeAsk = OutcomePolarity | 'signed' | 'unsigned';

/** How firmly a text states what is asked, or undefined. */
export function statesOutcome(text: string, ask: OutcomeAsk, lexicon: OutcomeLexicon): OutcomeTier | undefined {
  if (ask === 'unsettled') return statesUnsettled(text, lexicon);
  if (ask === 'unsigned') return statesUnsigned(text);
  return statesAgreed(text, lexicon, ask === 'signed');
}

/** A section heading that names the outcome ("What Was Agreed", "The deal in brief", "Left for next year", "The Sticking Point: …"). */
export function titleStates(title: string, ask: OutcomeAsk, lexicon: OutcomeLexicon): boolean {
  return statesOutcome(title, ask, lexicon) !== undefined || (ask === 'agreed' && /^(?:the |our )?deal\b/.test(splitWords(title).join(' ')));
}
