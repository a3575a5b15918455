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
  return sectionAnswer(ctx, docIndex, 0, 0, new Set(), others);
}

/** Document indexes, newest `asOf` first; the same date keeps load order. */
function newestFirst(ctx: EngineContext): number[] {
  return ctx.documents.map((_, index) => index).sort((a, b) => (ctx.documents[b]?.asOf ?? '').localeCompare(ctx.documents[a]?.asOf ?? '') || a - b);
}
