import type { EngineContext } from './engine-context.js';
import { answerQuestion, sectionAnswer, type Resolution } from './answer-query.js';
import { sectionRef } from './compose-answer.js';
import type { TermGroup } from './resolve-query-terms.js';

/** Most other articles' ledes offered beside a summary. */
export const SUMMARY_RELATED_MAX = 4;

/**
 * "summary", "tldr", "what's the latest": the lede (first section, opening passages first) of the newest
 * article, or of the article the rest of the query names best ("latest on the dam"). Undefined when the
 * rest names nothing the articles hold: then it is an ordinary question, refused or answered as such.
 */
export function answerSummary(ctx: EngineContext, topicText: string, topic: TermGroup[]): Resolution | undefined {
  const documents = ctx.documents;
  if (documents.length === 0) return undefined;
  let docIndex: number;
  if (topic.length > 0) {
    // The article whose passages answer the topic as a question would be (same evidence checks).
    const focus = answerQuestion(ctx, topicText, topic).focus.docIndex;
    if (focus === undefined) return undefined;
    docIndex = focus;
  } else {
    docIndex = newestFirst(ctx)[0] as number;
  }
  const others = newestFirst(ctx)
    .filter((index) => index !== docIndex && (documents[index]?.sections.length ?? 0) > 0)
    .slice(0, SUMMARY_RELATED_MAX)
    .map((index) => sectionRef(ctx, index, 0));
  if ((documents[docIndex]?.sections.length ?? 0) === 0) return undefined;
  // A byline or a time stamp over the lede is no part of what the story says: start after them (they count as read).
  const passages = ctx.passagesOf(docIndex, 0);
  let from = 0;
  while (from < passages.length - 1 && isByline((passages[from] as { text: string }).text)) from++;
  const resolution = sectionAnswer(ctx, docIndex, 0, from, new Set(), others);
  return { ...resolution, focus: { ...resolution.focus, shown: [...passages.slice(0, from), ...resolution.focus.shown] } };
}

/** "By Maria Georgiou and Mehmet Yilmaz, Desk", "Updated 14 March 2026, 18:05 GMT": a short line naming the writers or the time. */
export function isByline(text: string): boolean {
  if (text.length > BYLINE_MAX_CHARS) return false;
  if (/^(?:updated|published|posted|last updated|first published)\b/i.test(text)) return true;
  // "By" and names only: "By Friday, negotiators had agreed…" is a sentence.
  const words = text.replace(/^by\s+/i, '').split(/[\s,]+/).filter(Boolean);
  return /^by\s/i.test(text) && !/[.!?]$/.test(text) && words.every((word) => /^\p{Lu}/u.test(word) || BYLINE_JOINERS.has(word.toLowerCase()));
}

/** Words a byline's names are joined and placed with ("By Ana Ruiz and Li Wei in Geneva"). */
const BYLINE_JOINERS = new Set(['and', '&', 'in', 'for', 'of', 'the', 'at']);

/** Longest line taken for a byline or time stamp. */
const BYLINE_MAX_CHARS = 120;

/** Document indexes, newest `asOf` first; the same date keeps load order. */
function newestFirst(ctx: EngineContext): number[] {
  return ctx.documents.map((_, index) => index).sort((a, b) => (ctx.documents[b]?.asOf ?? '').localeCompare(ctx.documents[a]?.asOf ?? '') || a - b);
}
