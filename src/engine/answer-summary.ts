import type { EngineContext } from './engine-context.js';
import { answerQuestion, sectionAnswer, type Resolution } from './answer-query.js';
import { sectionRef } from './compose-answer.js';
import type { TermGroup } from './resolve-query-terms.js';
import { analyzeText } from '../text/analyze-terms.js';

/** Most other articles' ledes offered beside a summary. */
export const SUMMARY_RELATED_MAX = 4;

/**
 * "summary", "tldr", "what's the latest": the lede (first section, opening passages first) of the newest
 * article, or of the article the rest of the query names ("latest on the dam"); a topic further down an
 * article ("latest on the power cuts") is answered as a question. Undefined when the rest names nothing the
 * articles hold: then it is an ordinary question, refused or answered as such.
 */
export function answerSummary(ctx: EngineContext, topicText: string, topic: TermGroup[], latest = false): Resolution | undefined {
  const documents = ctx.documents;
  if (documents.length === 0) return undefined;
  const byDate = newestFirst(ctx);
  let docIndex: number;
  if (topic.length > 0) {
    // The article whose passages answer the topic as a question would be (same evidence checks)…
    const question = answerQuestion(ctx, topicText, topic);
    const focus = question.focus;
    if (focus.docIndex === undefined) return undefined;
    // …its lede when the topic is what the article is about (its lede or title says it: "latest on the dam"),
    // else the answer about the topic itself ("latest on the power cuts" is one paragraph further down).
    if (focus.sectionIndex !== 0 && !namesTheArticle(ctx, focus.docIndex, topic)) return question;
    docIndex = focus.docIndex;
  } else {
    docIndex = byDate[0] as number;
  }
  const others = byDate
    .filter((index) => index !== docIndex && (documents[index]?.sections.length ?? 0) > 0)
    .slice(0, SUMMARY_RELATED_MAX)
    .map((index) => sectionRef(ctx, index, 0));
  if ((documents[docIndex]?.sections.length ?? 0) === 0) return undefined;
  const entry = latest ? newestEntry(ctx, docIndex) : undefined;
  return sectionAnswer(ctx, docIndex, entry ?? 0, 0, new Set(), entry === undefined ? others : [sectionRef(ctx, docIndex, 0), ...others]);
}

/** A live blog's entry titles: a time of day ("14:05 GMT", "2.30pm", "09:15 — Talks resume"). */
const ENTRY_TIME = /^(\d{1,2})[:.](\d{2})\s*(am|pm)?\b|^(\d{1,2})\s*(am|pm)\b/i;

/**
 * The newest entry of a live blog (an article with two or more sections titled by a time of day): the last one
 * when they run oldest first, the first when newest first. Undefined for any other article.
 */
function newestEntry(ctx: EngineContext, docIndex: number): number | undefined {
  const entries: Array<{ sectionIndex: number; minutes: number }> = [];
  ctx.documents[docIndex]?.sections.forEach((section, sectionIndex) => {
    const match = ENTRY_TIME.exec(section.title.trim());
    if (!match || ctx.passagesOf(docIndex, sectionIndex).length === 0) return;
    const hour = Number(match[1] ?? match[4]);
    const meridiem = (match[3] ?? match[5] ?? '').toLowerCase();
    const hours = meridiem === 'pm' ? (hour % 12) + 12 : meridiem === 'am' ? hour % 12 : hour;
    entries.push({ sectionIndex, minutes: hours * 60 + Number(match[2] ?? 0) });
  });
  if (entries.length < 2) return undefined;
  const first = entries[0] as { sectionIndex: number; minutes: number };
  const last = entries[entries.length - 1] as { sectionIndex: number; minutes: number };
  return first.minutes > last.minutes ? first.sectionIndex : last.sectionIndex;
}

/** Whether every topic word is a word of the article's title (or of its lede section's title) in its own words. */
function namesTheArticle(ctx: EngineContext, docIndex: number, topic: TermGroup[]): boolean {
  const titleTerms = new Set(analyzeText(`${ctx.documents[docIndex]?.title ?? ''} ${ctx.documents[docIndex]?.sections[0]?.title ?? ''}`));
  return topic.every((group) => group.alternatives.some((alternative) => alternative.how !== 'lexicon' && titleTerms.has(alternative.term)));
}

/** Document indexes, newest `asOf` first; the same date keeps load order. */
export function newestFirst(ctx: EngineContext): number[] {
  return ctx.documents.map((_, index) => index).sort((a, b) => (ctx.documents[b]?.asOf ?? '').localeCompare(ctx.documents[a]?.asOf ?? '') || a - b);
}
