import { foldText } from '../text/fold-text.js';

/**
 * The bot's grammar, the same on every platform: `help`, `sections`, `positions` (also "compare the
 * positions", "side by side", `positions 2` for a document's second table), `summary` (also "tldr", "what's the
 * latest"), follow-ups ("and Iran?",
 * "what about X", "tell me more"), and anything else as a section keyword or a question.
 */
export type GrammarIntent =
  | { type: 'help' }
  | { type: 'thanks' }
  | { type: 'sections' }
  | { type: 'positions'; rest: string; tableNumber?: number }
  | { type: 'summary'; rest: string; latest: boolean }
  | { type: 'more' }
  | { type: 'and'; rest: string }
  | { type: 'query'; text: string };

const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Folds, lowercases and trims a query for grammar matching; strips control characters and a leading `/talks`. */
export function normalizeQuery(query: string): string {
  return foldText(query.replace(CONTROL, ' '))
    .toLowerCase()
    .replace(/^\s*\/?talks\b/, '')
    // "@ana" typed as text (a platform's own mentions arrive as markup the adapters drop) names a colleague, not a topic.
    .replace(/(^|\s)@[\p{L}\p{N}._-]+/gu, '$1')
    // A link pasted with the question ("oman https://example.com/a_b") points somewhere; its parts are no words to look up.
    .replace(/<?\b(?:https?:\/\/|www\.)[^\s>]+>?/g, ' ')
    // Chat shorthand without the apostrophe: "whos the envoy", "wheres the next round" ("whats" is a stop word already).
    .replace(/\b(who|where|when|how|why)s\b/g, '$1 is')
    .replace(/\s+/g, ' ')
    .trim();
}

const HELP = /^(help|\?+|commands|usage|what can (i|you) (ask|do)( here)?|how does (this|it) work|hi|hiya|hello|hey|yo|greetings|(good )?(morning|afternoon|evening)|who are you|what are you|are you there|anyone there)( (there|all|everyone|team|bot|talks))?[?!. ]*$/;
const SECTIONS =
  /^((list|show)( me)?( all| the)? )?(sections|headings|contents|table of contents|toc|outline|chapters)[?!. ]*$|^((list|show|which|what)( me)?( all| the)? )?(articles|stories|documents|docs|pieces|files)( (do you have|have you got|are there|are loaded|can i ask about|do you know))?[?!. ]*$/;
/** Thanks and acknowledgements in a thread ("thanks", "ok great", "got it 👍"): no question, nothing to quote. */
const THANKS = /^((ok(ay)?|great|cool|nice|perfect|awesome|brilliant|excellent|super|got it|noted|understood|fine|alright|all right|right|sure)[,!. ]*)*(thanks|thank you|thank u|thx|ty|tysm|cheers|ta|much appreciated|appreciated|ok(ay)?|great|cool|nice|perfect|awesome|brilliant|excellent|super|got it|noted|understood|alright|all right)( (so much|a lot|very much|again|mate|all|everyone|team|bot))?[\s!.👍🙏🙌👌✅]*$/u;
const POSITIONS = /\b(positions|side by side|compare|comparison|stances|vs|versus)\b|\w \bv\.? \w|^(the |show( me)? the |full |whole )?(positions? )?tables?( \d{1,2})?$/;
const MORE = /^(tell me more|more|go on|continue|keep going|anything else|what else|and then|more please|say more|expand|elaborate|more details?|details|next)( please)?[?!. ]*$/;
const AND_X = /^(and|what about|how about|and what about|what of|and for|and on|also|same for|and the)\s+(.+?)[?!. ]*$/;
/**
 * "summary", "tldr", "give me the gist", "what's the latest on the dam", "catch me up": the lede of the newest
 * article, or of the one `rest` names.
 */
const SUMMARY =
  /^(?:(?:can|could) you |please |pls )?(?:(?:give|show|get|send) me |i need |what'?s |whats |what is )?(?:a |an |the )?(?:quick |short |brief )?(summary|summarise|summarize|sum (?:it |this )?up|tl ?;? ?dr|overview|gist|recap|rundown|run down|latest|story so far|headlines?|catch me up|bring me up to speed|brief me|new|going on|happening|(?:any )?updates?|(?:any )?(?:latest )?news)(?: (?:on|of|about|for|with|from|in) (?:the )?(.+?))?(?: please| pls)?[?!. ]*$/;
/** "what happened", "what has happened so far": a summary too ("what happened in the power cuts" is a question). */
const WHAT_HAPPENED = /^what(?:'s| has|s)? happened(?: (?:today|so far|yesterday|this week))?[?!. ]*$/;
const TABLE_NUMBER = /\b(?:positions|table)\s*#?(\d{1,2})\b/;

export function parseGrammar(normalized: string): GrammarIntent {
  if (!normalized || HELP.test(normalized)) return { type: 'help' };
  if (THANKS.test(normalized)) return { type: 'thanks' };
  if (SECTIONS.test(normalized)) return { type: 'sections' };
  if (MORE.test(normalized)) return { type: 'more' };
  const and = AND_X.exec(normalized);
  if (and?.[2]) return { type: 'and', rest: and[2] };
  const summary = SUMMARY.exec(normalized);
  // "latest", "what's new", "any updates": on a live blog, its newest entry rather than its opening.
  if (summary) return { type: 'summary', rest: summary[2] ?? '', latest: /^(latest|new|going on|happening|(any )?updates?|(any )?(latest )?news)$/.test(summary[1] ?? '') };
  const happened = WHAT_HAPPENED.exec(normalized);
  if (happened) return { type: 'summary', rest: '', latest: false };
  if (POSITIONS.test(normalized)) {
    const number = TABLE_NUMBER.exec(normalized)?.[1];
    // The table's number picks a table, never a topic: "positions 2" is not about the number 2.
    return { type: 'positions', rest: number ? normalized.replace(TABLE_NUMBER, ' ').replace(/\s+/g, ' ').trim() : normalized, ...(number ? { tableNumber: Number(number) } : {}) };
  }
  return { type: 'query', text: normalized };
}

/** Grammar words of the positions intent: they select the intent, not the topic. */
export const POSITIONS_WORDS = new Set(['positions', 'position', 'side', 'compare', 'comparison', 'stances', 'stance', 'table', 'tables', 'show', 'full', 'whole', 'vs', 'versus', 'v']);
