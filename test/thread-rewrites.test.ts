import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationState } from '../src/index.js';
import { FOLLOW_UP_OPTIONS } from '../src/engine/follow-ups.js';
import { ATTRIBUTION_OPTIONS } from '../src/engine/attribution.js';
import { engineOfText, thread, firstExcerpt } from './fixture-engine.js';

const saved = { ...FOLLOW_UP_OPTIONS };
const savedAttribution = { ...ATTRIBUTION_OPTIONS };
afterEach(() => (Object.assign(FOLLOW_UP_OPTIONS, saved), Object.assign(ATTRIBUTION_OPTIONS, savedAttribution)));

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

/** Our own small article: people introduced by full name, quoted later by surname, one with a name particle. */
const HARBOUR_TALKS = `Harbour Talks in Mombasa Make Slow Progress

Who Is at the Table

Kenya sent its minister of ports, Amina Odhiambo, and the head of its customs service, Peter Wekesa.
The European Commission's transport envoy, Pieter van Dijk, is attending as an observer.

What They Said

"We will not sign a deal that leaves our port empty," Odhiambo told reporters on Monday.
Van Dijk said Brussels would pay for new cranes if both sides agreed.
`;

describe('"what did he say", "who is she" (FOLLOW_UP_OPTIONS.personPronouns)', () => {
  const engine = engineOfText('harbour-talks.txt', HARBOUR_TALKS);

  it('reads the pronoun as the person the excerpt just quoted names', () => {
    const [who, said] = thread(engine, 'who is the kenyan minister of ports', 'what did she say');
    expect(firstExcerpt(who)).toContain('Amina Odhiambo');
    expect(said?.resolvedQuery).toMatch(/^what did (?:amina )?odhiambo say$/);
    expect(firstExcerpt(said)).toContain('leaves our port empty');
  });

  it('keeps a name particle and leaves an organisation aside', () => {
    const [, said] = thread(engine, 'who is the transport envoy', 'what did he say');
    expect(said?.resolvedQuery).toMatch(/^what did (?:pieter )?van dijk say$/);
    expect(firstExcerpt(said)).toContain('new cranes');
  });

  it('"who is she" after a quote names its speaker', () => {
    const [, who] = thread(engine, 'what did odhiambo say', 'who is she');
    expect(who?.resolvedQuery).toBe('who is amina odhiambo');
    expect(firstExcerpt(who)).toContain('minister of ports');
  });

  it('off, "what did she say" is asked as it stands', () => {
    FOLLOW_UP_OPTIONS.personPronouns = false;
    const [, said] = thread(engine, 'who is the kenyan minister of ports', 'what did she say');
    expect(said?.resolvedQuery).toBeUndefined();
    expect(firstExcerpt(said)).not.toContain('leaves our port empty');
  });
});

/** Our own small article: a positions table of two parties. */
const DELTA_TALKS = `Delta Talks in Dhaka

Bangladesh and India met in Dhaka on Monday to discuss the river delta.

Where They Stand

| Issue | Bangladesh | India |
|---|---|---|
| Water sharing | Half of the dry-season flow | A third of the dry-season flow |
| Dredging | Joint dredging from 2027 | Each side dredges its own channel |
`;

describe('"no, I meant X" in a thread (FOLLOW_UP_OPTIONS.corrections)', () => {
  const engine = engineOfText('delta-talks.txt', DELTA_TALKS);

  it('is "and X?": the other party on the same row, or the same party on another row', () => {
    const [, party] = thread(engine, 'bangladesh on water sharing', 'no, I meant india');
    expect(firstExcerpt(party)).toMatch(/^India: A third of the dry-season flow/);
    const [, row] = thread(engine, 'india on water sharing', 'sorry, i meant dredging');
    expect(firstExcerpt(row)).toMatch(/^India: Each side dredges its own channel/);
  });

  it('off, the correction is a question of its own', () => {
    FOLLOW_UP_OPTIONS.corrections = false;
    const [, party] = thread(engine, 'bangladesh on water sharing', 'no, I meant india');
    expect(firstExcerpt(party)).not.toMatch(/^India: A third of the dry-season flow/);
  });
});

/** Our own small article: a quote by "he" whose paragraph names him without a verb of speaking, after another speaker's paragraph. */
const CANAL_TALKS = `Canal Talks in Panama

In Their Own Words

"We have the water and we have the will," Rosa Mendez told reporters on Friday.

Tomas Herrera, the shipping minister, was blunter. "Every dry year costs us a month of traffic," he said on Thursday.
`;

describe('"who said that" after a "…, he said" quote (ATTRIBUTION_OPTIONS.pronounNamedInParagraph)', () => {
  const engine = engineOfText('canal-talks.txt', CANAL_TALKS);

  it('is the person the quote\'s paragraph has just named, not the speaker of the paragraph before', () => {
    const [quote, who] = thread(engine, 'what did herrera say', 'who said that');
    expect(firstExcerpt(quote)).toContain('Every dry year');
    expect(who?.notices?.join(' ')).toContain('Tomas Herrera');
    expect(firstExcerpt(who)).toContain('Tomas Herrera');
  });

  it('off, the speaker named with a verb of speaking before it is taken', () => {
    ATTRIBUTION_OPTIONS.pronounNamedInParagraph = false;
    const [, who] = thread(engine, 'what did herrera say', 'who said that');
    expect(firstExcerpt(who)).not.toContain('Tomas Herrera');
  });
});

describe('the thread\'s question after a speaker swap (FOLLOW_UP_OPTIONS.swappedSpeakerStays)', () => {
  const engine = engineOfText('canal-talks.txt', CANAL_TALKS);
  const lastQueryAfter = (...questions: string[]) => {
    let state: ConversationState | undefined;
    for (const question of questions) state = engine.answer(question, state).state;
    return state?.lastQuery;
  };

  it('is the swapped question, so "when?" asks when that one spoke', () => {
    expect(lastQueryAfter('what did mendez say', 'and herrera?')).toBe('what did herrera say');
  });

  it('off, it stays the first speaker\'s', () => {
    FOLLOW_UP_OPTIONS.swappedSpeakerStays = false;
    expect(lastQueryAfter('what did mendez say', 'and herrera?')).toBe('what did mendez say');
  });
});

describe('"when?" looks in the last answer first (FOLLOW_UP_OPTIONS.whInLastAnswerFirst)', () => {
  const engine = engineOfText('canal-talks.txt', CANAL_TALKS);

  it('after "and herrera?", "when?" is when Herrera spoke, not Mendez shown before him in the section', () => {
    const [, , when] = thread(engine, 'what did mendez say', 'and herrera?', 'when?');
    expect(firstExcerpt(when)).toContain('on Thursday');
  });

  it('off, the first passage shown in the section holding a date answers', () => {
    FOLLOW_UP_OPTIONS.whInLastAnswerFirst = false;
    const [, , when] = thread(engine, 'what did mendez say', 'and herrera?', 'when?');
    expect(firstExcerpt(when)).toContain('on Friday');
  });
});
