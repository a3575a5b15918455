import { readFile } from 'node:fs/promises';
import { buildEngine, parseArticle, type Answer, type ConversationState, type Engine } from '../src/index.js';

/** The date every test article is parsed as of (for articles without a front-matter date). */
const AS_OF = new Date('2026-11-21T00:00:00Z');

/** An engine over one article given as text, alone. */
export function engineOfText(fileName: string, text: string): Engine {
  return buildEngine([parseArticle({ fileName, text, modifiedAt: AS_OF })]);
}

/** An engine over one article of test/fixtures/articles, alone. */
export async function engineOfFixture(fileName: string): Promise<Engine> {
  return engineOfText(fileName, await readFile(new URL(`./fixtures/articles/${fileName}`, import.meta.url), 'utf8'));
}

/** Asks the questions of one thread in turn; returns every answer. */
export function thread(engine: Engine, ...questions: string[]): Answer[] {
  let state: ConversationState | undefined;
  return questions.map((question) => {
    const turn = engine.answer(question, state);
    state = turn.state;
    return turn.answer;
  });
}

/** The first citation's excerpt of an answer, or ''. */
export const firstExcerpt = (answer: Answer | undefined) => answer?.citations[0]?.excerpt ?? '';
