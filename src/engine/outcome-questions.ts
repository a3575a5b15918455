/**
 * Questions about the outcome of talks, which a desk asks all the time: what was not agreed ("what did they
 * not agree on", "what's still unresolved", "what remains open", "what's the sticking point", "where are they
 * stuck", "is there a deadlock") and what was agreed ("what was agreed on bigeye", "what did they agree",
 * "what's the deal"). They are answered only from passages that state a (non-)agreement
 * (outcome-phrases.ts): a "not" in the question is met by a negated agreement ("No agreement on when to ban
 * heavy fuel oil"), never by any "not" ("Russia … was not invited"). The question's other words ("on the
 * fee", "about bigeye") still rank those passages. When none states a non-agreement, a "not" / "still open"
 * question is not_found rather than any passage holding its words; a "what was agreed" or yes/no question is
 * asked freely (a concession may be told without an agreement verb), except "was an agreement signed".
 * The question patterns below are closed-class phrasing (negators, wh- and auxiliary words, fixed idioms of
 * negotiation), never a word of an article.
 */
import { citationOf, excerptOf, moreAction, positionsAction } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import { ownerMemo } from './owner-memo.js';
import { leadInLabel, type Passage } from './passages.js';
import { contentWords, dropUnknownModifiers, nounContextWords, resolveQueryTerms, type TermGroup } from './resolve-query-terms.js';
import { outcomeCueTerms, outcomeLexicon, statesOutcome, titleStates, type OutcomeAsk, type OutcomeLexicon, type OutcomePolarity } from './outcome-phrases.js';
import { notFound, type Resolution } from './answer-query.js';
import { analyzeText, stemWord } from '../text/analyze-terms.js';

/** Switches, measured on the evaluation (eval/ablate.ts). */
export const OUTCOME_OPTIONS = {
  /** Outcome questions are answered from passages stating a (non-)agreement; off, they are free questions. */
  outcomeQuestions: true,
  /** WordNet widens the kept agreement words: derivations (settle → settlement) and antonyms (resolved → unresolved). */
  widenByWordNet: true,
  /** "what happened to X", "where do things stand on X", "was there a deal on X": the outcome on X, agreed or not. */
  outcomeOf: true,
  /** Candidate passages (those holding an outcome word) looked through, best first. */
  candidateDepth: 300,
};

export interface OutcomeQuestion {
  /** 'either': "what happened to the transshipment ban", "where do things stand on the fee": agreed or not, whichever is said. */
  polarity: OutcomePolarity | 'either';
  /** "was an agreement signed", "what did they sign": the act of signing, not any agreement. */
  signed?: boolean;
  /** A yes/no question ("was an agreement signed", "is there a deadlock"): answered by the passage saying so. */
  yesNo?: boolean;
}

/**
 * A negated agreement in the question: a verb ("what did they not agree on", "what wasn't settled", "where did
 * they fail to agree") or a noun ending a phrase ("where is there no deal", "no agreement on what").
 */
