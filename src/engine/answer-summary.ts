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
export function answerSummary(ctx: EngineContext, topicText: string, topic: TermGroup[]): Resolution | undefined {
  const documents = ctx.documents;
  if (documents.length === 0) return undefined;
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
    docIndex = newestFirst(ctx)[0] as number;
  }
  const others = newestFirst(ctx)
    .filter((index) => index !== docIndex && (documents[index]?.sections.length ?? 0) > 0)
    .slice(0, SUMMARY_RELATED_MAX)
    .map((index) => sectionRef(ctx, index, 0));
  if ((documents[docIndex]?.sections.length ?? 0) === 0) return undefined;
  return sectionAnswer(ctx, docIndex, 0, 0, new Set(), others);
}

/** Whether every topic word is a word of the article's title (or of its lede section's title) in its own words. */
function namesTheArticle(ctx: EngineContext, docIndex: number, topic: TermGroup[]): boolean {
  const titleTerms = new Set(analyzeText(`${ctx.documents[docIndex]?.title ?? ''} ${ctx.documents[docIndex]?.sections[0]?.title ?? ''}`));
  return topic.every((group) => group.alternatives.some((alternative) => alternative.how !== 'lexicon' && titleTerms.has(alternative.term)));
}

/** Document indexes, newest `asOf` first; the same date keeps load order. */
function newestFirst(ctx: EngineContext): number[] {
  return ctx.documents.map((_, index) => index).sort((a, b) => (ctx.documents[b]?.asOf ?? '').localeCompare(ctx.documents[a]?.asOf ?? '') || a - b);
}
