/** "any quotes", "give me a quote on the speed limit": passages holding someone's words in quotation marks. */
import { newestFirst } from './answer-summary.js';
import { answerQuestion, notFound, type Resolution } from './answer-query.js';
import { citationOf, moreAction } from './compose-answer.js';
import type { EngineContext } from './engine-context.js';
import { EVIDENCE } from './evidence.js';
import type { Passage } from './passages.js';
import { holdsQuotation } from './quote-requests.js';
import type { TermGroup } from './resolve-query-terms.js';

/**
 * A quote on a topic: the question's best passages that hold a quotation. With no topic ("any quotes",
 * "who was quoted"), the newest article's quotations in reading order.
 */
export function answerQuotes(ctx: EngineContext, text: string, groups: TermGroup[]): Resolution {
  if (groups.length > 0) {
    const resolution = answerQuestion(ctx, text, groups, new Set(), (passage) => holdsQuotation(passage.text));
    if (resolution.draft.kind !== 'not_found') return resolution;
    return notFound(ctx, groups, "The articles don't quote anyone on that.");
  }
  for (const docIndex of newestFirst(ctx)) {
    const document = ctx.documents[docIndex];
    const quoted: Passage[] = (document?.sections ?? []).flatMap((_, sectionIndex) => ctx.passagesOf(docIndex, sectionIndex).filter((passage) => holdsQuotation(passage.text)));
    const chosen = quoted.slice(0, EVIDENCE.maxPassages);
    const first = chosen[0];
    if (!first) continue;
    const actions = [moreAction(ctx, first.docIndex, first.sectionIndex, 0)].filter((action) => action !== undefined);
    return {
      draft: { kind: 'answer', citations: chosen.map((passage) => citationOf(ctx, passage, new Set())), actions },
      focus: { docIndex: first.docIndex, sectionIndex: first.sectionIndex, shown: chosen },
    };
  }
  return notFound(ctx, [], "The articles don't quote anyone.");
}
