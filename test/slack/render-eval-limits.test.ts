import { describe, expect, it } from 'vitest';
import { renderSlackAnswer } from '../../adapters/slack/render-blocks.js';
import { EVAL_SETS } from '../../eval/eval-sets.js';
import { loadSetDocuments, readQuestionSet } from '../../eval/run-eval-set.js';
import { SPLITS } from '../../eval/score-eval.js';
import { buildEngine, type Answer, type ConversationState } from '../../src/index.js';
import { blockTexts, normalise, quotedExcerpts } from './message-inspect.js';
import { checkSlackMessage } from './slack-message-rules.js';

const VARIANTS = [{}, { echoQuery: true, shareValue: 'q:x'.repeat(100) }, { tableStyle: 'fields' as const, echoQuery: true, sharedBy: 'U0SHARER' }];

/** Renders one answer every way the app does and checks it against Slack's rules. */
function checkAnswer(label: string, answer: Answer): string[] {
  const problems: string[] = [];
  for (const options of VARIANTS) {
    const message = renderSlackAnswer(answer, options);
    for (const problem of checkSlackMessage(message)) problems.push(`${label}: ${problem.error} ${problem.detail}`);
    if (message.blocks.length === 0) problems.push(`${label}: no blocks`);
    if (message.text.length > 4000) problems.push(`${label}: fallback text ${message.text.length} chars`);
    for (const text of [...blockTexts(message.blocks), message.text]) {
      const pings = text.match(/<[!#@][^>]*>/g)?.filter((m) => m !== `<@${String((options as { sharedBy?: string }).sharedBy)}>`) ?? [];
      if (pings.length > 0) problems.push(`${label}: unescaped ${pings.join(' ')}`);
    }
    // Nothing is dropped silently: unless the message says it cut, every excerpt is there, whole.
    if (!message.truncated && answer.kind !== 'positions') {
      const shown = normalise(quotedExcerpts(message.blocks).join(' '));
      for (const citation of answer.citations) if (!shown.includes(normalise(citation.excerpt))) problems.push(`${label}: excerpt missing`);
    }
  }
  return problems;
}

describe('every eval question renders within Slack\'s limits', () => {
  for (const set of EVAL_SETS) {
    it(`${set.name}: answers, follow-ups and button answers`, async () => {
      const { documents } = await loadSetDocuments(set);
      const engine = buildEngine(documents);
      const problems: string[] = [];
      let rendered = 0;
      for (const split of SPLITS) {
        const questions = await readQuestionSet(set.name, split);
        const states = new Map<string, ConversationState>();
        for (const question of questions) {
          const turn = engine.answer(question.q, question.thread ? states.get(question.thread) : undefined);
          if (question.thread) states.set(question.thread, turn.state);
          problems.push(...checkAnswer(`${question.id}`, turn.answer));
          rendered += 1;
          for (const action of turn.answer.actions) {
            problems.push(...checkAnswer(`${question.id} → ${action.kind}`, engine.runAction(action.token)));
            rendered += 1;
          }
        }
      }
      for (const query of ['positions', 'sections', 'help', '', 'x'.repeat(5000), '<!channel> <@U1> & @here']) {
        problems.push(...checkAnswer(`"${query.slice(0, 20)}"`, engine.answer(query).answer));
      }
      expect(rendered).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    });
  }
});
