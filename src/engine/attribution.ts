/**
 * "who said that" and "source?" in a thread: about the excerpt the last answer quoted first (the state's
 * citedPassageId), never a new search.
 */
import type { ConversationState } from '../conversation/conversation-state.js';
import { baseForms } from '../lexicon/expand-word.js';
import { isStopWord, splitWords, termsOfWord } from '../text/analyze-terms.js';
import { notFound, type Resolution } from './answer-query.js';
import { holdsPronounSpeech, holdsSpeech } from './answer-types.js';
import { citationOf, excerptOf, moreAction } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import { isPartyName } from './party-checks.js';
import { fullNames, withoutQuotations } from './person-names.js';
import type { Passage } from './passages.js';
import type { LocatedTable } from './table-match.js';

/** Switches (eval/ablate.ts). */
export const ATTRIBUTION_OPTIONS = {
  /** "…,” he said": a person named earlier in the quote's paragraph is "he", before any speaker of an earlier paragraph. */
  pronounNamedInParagraph: true,
};

/** How many sentences before a quote its speaker may be named in, when the quote's own paragraph names nobody. */
const ATTRIBUTION_LOOK_BACK = 2;

/** "who said that", "whose words are those", "says who". */
const WHO_SAID =
  /^(?:(?:and|but|so|ok|okay) )?(?:who (?:said|says|say|is saying|was saying)(?: (?:that|this|it|so))?|says who|whose (?:words|quote|comment|remark|line)s? (?:are|is|were|was) (?:those|these|that|this|they|it)|whose (?:words|quote)|who (?:is|was) (?:that|this|it|the quote) (?:from|by))[?!. ]*$/;