const ASKS_NOT_AGREED =
  /\b(?:not|never|[a-z]+n't|didnt|couldnt|wasnt|werent|hasnt|havent|dont|doesnt|cant|wont|cannot|fail(?:ed|s)? to|unable to|yet to)\s+(?:\S+\s+){0,2}?(?:agree[sd]?|agreeing|settled?|resolved?|decided?|reach(?:ed)? (?:a |an |any )?(?:deal|agreement|accord|consensus))\b|\b(?:no|without (?:a|an|any)) (?:deal|agreement|accord|consensus)(?: (?:on|over|about|yet|reached)\b|[?!. ]*$)/;
/** Words of a question for what is still unsettled: "unresolved", "sticking point", "deadlock", "where are they stuck". */
const ASKS_UNSETTLED =
  /\b(?:unresolved|unsettled|undecided|unagreed|outstanding(?! (?:bills?|debts?|payments?|loans?|amounts?|balances?|fees?)\b)|sticking points?|stumbling blocks?|deadlock(?:ed)?|impasse|stalemate|standstill|stall(?:ed|ing|s)?|stuck|disagree(?:d|s|ment|ments)?|at odds|divided(?: (?:over|on|about)\b|[?!. ]*$)|(?:holding|held) (?:things |it |them |the talks |talks |a deal |the deal |progress )?up(?: (?:the )?(?:talks|deal|agreement|progress|negotiations))?[?!. ]*$|hold-?ups?\b|open (?:issues?|questions?|points?|items?)|(?:still|remains?|remained|left|kept|stays?) open|still (?:to be )?(?:agreed|settled|decided|resolved|negotiated)|left to (?:agree|settle|decide|resolve|negotiate|sort out)|put off|postponed|deferred|shelved|deal ?breakers?|br(?:eak|oke) ?down)/;
/** "what's left", "what is still left on the table". */
const ASKS_WHATS_LEFT = /^(?:so |and |ok )?what(?:'s|s| is| was| remains)? (?:still )?left(?: on the table| to do| for (?:later|next \w+))?[?!. ]*$/;
/** "what was agreed (on bigeye)", "which points were agreed", "what did they agree (to)", "what have the sides signed". */
const ASKS_AGREED = [
  /^(?:so |and |ok )?(?:what|which)(?:'s|s)?\b(?:\s+\S+){0,2}?(?:\s+(?:was|were|is|are|has been|have been|got|been|'s))?\s+(?:agreed|decided|settled|signed|accepted|adopted)\b/,
  /^(?:so |and |ok )?(?:what|which)\b(?:\s+\S+){0,2}?\s+(?:did|do|does|have|has|had)\s+(?:\S+\s+){1,3}?(?:agree|settle|decide|sign|accept|adopt)(?:d|ed)?\b/,
  /^(?:so |and |ok )?what(?:'s|s| is| was)\s+(?:the|their)\s+(?:deal|agreement)\b/,
];
/** "was an agreement signed", "did they sign a deal", "has anything been signed" (not "did they come to sign"). */
const ASKS_IF_SIGNED = /^(?:is|was|were|has|have|had)\b.*\bsigned\b|^did (?:\S+ ){1,3}sign (?:a|an|the|any|anything)\b/;
/**
 * "what happened to / with X", "what became of X", "where do things stand on X", "was there a deal on X": the
 * outcome on X, agreed or not. Past tense only: "what happens next" asks about the future.
 */
const ASKS_OUTCOME_OF =
  /^(?:so |and |ok )?(?:what(?:'s|s| has| have| had)? (?:happen(?:ed|d|ned)|became of|came of) (?:to|with|on|about|over)\b|where (?:do|does|did|are|is) (?:things|talks|the talks|they|it) (?:stand|end(?:ed)? up|land(?:ed)?) (?:on|with|over)\b|(?:any|was there (?:a|any)|is there (?:a|any)) (?:deal|agreement|breakthrough|outcome|result) (?:on|over|about|for)\b|(?:what(?:'s|s| is| was) )?the (?:outcome|result|upshot) (?:on|of|for)\b)/;
/** A condition or a reason is another question ("what happens if there's no deal by june", "why did the talks stall"). */
const NOT_AN_OUTCOME_QUESTION = /\b(?:if|unless|whether|in case)\b|^(?:when|who|whom|whose|why|how)\b/;
/** A yes/no question: about a standstill ("is there a deadlock") or a signing ("was an agreement signed"), else no outcome question. */
const YES_NO = /^(?:is|are|was|were|did|do|does|has|have|had|will|would|can|could)\b/;

/**
 * The outcome a question asks about, or undefined for any other question. Only closed-class phrasing
 * decides (negators, the idioms of talks above), never a word of the articles.
 *
 * @example
 * outcomeQuestion("what did they not agree on") // { polarity: 'unsettled' }
 * outcomeQuestion('what was agreed on bigeye')  // { polarity: 'agreed' }
 * outcomeQuestion('was an agreement signed')    // { polarity: 'agreed', signed: true, yesNo: true }
 * outcomeQuestion('did they agree on the fee')  // undefined: asked freely
 */
export function outcomeQuestion(normalized: string): OutcomeQuestion | undefined {
  if (NOT_AN_OUTCOME_QUESTION.test(normalized)) return undefined;
  if (OUTCOME_OPTIONS.outcomeOf && ASKS_OUTCOME_OF.test(normalized) && !ASKS_NOT_AGREED.test(normalized) && !ASKS_UNSETTLED.test(normalized)) return { polarity: 'either' };
  if (ASKS_NOT_AGREED.test(normalized) || ASKS_UNSETTLED.test(normalized) || ASKS_WHATS_LEFT.test(normalized)) {
    return { polarity: 'unsettled', ...(YES_NO.test(normalized) ? { yesNo: true } : {}) };
  }
  const signed = /\bsign(?:ed|ing)?\b/.test(normalized);
  if (YES_NO.test(normalized)) return ASKS_IF_SIGNED.test(normalized) ? { polarity: 'agreed', signed: true, yesNo: true } : undefined;
  return ASKS_AGREED.some((pattern) => pattern.test(normalized)) ? { polarity: 'agreed', ...(signed ? { signed } : {}) } : undefined;
}

/**
 * Words that frame an outcome question without naming its topic: who negotiated, the outcome's own words,
 * and "issue", "point", "still"… ("what are the main issues still unresolved in the talks").
 */
const FRAME_WORDS = new Set([
  'they', 'talks', 'talk', 'negotiations', 'negotiation', 'negotiators', 'round', 'sides', 'side', 'parties', 'delegations', 'both', 'two', 'three', 'four',
  'still', 'yet', 'main', 'key', 'biggest', 'big', 'major', 'chief', 'central', 'remaining', 'remain', 'remains', 'remained', 'left', 'open', 'outstanding',
  'issue', 'issues', 'point', 'points', 'question', 'questions', 'matter', 'matters', 'item', 'items', 'sticking', 'stumbling', 'block', 'blocks', 'held', 'holding', 'hold', 'up',
  'not', 'no', 'never', 'without', 'none', 'fail', 'failed', 'unable', 'table', 'end', 'finally', 'exactly', 'eventually', 'put', 'off', 'odds', 'far', 'deal', 'breaker', 'breakers', 'dealbreaker',
]);

/** The question's topic words: its content words without the outcome phrasing. */
function topicWords(ctx: EngineContext, normalized: string, lexicon: OutcomeLexicon): string[] {
  const framing = (word: string) => {
    if (FRAME_WORDS.has(word) || /n't$/.test(word)) return true;
    const stem = stemWord(word);
    return lexicon.agreement.has(stem) || lexicon.unsettled.has(word) || lexicon.stalled.has(word) || /^(?:agre|sign|accept|adopt|decid|settl|resolv)/.test(stem);
  };
  // A dictionary phrase of framing words ("sticking_point", "at_odds") frames too.
  return contentWords(normalized, ctx.wordNet, ctx.index.vocabulary).filter((word) => !word.split('_').every(framing));
}

const statesMemo = ownerMemo<number>(20_000);

/** Shares of the topic's words in the passage's own words, and in them or its section's heading (not a headline). */
function topicShares(ctx: EngineContext, passage: Passage, topic: TermGroup[]): { own: number; withHeading: number } {
  const own = new Set(analyzeText(passage.indexText ?? passage.text));
  // A lede's heading is the headline, naming everything the article covers: it says nothing of one passage.
  const document = ctx.documents[passage.docIndex];
  const ledeHeading = document?.sections[passage.sectionIndex]?.title === document?.title;
  const heading = (ledeHeading ? undefined : ctx.index.sectionTitleTerms.get(`${passage.docIndex}:${passage.sectionIndex}`)) ?? new Set<string>();
  const holds = (terms: ReadonlySet<string>) => (group: TermGroup) => group.alternatives.some((alternative) => terms.has(alternative.term));
  const inOwn = topic.filter(holds(own)).length;
  const inEither = topic.filter((group) => holds(own)(group) || holds(heading)(group)).length;
  return { own: inOwn / topic.length, withHeading: inEither / topic.length };
}

/**
 * Under a heading naming the outcome ("What was agreed", "What are the sticking points?"), the passages that
 * list it: list items, table rows, labelled paragraphs ("The fee: …") and the section's opening; not every
 * sentence (a campaigner's complaint under "Left for next year" is not what was left).
 */
function listsUnderHeading(passage: Passage): boolean {
  return passage.kind !== 'sentence' || passage.order === 0 || leadInLabel(passage) !== undefined;
}

/** 1 or 2 when the passage itself states the outcome, 3 when only its section's heading does, 0 when neither. */
function outcomeTier(ctx: EngineContext, passage: Passage, ask: OutcomeAsk, lexicon: OutcomeLexicon): number {
  return statesMemo(ctx, `${ask}|${OUTCOME_OPTIONS.widenByWordNet}|${passage.id}`, () => {
    const own = statesOutcome(passage.text, ask, lexicon);
    if (own !== undefined) return own;
    // Not a headline over a lede: it sums up the whole article ("…a drought formula but no deal on binding rules").
    const document = ctx.documents[passage.docIndex];
    const title = document?.sections[passage.sectionIndex]?.title ?? '';
    return title !== document?.title && listsUnderHeading(passage) && titleStates(title, ask, lexicon) ? 3 : 0;
  });
}

/** A table row's cell that states the outcome ("Where it stands: Open; …"), quoted first. */
function outcomeColumn(passage: Passage, ask: OutcomeAsk, lexicon: OutcomeLexicon): number | undefined {
  const row = passage.table ? passage.table.block.rows[passage.table.rowIndex] : undefined;
  if (!row) return undefined;
  const column = row.findIndex((cell, index) => index > 0 && statesOutcome(cell, ask, lexicon) !== undefined);
  return column > 0 ? column : undefined;
}

/**
 * Answers an outcome question from the passages that state it, or undefined when the question is none
 * (or the switch is off). `groups` are the question's resolved words, for highlighting; `keyword` is the
 * section-keyword answer, taken when the section's heading states the asked outcome.
 */
export function answerOutcomeQuestion(ctx: EngineContext, normalized: string, groups: TermGroup[], keyword: () => Resolution | undefined): Resolution | undefined {
  if (!OUTCOME_OPTIONS.outcomeQuestions) return undefined;
  const asked = outcomeQuestion(normalized);
  if (!asked) return undefined;
  const lexicon = outcomeLexicon(ctx.wordNet, OUTCOME_OPTIONS.widenByWordNet);
  // "was an agreement signed": a signing, else a signing denied ("ended without a signed agreement"), else nothing.
  const asks: OutcomeAsk[] = asked.polarity === 'either' ? ['agreed', 'unsettled'] : asked.signed ? (asked.yesNo ? ['signed', 'unsigned'] : ['signed']) : [asked.polarity];
  // A section the question names whose heading states the same outcome ("sticking point" → "The Sticking Point: …");
  // not one stating the other ("what didn't they agree on" is not "Steps agreed for 2027").
  const named = keyword();
  if (named?.draft.kind === 'section' && named.focus.docIndex !== undefined && named.focus.sectionIndex !== undefined) {
    const title = ctx.documents[named.focus.docIndex]?.sections[named.focus.sectionIndex]?.title ?? '';
    if (titleStates(title, asks[0] as OutcomeAsk, lexicon)) return named;
  }
  // "what happened to the ban": its topic is what follows the asking phrase ("happend" is no topic word, nor "stand").
  const words = topicWords(ctx, asked.polarity === 'either' ? normalized.replace(ASKS_OUTCOME_OF, '') : normalized, lexicon);
  // A topic word's dictionary relative that is an outcome word ("sharing" → deal) would make any outcome its topic.
  const cueTerms = new Set(outcomeCueTerms(lexicon));
  const topic = dropUnknownModifiers(resolveQueryTerms(words, ctx.index.vocabulary, ctx.wordNet, nounContextWords(normalized)), ctx.wordNet, normalized).map((group) => ({
    ...group,
    alternatives: group.alternatives.filter((alternative) => alternative.how === 'exact' || !cueTerms.has(alternative.term)),
  }));
  const unknown = topic.filter((group) => group.alternatives.length === 0).map((group) => group.word);
  if (unknown.length > 0) return notFound(ctx, topic, `The articles don't cover that: they never mention ${unknown.map((word) => `“${word.replace(/_/g, ' ')}”`).join(', ')}.`);
  if (asked.polarity === 'either') {
    // Whichever is said of the topic, in most of its own words: what was agreed on it, or that it was not.
    const options = asks.map((ask) => ({ ask, found: outcomePassages(ctx, ask, topic, lexicon) })).filter(({ found }) => found.length > 0);
    const own = (passage: Passage) => (topic.length === 0 ? 1 : topicShares(ctx, passage, topic).own);
    const best = options.sort((a, b) => own(b.found[0] as Passage) - own(a.found[0] as Passage))[0];
    return best ? outcomeAnswer(ctx, best.found, best.ask, groups, lexicon) : undefined;
  }
  for (const ask of asks) {
    const found = outcomePassages(ctx, ask, topic, lexicon);
    if (found.length > 0) return outcomeAnswer(ctx, found, ask, groups, lexicon);
  }
  // "what did japan accept": a concession may be told without an agreement verb ("dropping its plan"); "is there a
  // deadlock on X" may have had an agreement: asked freely. A "not" or "still open" question is met by a non-agreement only.
  if ((asked.polarity === 'agreed' && !asked.signed) || (asked.polarity === 'unsettled' && asked.yesNo)) return undefined;
  const reason = asked.polarity === 'unsettled' ? 'no passage says what was left unagreed there' : asked.signed ? 'no passage says anything was signed' : 'no passage says what was agreed there';
  return notFound(ctx, topic, `The articles don't say: ${reason}.`);
}

/** The passages stating what is asked about the topic, best first. */
function outcomePassages(ctx: EngineContext, ask: OutcomeAsk, topic: TermGroup[], lexicon: OutcomeLexicon): Passage[] {
  const cues: TermGroup = { word: 'outcome', alternatives: outcomeCueTerms(lexicon).filter((term) => ctx.index.vocabulary.hasTerm(term)).map((term) => ({ term, weight: 1, how: 'exact' as const })) };
  const ranked = ctx.index.rank(topic.length > 0 ? [...topic, cues] : [cues]).slice(0, OUTCOME_OPTIONS.candidateDepth);
  const newest = ctx.documents.reduce((latest, document) => ((document.asOf ?? '') > latest ? (document.asOf ?? '') : latest), '');
  const candidates = ranked.flatMap((scored) => {
    // The topic's words in the passage or its section's heading (not only the article's title): at least half of them.
    const { own, withHeading } = topic.length === 0 ? { own: 1, withHeading: 1 } : topicShares(ctx, scored.passage, topic);
    if (withHeading < EVIDENCE.minSectionCoverage) return [];
    const tier = outcomeTier(ctx, scored.passage, ask, lexicon);
    if (tier === 0) return [];
    const older = (ctx.documents[scored.passage.docIndex]?.asOf ?? '') < newest;
    const final = scored.score * (older ? EVIDENCE.olderArticleFactor : 1);
    return [{ passage: scored.passage, ownTopic: own, soft: tier === 2 ? 1 : 0, tier, older: older ? 1 : 0, final }];
  });
  // With a topic, the passages saying most of it in their own words first, then a firm statement (the agreement itself,
  // or an item under a heading naming it) before a soft one, then the best match. Without one, the firmest statement,
  // in the newest article, earliest in it (a lede states the outcome first).
  candidates.sort((a, b) =>
    topic.length > 0 ? b.ownTopic - a.ownTopic || a.soft - b.soft || b.final - a.final || readingOrder(a.passage, b.passage) : a.tier - b.tier || a.older - b.older || readingOrder(a.passage, b.passage),
  );
  return dedupe(candidates.map((candidate) => candidate.passage));
}

/** The best passages as the answer, each cited with the words (a list item alone, a row's outcome cell first) that state it. */
function outcomeAnswer(ctx: EngineContext, found: Passage[], ask: OutcomeAsk, groups: TermGroup[], lexicon: OutcomeLexicon): Resolution {
  const chosen = found.slice(0, EVIDENCE.maxPassages);
  const first = chosen[0] as Passage;
  const terms = new Set(groups.flatMap((group) => group.alternatives.map((alternative) => alternative.term)));
  const table = ctx.tables.find((candidate) => candidate.docIndex === first.docIndex && candidate.sectionIndex === first.sectionIndex);
  const citations = chosen.map((passage) => citationOf(ctx, ownWords(ctx, passage, ask, lexicon), terms, outcomeColumn(passage, ask, lexicon)));
  const actions = [moreAction(ctx, first.docIndex, first.sectionIndex, 0), positionsAction(ctx, first.table ? table : undefined)].filter((action) => action !== undefined);
  return { draft: { kind: 'answer', citations, actions }, focus: { docIndex: first.docIndex, sectionIndex: first.sectionIndex, shown: chosen } };
}

/**
 * A list item that states the outcome itself ("No agreement on when to ban heavy fuel oil") is quoted alone,
 * not with the short list it belongs to (whose other items may say the opposite); an item answering only
 * through its heading ("What Was Agreed") is quoted with its list, as elsewhere.
 */
function ownWords(ctx: EngineContext, passage: Passage, ask: OutcomeAsk, lexicon: OutcomeLexicon): Passage {
  if (!passage.list || outcomeTier(ctx, passage, ask, lexicon) > 2) return passage;
  const { list: _list, ...alone } = passage;
  return alone;
}

const readingOrder = (a: Passage, b: Passage) => a.docIndex - b.docIndex || a.sectionIndex - b.sectionIndex || a.order - b.order;

/** One citation per excerpt (a sentence leading a list and its items may quote the same text). */
function dedupe(passages: Passage[]): Passage[] {
  const seen = new Set<string>();
  return passages.filter((passage) => {
    const excerpt = excerptOf(passage);
    return seen.has(excerpt) ? false : (seen.add(excerpt), true);
  });
}
