import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, ConversationState, Engine } from '../src/index.js';
import { FOLLOW_UP_OPTIONS } from '../src/engine/follow-ups.js';
import { engineOfText } from './fixture-engine.js';

/** Asks the questions of one thread in turn; returns every answer. */
function thread(engine: Engine, ...questions: string[]): Answer[] {
  let state: ConversationState | undefined;
  return questions.map((question) => {
    const turn = engine.answer(question, state);
    state = turn.state;
    return turn.answer;
  });
}

const firstExcerpt = (answer: Answer | undefined) => answer?.citations[0]?.excerpt ?? '';
const saved = { ...FOLLOW_UP_OPTIONS };
afterEach(() => Object.assign(FOLLOW_UP_OPTIONS, saved));

/** Our own small article: one thing left unagreed (dredging), one agreed (the fee). */
const LAKE_TALKS = `Lake Talks End With a Fishing Deal but No Deal on Dredging

Officials from Kenya and Uganda ended two days of talks in Kisumu on Friday with a deal on fishing licences.

What Was Agreed

- A licence fee of $200 a year for every boat on the lake
- A joint patrol of the shared waters from June

What Was Left Open

There was no agreement on dredging the harbour at Port Bell.

The Licence Fee

The fee will be collected by both fisheries departments and shared equally.
`;

describe('"and on X?" after an outcome question (FOLLOW_UP_OPTIONS.keepOutcome)', () => {
  const engine = engineOfText('lake-talks.txt', LAKE_TALKS);

  it('keeps the "not": no passage says the fee was left unagreed, so not_found, not the fee passage', () => {
    const [first, fee] = thread(engine, 'what did they not agree on', 'and on the fee?');
    expect(firstExcerpt(first)).toContain('no agreement on dredging');
    expect(fee?.kind).toBe('not_found');
    expect(fee?.resolvedQuery).toBe('on the fee not agree');
  });

  it('still answers a topic that was left unagreed', () => {
    const [, dredging] = thread(engine, 'what did they not agree on', 'and on dredging?');
    expect(firstExcerpt(dredging)).toContain('no agreement on dredging');
  });

  it('off, the bare topic is answered, as if the "not" had not been asked', () => {
    FOLLOW_UP_OPTIONS.keepOutcome = false;
    const [, fee] = thread(engine, 'what did they not agree on', 'and on the fee?');
    expect(fee?.kind).not.toBe('not_found');
    expect(firstExcerpt(fee)).toContain('fee');
  });
});