/** "source?", "where is that from", "which article is that from". */
const SOURCE =
  /^(?:(?:and|but|so|ok|okay) )?(?:(?:the |what(?:'s| is) the |whats the |any |give me the )?(?:source|citation|reference|link)s?(?: please| pls)?|where(?:'s| is| was| does) (?:that|this|it) (?:from|come from|coming from)|where did (?:that|this|it) come from|where does it say (?:that|so)|which (?:article|story|piece|section) is (?:that|this|it) (?:from|in))[?!. ]*$/;

/** "who said that" and its kin. */
export const asksWhoSaid = (normalized: string) => WHO_SAID.test(normalized);
/** "source?", "where is that from". */
export const asksSource = (normalized: string) => SOURCE.test(normalized);

/** The passage of an answer's first citation (the thread's "that"), among the passages it focused on. */
export function citedPassageId(resolution: Resolution): string | undefined {
  const excerpt = resolution.draft.citations[0]?.excerpt;
  if (excerpt === undefined) return undefined;
  const cited = resolution.focus.shown.find((passage) => excerptOf(passage) === excerpt || (passage.table?.block.columns.some((_, column) => excerptOf(passage, column) === excerpt) ?? false));
  return cited?.id;
}

/** A passage of the thread (the state's citedPassageId) by its id. */
export function passageById(ctx: EngineContext, id: string | undefined): Passage | undefined {
  const [docIndex, sectionIndex] = (id ?? '').split(':').map(Number);
  if (docIndex === undefined || sectionIndex === undefined || Number.isNaN(docIndex) || Number.isNaN(sectionIndex)) return undefined;
  return ctx.passagesOf(docIndex, sectionIndex).find((passage) => passage.id === id);
}

/** A passage quoted as one citation, with its section's More button, as the thread's new focus. */
export function citedAnswer(ctx: EngineContext, passage: Passage, terms: Set<string>, notice: string, firstColumn?: number): Resolution {
  const actions = [moreAction(ctx, passage.docIndex, passage.sectionIndex, passage.order + 1)].filter((action) => action !== undefined);
  return {
    draft: { kind: 'answer', citations: [citationOf(ctx, passage, terms, firstColumn)], actions, notices: [notice] },
    focus: { docIndex: passage.docIndex, sectionIndex: passage.sectionIndex, shown: [passage] },
  };
}

/** "source?", "where is that from": the excerpt just shown, cited again (document › section), the thread's table kept. */
export function answerSource(ctx: EngineContext, state: ConversationState, table: LocatedTable | undefined): Resolution {
  const passage = passageById(ctx, state.citedPassageId);
  if (!passage) return notFound(ctx, [], 'Nothing has been quoted in this thread yet: ask a question first, then ask for its source.');
  const document = ctx.documents[passage.docIndex];
  const section = document?.sections[passage.sectionIndex];
  const column = passage.table ? state.columnIndex : undefined;
  const resolution = citedAnswer(ctx, passage, new Set(), `The excerpt is from “${document?.title ?? ''}”, section “${section?.title ?? ''}”${document?.asOf ? `, as of ${document.asOf.slice(0, 10)}` : ''}.`, column);
  const keepsTable = table && passage.table?.block === table.block;
  return keepsTable ? { ...resolution, focus: { ...resolution.focus, table, rowIndexes: state.rowIndexes, ...(column !== undefined ? { columnIndex: column } : {}) } } : resolution;
}

/** Words of a passage that may name its speaker: a run of capitalised names ("Dragan Ilic") or one person or group noun ("mediator"). */
interface SpeakerRun {
  text: string;
  terms: Set<string>;
  capitalised: boolean;
  /** Its first and last token. */
  start: number;
  end: number;
}

/** A pronoun opening a sentence is no name ("She said…" is named before it), whatever the dictionary says (He → helium). */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/**
 * The runs of words in a text that may name a speaker: capitalised names (not a sentence's common first
 * word, nor a word inside a quotation), person nouns ("mediator", "officials"), group nouns ("government").
 */
function speakerRuns(ctx: EngineContext, text: string): SpeakerRun[] {
  const wordNet = ctx.wordNet;
  const runs: SpeakerRun[] = [];
  let open: SpeakerRun | undefined;
  const tokens = withoutQuotations(text).split(/\s+/);
  tokens.forEach((token, t) => {
    const words = splitWords(token);
    const bare = (words[words.length - 1] ?? '').replace(/['’]s$/, '');
    const forms = [bare, ...baseForms(bare)];
    const opensSentence = t === 0 || /[.!?]["”’']?$/.test(tokens[t - 1] ?? '');
    const capitalised = words.length > 0 && !isStopWord(bare) && !PRONOUNS.has(bare) && /^\p{Lu}/u.test(token) && (!opensSentence || isPartyName(ctx, bare) || !forms.some((form) => wordNet?.has(form) ?? false));
    const role = !capitalised && !isStopWord(bare) && forms.some((form) => (wordNet?.isPersonNoun(form) ?? false) || (wordNet?.isGroupNoun(form) ?? false));
    const shown = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/['’]s$/, '');
    if (capitalised && open) {
      open.text = `${open.text} ${shown}`;
      open.end = t;
      for (const word of words) for (const term of termsOfWord(word)) open.terms.add(term);
    } else if (capitalised || role) {
      open = { text: shown, terms: new Set(words.flatMap(termsOfWord)), capitalised, start: t, end: t };
      runs.push(open);
      if (!capitalised) open = undefined;
    } else open = undefined;
    // A comma or a possessive ends a name ("Serbia's chief negotiator, Dragan Ilic, called").
    if (open && (/[^\p{L}\p{N}]$/u.test(token) || /['’]s$/.test(token))) open = undefined;
  });
  return runs;
}


/**
 * Who a passage has speaking ("Clarke said…", "…,” said Guyana's foreign secretary"): the terms of every
 * run of words that speaks (to bold), and the longest capitalised one that is no party's name (a person's
 * name, for the notice); undefined when nobody named speaks.
 */
function namedSpeaker(ctx: EngineContext, passage: Passage): { terms: Set<string>; name?: string } | undefined {
  const wordNet = ctx.wordNet;
  if (!wordNet || passage.table) return undefined;
  const text = withoutQuotations(passage.text);
  const runs = speakerRuns(ctx, passage.text);
  const speaking = runs.filter((run) => holdsSpeech(text, run.terms, wordNet));
  if (speaking.length === 0) return undefined;
  // A name right after the speaking role is that role's holder: "said Guyana's foreign secretary, Rajendra Persaud".
  const named = runs.filter((run, r) => speaking.includes(run) || (r > 0 && speaking.includes(runs[r - 1] as SpeakerRun) && run.start === (runs[r - 1] as SpeakerRun).end + 1));
  const names = named.filter((run) => run.capitalised && !isPartyName(ctx, splitWords(run.text).join('_'))).sort((a, b) => b.text.split(' ').length - a.text.split(' ').length);
  return { terms: new Set(named.flatMap((run) => [...run.terms])), ...(names[0] ? { name: names[0].text } : {}) };
}

/** The name of the person a passage has speaking ("Banda told reporters" → "Banda"), if it names one. */
export const namedSpeakerOf = (ctx: EngineContext, passage: Passage): string | undefined => namedSpeaker(ctx, passage)?.name;

const QUOTATION = /[“”"]|(?:^|\s)[‘'][\p{L}]/u;

/**
 * "who said that": the excerpt just shown when it names its speaker; for a quote that does not ("…,” she
 * said), the nearest passage before it in its paragraph (or a sentence or two before) naming who spoke.
 */
export function answerWhoSaid(ctx: EngineContext, state: ConversationState): Resolution {
  const passage = passageById(ctx, state.citedPassageId);
  if (!passage) return notFound(ctx, [], 'Nothing has been quoted in this thread yet: ask a question first.');
  const sectionTitle = ctx.documents[passage.docIndex]?.sections[passage.sectionIndex]?.title ?? '';
  if (passage.table) return notFound(ctx, [], `The excerpt just shown is a row of the table in “${sectionTitle}”, not anyone's quoted words: the articles don't say who said it.`);
  // "…,” he said": the speaker is named before, whatever else the sentence has speaking ("he said Georgetown would not discuss…").
  const pronoun = ctx.wordNet !== undefined && holdsPronounSpeech(passage.text, ctx.wordNet);
  const own = pronoun ? undefined : namedSpeaker(ctx, passage);
  if (own) return citedAnswer(ctx, passage, own.terms, own.name ? `The excerpt names who said it: ${own.name}.` : 'The excerpt names who said it.');
  if (!pronoun && !QUOTATION.test(passage.text)) return notFound(ctx, [], "Nobody is quoted in the excerpt just shown: it is the article's own reporting, and it names no one who said it.");
  const siblings = ctx.passagesOf(passage.docIndex, passage.sectionIndex);
  const paragraph = paragraphOf(ctx, passage);
  let looked = 0;
  for (let order = passage.order - 1; order >= 0; order--) {
    const candidate = siblings[order];
    if (!candidate || candidate.kind !== 'sentence') break;
    const inParagraph = paragraph !== undefined && paragraph.includes(candidate.text);
    if (!inParagraph && ++looked > ATTRIBUTION_LOOK_BACK) break;
    const speaker = namedSpeaker(ctx, candidate);
    if (speaker) return citedAnswer(ctx, candidate, speaker.terms, `The quote’s speaker is named just before it${inParagraph ? ', in the same paragraph' : ''}${speaker.name ? `: ${speaker.name}` : ''}.`);
    // "Marc Thibodeau … was blunter. “…,” he said": "he" is the person the paragraph has just named, speaking or not.
    const named = pronoun && inParagraph && ATTRIBUTION_OPTIONS.pronounNamedInParagraph ? fullNames(ctx, candidate.text)[0] : undefined;
    if (named) return citedAnswer(ctx, candidate, new Set(splitWords(named).flatMap(termsOfWord)), `The quote’s speaker is named just before it, in the same paragraph: ${named}.`);
  }
  const fallback = pronoun ? namedSpeaker(ctx, passage) : undefined;
  if (fallback) return citedAnswer(ctx, passage, fallback.terms, fallback.name ? `The excerpt names who said it: ${fallback.name}.` : 'The excerpt names who said it.');
  return notFound(ctx, [], 'The article quotes it without naming who said it.');
}

/** The paragraph a sentence sits in, spaces collapsed (undefined for a list item or a row). */
function paragraphOf(ctx: EngineContext, passage: Passage): string | undefined {
  const section = ctx.documents[passage.docIndex]?.sections[passage.sectionIndex];
  for (const block of section?.blocks ?? []) {
    if (block.type !== 'paragraph') continue;
    const text = block.text.replace(/\s+/g, ' ');
    if (text.includes(passage.text)) return text;
  }
  return undefined;
}
